/**
 * `npm run import -- <file> --talk <slug>`: a speaker-labelled text transcript becomes
 * content/talks/<slug>/. Argument handling, reading and writing, and the report; the logic is in
 * src/lib/import/transcript.ts. Runs in-process in tests through runImport().
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { RESERVED_SLUGS } from '../lib/content/catalog';
import { readTalkFolder } from '../lib/import/talk-files';
import {
  decodeTranscript,
  DEFAULT_MARKERS,
  ImportError,
  planTalk,
  type CutRange,
  type ExistingTalk,
  type SpeakerRecord,
} from '../lib/import/transcript';
import { acquireImportLock, LockedError } from '../lib/import/import-lock';
import { findLeftovers } from '../lib/import/interrupted';
import { createLabelResolver, type ImportLabelResolver, type TalkLabel } from '../lib/import/label-resolver';
import { describePlan } from '../lib/import/plan-report';
import { chooseColor, stubYaml } from '../lib/import/speaker-stubs';
import { labelsToKeep, parseSpeakerOption, readTalkLabels } from '../lib/import/talk-labels';
import { recoverInterrupted, UnfinishedImportError, writeTalk } from '../lib/import/talk-transaction';
import { FORMATS, isFormatName, type FormatName } from '../lib/import/detect';
import { prepareTranscript, readTranscript } from '../lib/import/read-transcript';
import { LANGUAGE_TAG, talkLanguage } from '../lib/import/talk-language';
import { idProblem, isIsoDate } from '../schemas/common';
import { SpeakerSchema } from '../schemas/speaker';

export const USAGE = `Usage: npm run import -- <file> --talk <slug> [options]
       npm run import -- --recover

Turns a UTF-8 transcript into content/talks/<slug>/: talk.yaml, source.txt (the file as given)
and one Markdown file per turn. Reads plain text (a speaker line — "姓名：", "Name:" or a name alone
on its line — or "姓名：话" and "Name: words" on one line, then paragraphs, one per line), meeting
exports ("Name  0:00:12", then paragraphs), WebVTT, SRT, Podcast Index JSON and diarized speech
recognition JSON (see docs/transcript-formats.md). Labels are resolved against the names and
aliases in content/speakers (titles, brackets and case set aside) and the talk's own labels.
All files are written or none, even if the import is killed. See docs/importer.md.

Options:
  --talk <slug>      folder and URL of the talk: lower-case ASCII words joined by hyphens
  --title <text>     title for a new talk's talk.yaml
  --date <YYYY-MM-DD>  date for a new talk's talk.yaml (marked unverified until sourced)
  --start <marker>   the transcript starts after the first line containing this text
                     (default: "${DEFAULT_MARKERS.start}", used only if present)
  --end <marker>     the transcript ends before the next line containing this text
                     (default: "${DEFAULT_MARKERS.end}", used only if present)
  --speaker <label>=<id>  who a label is in this talk (a role such as 主持人 or MODERATOR, a
                     diarization id such as SPEAKER_00); kept in talk.yaml's labels; repeatable
  --create-speakers  write a stub content/speakers/<id>.yaml for each unknown person (the
                     build refuses it until its 【待补充】 are filled in); a Han name needs
                     --speaker <name>=<id>, and a role is never made a person
  --format <name>    the transcript's format, when detection guesses wrong: ${FORMATS.join(', ')}
                     (default: detected from the text, then the file name)
  --language <tag>   BCP 47 language of a new talk's words, e.g. en, zh-CN, fr
                     (default: zh-CN for mostly Han text, en for mostly Latin letters)
  --force            re-import into an existing talk: keeps talk.yaml, other files and each
                     turn's front matter (anchor, quotes) where the speaker at that position
                     is unchanged; rewrites the words
  --dry-run          print the plan (speakers with their labels, turns, characters); write nothing
  --recover          only finish or undo an interrupted import (every run does this first)
  -h, --help         show this help

Set HUITAN_CONTENT_DIR to import into another content folder.`;

export interface ImportIo {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

class UsageError extends Error {}

interface Options {
  file: string;
  talk: string;
  title: string | undefined;
  date: string | undefined;
  start: string | undefined;
  end: string | undefined;
  format: FormatName | undefined;
  language: string | undefined;
  force: boolean;
  dryRun: boolean;
  speakers: { label: string; id: string }[];
  createSpeakers: boolean;
}

function readOptions(argv: string[]): Options | 'help' | 'recover' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        talk: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        format: { type: 'string' },
        language: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        speaker: { type: 'string', multiple: true, default: [] },
        'create-speakers': { type: 'boolean', default: false },
        recover: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.recover) {
    if (positionals.length > 0 || argv.length > 1)
      throw new UsageError('--recover: expected no other argument, found some');
    return 'recover';
  }
  if (positionals.length !== 1)
    throw new UsageError(
      `expected one transcript file, found ${positionals.length === 0 ? 'none' : positionals.length}`,
    );
  const talk = values.talk;
  if (talk === undefined) throw new UsageError('expected --talk <slug>, found none');
  const slugProblem = idProblem(talk);
  if (slugProblem) throw new UsageError(`--talk: ${slugProblem} (it becomes the folder and the URL)`);
  if (RESERVED_SLUGS.has(talk))
    throw new UsageError(
      `--talk: expected a slug other than ${[...RESERVED_SLUGS].join(', ')} (the site uses those URLs), found ${JSON.stringify(talk)}`,
    );
  if (values.date !== undefined && !isIsoDate(values.date))
    throw new UsageError(`--date: expected an ISO date YYYY-MM-DD, found ${JSON.stringify(values.date)}`);
  if (values.title !== undefined && values.title.trim() === '')
    throw new UsageError('--title: expected text, found an empty title');
  for (const marker of ['start', 'end'] as const) {
    if (values[marker] !== undefined && values[marker].trim() === '')
      throw new UsageError(`--${marker}: expected marker text, found nothing`);
  }
  if (values.language !== undefined && !LANGUAGE_TAG.test(values.language)) {
    throw new UsageError(
      `--language: expected a BCP 47 tag such as en, zh-CN or fr, found ${JSON.stringify(values.language)}`,
    );
  }
  if (values.format !== undefined && !isFormatName(values.format)) {
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, found ${JSON.stringify(values.format)}`);
  }
  const speakers: { label: string; id: string }[] = [];
  for (const value of values.speaker) {
    const given = parseSpeakerOption(value);
    if (typeof given === 'string') throw new UsageError(given);
    const twice = speakers.find((other) => other.label === given.label);
    if (twice)
      throw new UsageError(
        `--speaker: expected each label once, found ${JSON.stringify(given.label)} for ${twice.id} and ${given.id}`,
      );
    speakers.push(given);
  }
  return {
    file: positionals[0]!,
    talk,
    title: values.title?.trim(),
    date: values.date,
    start: values.start,
    end: values.end,
    format: values.format,
    language: values.language,
    force: values.force,
    dryRun: values['dry-run'],
    speakers,
    createSpeakers: values['create-speakers'],
  };
}

interface KnownSpeaker extends SpeakerRecord {
  color: string;
}

async function readSpeakers(dir: string, display: string): Promise<KnownSpeaker[]> {
  if (!existsSync(dir)) throw new ImportError(display, undefined, 'expected a folder of speaker files, found none');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  const speakers: KnownSpeaker[] = [];
  for (const name of names) {
    const file = `${display}/${name}`;
    let data: unknown;
    try {
      data = parseYaml(await readFile(path.join(dir, name), 'utf8'));
    } catch (error) {
      throw new ImportError(file, undefined, `expected valid YAML, found: ${(error as Error).message}`);
    }
    const result = SpeakerSchema.safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new ImportError(
        file,
        undefined,
        `field "${issue.path.join('.')}": ${issue.message} (run npm test for every problem)`,
      );
    }
    speakers.push({
      id: name.replace(/\.yaml$/, ''),
      name: result.data.name,
      aliases: result.data.aliases,
      color: result.data.color,
    });
  }
  return speakers;
}

function describeCut(where: 'before' | 'after', range: CutRange | undefined, lines: string[], reason?: string): string {
  if (!range) return `Cut nothing ${where} the transcript (no ${where === 'before' ? 'start' : 'end'} marker found)`;
  const sample = lines
    .slice(range.from - 1, range.to)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const preview = sample.length <= 3 ? sample : [...sample.slice(0, 2), '…', sample.at(-1)!];
  return (
    `Cut lines ${range.from}–${range.to} ${where} the transcript (${range.textLines} with text; ${reason ?? 'marker'} ${JSON.stringify(range.marker)} on line ${where === 'before' ? range.to : range.from}):\n` +
    preview.map((line) => `    | ${line.length > 50 ? `${line.slice(0, 49)}…` : line}`).join('\n')
  );
}

/** What every step of a run needs: where content is and how to speak. */
interface Run {
  cwd: string;
  content: string;
  talksDir: string;
  speakersDir: string;
  stdout: (text: string) => void;
  display: (file: string) => string;
}

/** The existing talk's per-talk labels, then --speaker's (which win for the same label). */
async function talkLabelsOf(target: string, options: Options, run: Run): Promise<TalkLabel[]> {
  const file = path.join(target, 'talk.yaml');
  const kept = existsSync(file) ? readTalkLabels(await readFile(file, 'utf8'), run.display(file)) : [];
  const given = options.speakers.map(({ label, id }) => ({ label, id, origin: '--speaker' }));
  return [...kept.filter((old) => !given.some((entry) => entry.label === old.label)), ...given];
}

/** Imports one transcript (under the lock, after recovery); returns the exit code. */
async function importTalk(options: Options, run: Run): Promise<number> {
  const { stdout, display } = run;
  const target = path.join(run.talksDir, options.talk);
  const sourcePath = path.resolve(run.cwd, options.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(sourcePath);
  } catch (error) {
    throw new ImportError(
      options.file,
      undefined,
      `expected a readable transcript file, found ${(error as NodeJS.ErrnoException).code ?? 'an error'}`,
    );
  }
  const text = decodeTranscript(bytes, options.file);
  const given = options.start !== undefined || options.end !== undefined;
  const source = prepareTranscript(text, {
    file: options.file,
    format: options.format,
    markers: given
      ? { start: options.start, end: options.end, required: true }
      : { ...DEFAULT_MARKERS, required: false },
  });
  const speakers = await readSpeakers(run.speakersDir, display(run.speakersDir));
  const talkLabels = await talkLabelsOf(target, options, run);
  const resolver = createLabelResolver({
    speakers,
    file: options.file,
    talkLabels,
    createSpeakers: options.createSpeakers,
  });
  const reading = await readTranscript(source, resolver);
  const turns = reading.turns;
  for (const { label } of options.speakers) {
    if (!resolver.talkLabelsUsed.has(label)) {
      throw new ImportError(
        options.file,
        undefined,
        `--speaker: expected the label ${JSON.stringify(label)} on a speaker line of the transcript, found none (labels are matched as written, titles and case aside)`,
      );
    }
  }

  const exists = existsSync(target);
  if (exists && !options.force && !options.dryRun) {
    throw new ImportError(
      display(target),
      undefined,
      "expected no talk here, found one: re-import with --force (keeps talk.yaml and each turn's front matter where the speaker is unchanged), or choose another --talk",
    );
  }
  if (exists && (options.title !== undefined || options.date !== undefined || options.language !== undefined)) {
    throw new ImportError(
      display(path.join(target, 'talk.yaml')),
      undefined,
      'expected --title, --date and --language only for a new talk, found an existing talk.yaml: edit it instead',
    );
  }
  let existing: ExistingTalk | undefined;
  let extra = new Map<string, Uint8Array>();
  if (exists) ({ existing, extra } = await readTalkFolder(target, display(target)));
  // A --speaker label that is already the person's name or alias needs no place in talk.yaml.
  const byName = createLabelResolver({
    speakers: [...speakers, ...resolver.created.map((entry) => entry.speaker)],
    file: options.file,
  });
  const labels = labelsToKeep(
    options.speakers,
    resolver.talkLabelsUsed,
    (label, id) => byName.knows(label) && byName.resolve(label, 0).id === id,
  );
  const language = existing
    ? undefined
    : talkLanguage(
        turns.flatMap((turn) => turn.paragraphs),
        options.language,
      );
  const plan = planTalk(turns, {
    title: options.title,
    date: options.date,
    sourceName: path.basename(options.file),
    existing,
    labels,
    language: language?.tag,
  });
  for (const old of talkLabels) {
    if (old.origin !== '--speaker' && !resolver.talkLabelsUsed.has(old.label))
      plan.warnings.push(
        `talk.yaml: label ${JSON.stringify(old.label)} (${old.id}) is not used by this transcript any more`,
      );
  }
  const stubs = speakerStubs(resolver.created, speakers, turns, options, existing);

  const lines = text.split('\n');
  stdout(`Read ${options.file}: ${lines.length} lines of UTF-8 text`);
  stdout(`Format: ${source.format} (${source.reason}${options.format ? '' : '; choose another with --format'})`);
  if (language) stdout(`Language: ${language.tag} (${language.reason})`);
  if (source.textFormat) {
    stdout(describeCut('before', source.cut.before, lines));
    stdout(describeCut('after', source.cut.after, lines));
  }
  for (const cut of reading.cut) stdout(describeCut('after', cut, lines, cut.reason));
  stdout(
    describePlan(plan, exists, {
      labelsUsed: resolver.labelsUsed,
      talkLabels: new Set(resolver.talkLabelsUsed),
      created: new Set(resolver.created.map((entry) => entry.speaker.id)),
    }),
  );
  for (const [id, stub] of stubs)
    stdout(
      `  + ${display(path.join(run.speakersDir, `${id}.yaml`))}: new speaker ${JSON.stringify(stub.name)} (${stub.color}), to fill in`,
    );
  for (const warning of plan.warnings) stdout(`  ! ${warning}`);

  const files = new Map<string, string | Uint8Array>([
    ['talk.yaml', plan.talkYaml],
    ['source.txt', bytes],
    ...plan.turns.map((turn): [string, string] => [`turns/${turn.fileName}`, turn.text]),
    ...extra,
  ]);
  const summary =
    `${display(target)}/: talk.yaml (${plan.talkYamlKept ? 'kept' : 'new, to fill in'}), source.txt, ${plan.turns.length} turn files` +
    `${extra.size > 0 ? `, ${extra.size} other files kept` : ''}${stubs.size > 0 ? `; ${stubs.size} new speaker file${stubs.size === 1 ? '' : 's'}` : ''}`;
  if (options.dryRun) {
    stdout(
      `Dry run: would write ${summary}${exists && !options.force ? ' (a real run stops: the talk exists; use --force)' : ''}. Nothing written.`,
    );
    return 0;
  }
  await writeTalk({
    talksDir: run.talksDir,
    speakersDir: run.speakersDir,
    slug: options.talk,
    files,
    speakers: new Map([...stubs].map(([id, stub]) => [id, stub.yaml])),
    replace: options.force,
  });
  stdout(`Wrote ${summary}.`);
  const fill = [
    ...(plan.talkYamlKept ? [] : [display(path.join(target, 'talk.yaml'))]),
    ...[...stubs.keys()].map((id) => display(path.join(run.speakersDir, `${id}.yaml`))),
  ];
  if (fill.length > 0) stdout(`Next: fill in every 【待补充】 in ${fill.join(', ')}, then run npm test.`);
  return 0;
}

/** The stub file of each speaker --create-speakers made, with a colour least used in the talk. */
function speakerStubs(
  created: ImportLabelResolver['created'],
  speakers: readonly KnownSpeaker[],
  turns: readonly { speaker: SpeakerRecord }[],
  options: Options,
  existing: ExistingTalk | undefined,
): Map<string, { name: string; color: string; yaml: string }> {
  const colorOf = new Map(speakers.map((speaker) => [speaker.id, speaker.color]));
  const inTalk = new Set([...turns.map((turn) => turn.speaker.id), ...participantsOf(existing)]);
  const talkColors = [...inTalk].flatMap((id) => (colorOf.has(id) ? [colorOf.get(id)!] : []));
  const allColors = speakers.map((speaker) => speaker.color);
  const stubs = new Map<string, { name: string; color: string; yaml: string }>();
  for (const entry of created) {
    const color = chooseColor(talkColors, allColors);
    talkColors.push(color);
    allColors.push(color);
    const where = entry.line === 0 ? '--speaker' : `${options.file} line ${entry.line}`;
    const yaml = stubYaml({
      name: entry.speaker.name,
      label: entry.label,
      where,
      brackets: entry.brackets,
      color,
      talk: options.talk,
    });
    stubs.set(entry.speaker.id, { name: entry.speaker.name, color, yaml });
  }
  return stubs;
}

function participantsOf(existing: ExistingTalk | undefined): string[] {
  if (!existing) return [];
  const data = parseYaml(existing.talkYaml) as { participants?: { speaker?: unknown }[] } | null;
  return (data?.participants ?? []).flatMap((p) => (typeof p?.speaker === 'string' ? [p.speaker] : []));
}

/** Takes the lock and puts right what an interrupted import left; returns the release. */
async function lockAndRecover(run: Run, talk: string): Promise<{ release: () => Promise<void>; recovered: number }> {
  if (!existsSync(run.content))
    throw new ImportError(run.display(run.content), undefined, 'expected the content folder, found none');
  await mkdir(run.talksDir, { recursive: true });
  const release = await acquireImportLock(run.talksDir, talk, run.display(run.talksDir));
  try {
    const done = await recoverInterrupted(run.talksDir, run.speakersDir, run.display(run.talksDir));
    for (const line of done) run.stdout(line);
    return { release, recovered: done.length };
  } catch (error) {
    await release();
    throw error;
  }
}

/** The first line of an unexpected error, with its code, for a message without a stack trace. */
function oneLine(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.split('\n')[0]! : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
}

/** Runs the importer; returns the exit code (0 done, 1 stopped on the input or failed, 2 bad usage). Never throws. */
export async function runImport(argv: string[], io: ImportIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const stdout = io.stdout ?? ((text: string) => process.stdout.write(`${text}\n`));
  const stderr = io.stderr ?? ((text: string) => process.stderr.write(`${text}\n`));
  const display = (file: string) => path.relative(cwd, file) || '.';

  let options: Options | 'help' | 'recover';
  try {
    options = readOptions(argv);
  } catch (error) {
    stderr(`import: ${error instanceof UsageError ? error.message : oneLine(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    stdout(USAGE);
    return 0;
  }

  // As src/lib/content/content-dir.ts, but against the given working directory.
  const content = path.resolve(cwd, env['HUITAN_CONTENT_DIR'] ?? 'content');
  const run: Run = {
    cwd,
    content,
    talksDir: path.join(content, 'talks'),
    speakersDir: path.join(content, 'speakers'),
    stdout,
    display,
  };
  let release: (() => Promise<void>) | undefined;
  try {
    if (options === 'recover') {
      const locked = await lockAndRecover(run, '(recovery)');
      release = locked.release;
      if (locked.recovered === 0) stdout(`Nothing to recover: no interrupted import in ${display(run.talksDir)}.`);
      return 0;
    }
    if (options.dryRun) {
      for (const leftover of findLeftovers(run.talksDir)) {
        stdout(
          `  ! ${display(path.join(run.talksDir, leftover.name))}: left by an interrupted import; a real run (or --recover) puts it right first`,
        );
      }
    } else {
      release = (await lockAndRecover(run, options.talk)).release;
    }
    return await importTalk(options, run);
  } catch (error) {
    if (error instanceof ImportError || error instanceof LockedError) {
      stderr(`import stopped: ${error.message}\nNothing was written.`);
      return 1;
    }
    if (error instanceof UnfinishedImportError) {
      stderr(`import failed: ${oneLine(error.cause)}\n${error.message}`);
      return 1;
    }
    stderr(
      `import failed: ${oneLine(error)} (an unexpected error${env['HUITAN_DEBUG'] ? '' : '; set HUITAN_DEBUG=1 to see where'})\nNothing was written.`,
    );
    if (env['HUITAN_DEBUG'] && error instanceof Error && error.stack) stderr(error.stack);
    return 1;
  } finally {
    await release?.();
  }
}
