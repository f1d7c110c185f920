/**
 * `npm run import -- <file> --talk <slug>`: a speaker-labelled text transcript becomes
 * content/talks/<slug>/. Argument handling, reading and writing, and the report; the logic is in
 * src/lib/transcript-import.ts. Runs in-process in tests through runImport().
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { RESERVED_SLUGS } from '../lib/catalog';
import { readTalkFolder, writeFolderAtomically } from '../lib/talk-files';
import {
  cutTranscript,
  decodeTranscript,
  DEFAULT_MARKERS,
  ImportError,
  planTalk,
  splitTurns,
  type CutRange,
  type ExistingTalk,
  type SpeakerRecord,
  type TalkPlan,
} from '../lib/transcript-import';
import { resolverFromSpeakers } from '../lib/import/label-resolver';
import { idProblem, isIsoDate } from '../schemas/common';
import { SpeakerSchema } from '../schemas/speaker';

export const USAGE = `Usage: npm run import -- <file> --talk <slug> [options]

Turns a UTF-8 text transcript (a speaker line — "姓名:", "姓名：" or a name alone on its line —
then what they said, one paragraph per line) into content/talks/<slug>/: talk.yaml, source.txt
(the file as given) and one Markdown file per turn. Names and aliases are resolved against
content/speakers/. All files are written or none.

Options:
  --talk <slug>      folder and URL of the talk: lower-case ASCII words joined by hyphens
  --title <text>     title for a new talk's talk.yaml
  --date <YYYY-MM-DD>  date for a new talk's talk.yaml (marked unverified until sourced)
  --start <marker>   the transcript starts after the first line containing this text
                     (default: "${DEFAULT_MARKERS.start}", used only if present)
  --end <marker>     the transcript ends before the next line containing this text
                     (default: "${DEFAULT_MARKERS.end}", used only if present)
  --force            re-import into an existing talk: keeps talk.yaml, other files and each
                     turn's front matter (anchor, quotes) where the speaker at that position
                     is unchanged; rewrites the words
  --dry-run          print the plan (turns, speakers, characters per turn); write nothing
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
  force: boolean;
  dryRun: boolean;
}

function readOptions(argv: string[]): Options | 'help' {
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
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(`expected one transcript file, found ${positionals.length === 0 ? 'none' : positionals.length}`);
  const talk = values.talk;
  if (talk === undefined) throw new UsageError('expected --talk <slug>, found none');
  const slugProblem = idProblem(talk);
  if (slugProblem) throw new UsageError(`--talk: ${slugProblem} (it becomes the folder and the URL)`);
  if (RESERVED_SLUGS.has(talk)) throw new UsageError(`--talk: expected a slug other than ${[...RESERVED_SLUGS].join(', ')} (the site uses those URLs), found ${JSON.stringify(talk)}`);
  if (values.date !== undefined && !isIsoDate(values.date)) throw new UsageError(`--date: expected an ISO date YYYY-MM-DD, found ${JSON.stringify(values.date)}`);
  if (values.title !== undefined && values.title.trim() === '') throw new UsageError('--title: expected text, found an empty title');
  for (const marker of ['start', 'end'] as const) {
    if (values[marker] !== undefined && values[marker].trim() === '') throw new UsageError(`--${marker}: expected marker text, found nothing`);
  }
  return {
    file: positionals[0]!,
    talk,
    title: values.title?.trim(),
    date: values.date,
    start: values.start,
    end: values.end,
    force: values.force,
    dryRun: values['dry-run'],
  };
}

async function readSpeakers(dir: string, display: string): Promise<SpeakerRecord[]> {
  if (!existsSync(dir)) throw new ImportError(display, undefined, 'expected a folder of speaker files, found none');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  const speakers: SpeakerRecord[] = [];
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
      throw new ImportError(file, undefined, `field "${issue.path.join('.')}": ${issue.message} (run npm test for every problem)`);
    }
    speakers.push({ id: name.replace(/\.yaml$/, ''), name: result.data.name, aliases: result.data.aliases });
  }
  return speakers;
}

const pad = (text: string | number, width: number) => {
  const value = String(text);
  // Han characters take two columns in a terminal.
  const columns = [...value].reduce((sum, char) => sum + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char) ? 2 : 1), 0);
  return value + ' '.repeat(Math.max(0, width - columns));
};

function describeCut(where: 'before' | 'after', range: CutRange | undefined, lines: string[]): string {
  if (!range) return `Cut nothing ${where} the transcript (no ${where === 'before' ? 'start' : 'end'} marker found)`;
  const sample = lines
    .slice(range.from - 1, range.to)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const preview = sample.length <= 3 ? sample : [...sample.slice(0, 2), '…', sample.at(-1)!];
  return (
    `Cut lines ${range.from}–${range.to} ${where} the transcript (${range.textLines} with text; marker ${JSON.stringify(range.marker)} on line ${where === 'before' ? range.to : range.from}):\n` +
    preview.map((line) => `    | ${line.length > 50 ? `${line.slice(0, 49)}…` : line}`).join('\n')
  );
}

function describePlan(plan: TalkPlan, reimport: boolean): string {
  const out: string[] = [];
  const speakers = new Map<string, { name: string; turns: number; characters: number }>();
  for (const turn of plan.turns) {
    const entry = speakers.get(turn.speaker.id) ?? { name: turn.speaker.name, turns: 0, characters: 0 };
    entry.turns += 1;
    entry.characters += turn.characters;
    speakers.set(turn.speaker.id, entry);
  }
  const total = plan.turns.reduce((sum, turn) => sum + turn.characters, 0);
  out.push(`${plan.turns.length} turns, ${speakers.size} speakers, ${total} characters:`);
  for (const [id, entry] of speakers) {
    out.push(`    ${pad(entry.name, 8)} ${pad(id, 16)} ${pad(`${entry.turns} turns`, 10)} ${entry.characters} characters`);
  }
  out.push('');
  out.push(`    ${pad('#', 4)}${pad('line', 6)}${pad('speaker', 14)}${pad('label', 8)}${pad('paras', 7)}${pad('chars', 7)}${reimport ? pad('front matter', 14) : ''}file`);
  for (const turn of plan.turns) {
    out.push(
      `    ${pad(turn.position, 4)}${pad(turn.line, 6)}${pad(turn.speaker.name, 14)}${pad(turn.label === turn.speaker.name ? '' : turn.label, 8)}` +
        `${pad(turn.paragraphs.length, 7)}${pad(turn.characters, 7)}${reimport ? pad(turn.fate, 14) : ''}turns/${turn.fileName}`,
    );
  }
  return out.join('\n');
}

/** Runs the importer; returns the exit code (0 done, 1 stopped on the input, 2 bad usage). */
export async function runImport(argv: string[], io: ImportIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const stdout = io.stdout ?? ((text: string) => process.stdout.write(`${text}\n`));
  const stderr = io.stderr ?? ((text: string) => process.stderr.write(`${text}\n`));
  const display = (file: string) => path.relative(cwd, file) || '.';

  let options: Options | 'help';
  try {
    options = readOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr(`import: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    stdout(USAGE);
    return 0;
  }

  // As src/lib/content-dir.ts, but against the given working directory.
  const content = path.resolve(cwd, env['HUITAN_CONTENT_DIR'] ?? 'content');
  const target = path.join(content, 'talks', options.talk);
  const sourcePath = path.resolve(cwd, options.file);
  try {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(sourcePath);
    } catch (error) {
      throw new ImportError(options.file, undefined, `expected a readable transcript file, found ${(error as NodeJS.ErrnoException).code ?? 'an error'}`);
    }
    const text = decodeTranscript(bytes, options.file);
    const given = options.start !== undefined || options.end !== undefined;
    const cut = cutTranscript(
      text,
      given ? { start: options.start, end: options.end, required: true } : { ...DEFAULT_MARKERS, required: false },
      options.file,
    );
    const speakers = await readSpeakers(path.join(content, 'speakers'), display(path.join(content, 'speakers')));
    const turns = splitTurns(cut.lines, resolverFromSpeakers(speakers, options.file), options.file);

    const exists = existsSync(target);
    if (exists && !options.force && !options.dryRun) {
      throw new ImportError(
        display(target),
        undefined,
        'expected no talk here, found one: re-import with --force (keeps talk.yaml and each turn\'s front matter where the speaker is unchanged), or choose another --talk',
      );
    }
    if (exists && (options.title !== undefined || options.date !== undefined)) {
      throw new ImportError(display(path.join(target, 'talk.yaml')), undefined, 'expected --title and --date only for a new talk, found an existing talk.yaml: edit it instead');
    }
    let existing: ExistingTalk | undefined;
    let extra = new Map<string, Uint8Array>();
    if (exists) ({ existing, extra } = await readTalkFolder(target, display(target)));
    const plan = planTalk(turns, { title: options.title, date: options.date, sourceName: path.basename(options.file), existing });

    const lines = text.split('\n');
    stdout(`Read ${options.file}: ${lines.length} lines of UTF-8 text`);
    stdout(describeCut('before', cut.before, lines));
    stdout(describeCut('after', cut.after, lines));
    stdout(describePlan(plan, exists));
    for (const warning of plan.warnings) stdout(`  ! ${warning}`);

    const files = new Map<string, string | Uint8Array>([
      ['talk.yaml', plan.talkYaml],
      ['source.txt', bytes],
      ...plan.turns.map((turn): [string, string] => [`turns/${turn.fileName}`, turn.text]),
      ...extra,
    ]);
    const summary = `${display(target)}/: talk.yaml (${plan.talkYamlKept ? 'kept' : 'new, to fill in'}), source.txt, ${plan.turns.length} turn files${extra.size > 0 ? `, ${extra.size} other files kept` : ''}`;
    if (options.dryRun) {
      stdout(`Dry run: would write ${summary}${exists && !options.force ? ' (a real run stops: the talk exists; use --force)' : ''}. Nothing written.`);
      return 0;
    }
    await writeFolderAtomically(target, files, { replace: options.force });
    stdout(`Wrote ${summary}.`);
    if (!plan.talkYamlKept) stdout(`Next: fill in every 【待补充】 in ${display(path.join(target, 'talk.yaml'))}, then run npm test.`);
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    stderr(`import stopped: ${error.message}\nNothing was written.`);
    return 1;
  }
}
