/**
 * Turning a speaker-labelled plain-text transcript into a talk's files: decoding, cutting the
 * page furniture around the transcript, splitting it at speaker lines, resolving labels against
 * content/speakers, and writing (or merging into) talk.yaml and one Markdown file per turn.
 * Pure: the CLI (src/cli/) reads and writes files; every function here takes and returns text.
 *
 * Every problem with the input throws an ImportError naming the file and line, before any file
 * is written.
 */
import { parseDocument, stringify } from 'yaml';
import { countCharacters, countOccurrences } from './catalog';
import { stripNotes } from './notes';
import { PLACEHOLDER } from './placeholder';
import { normalizeLine } from './typography';
import { labelKey, type LabelResolver } from './import/label-resolver';

/** What makes an input unusable: where (file and line) and "expected …, found …". */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, line: number | undefined, message: string) {
    super(`${line === undefined ? file : `${file}:${line}`}: ${message}`);
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
  }
}


/** Markers that bracket the transcript in the WAIC reprint (see content/talks/waic-2023-roundtable/source.txt). */
export const DEFAULT_MARKERS = { start: '以下为圆桌论坛实录', end: 'Read More' } as const;

const show = (value: string) => JSON.stringify(value);
const clip = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// Control characters no text transcript holds: NUL and the C0 controls except tab, LF, FF, CR.
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/u;

/**
 * Decodes a transcript file: UTF-8 only (a byte-order mark is dropped), CRLF and CR become LF.
 * Stops at the first line that is not valid UTF-8 or holds control characters (a binary file).
 */
export function decodeTranscript(bytes: Uint8Array, file: string): string {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    // LF (0x0A) never occurs inside a multi-byte UTF-8 sequence, so lines decode on their own.
    let line = 1;
    let start = 0;
    for (let at = 0; at <= bytes.length; at += 1) {
      if (at === bytes.length || bytes[at] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, at));
        } catch {
          throw new ImportError(file, line, 'expected UTF-8 text, found bytes that are not UTF-8 (convert the file to UTF-8 first, e.g. with iconv)');
        }
        line += 1;
        start = at + 1;
      }
    }
    throw new ImportError(file, undefined, 'expected UTF-8 text, found bytes that are not UTF-8');
  }
  text = text.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const binaryAt = lines.findIndex((line) => BINARY.test(line));
  if (binaryAt !== -1) {
    const code = BINARY.exec(lines[binaryAt]!)![0].codePointAt(0)!;
    throw new ImportError(
      file,
      binaryAt + 1,
      `expected plain text, found the control character U+${code.toString(16).toUpperCase().padStart(4, '0')} (is this a binary file?)`,
    );
  }
  return text;
}

/** One line of the source file, with its 1-based line number. */
export interface SourceLine {
  line: number;
  text: string;
}

/** Lines removed around the transcript, for the report. */
export interface CutRange {
  /** First and last line removed (1-based, inclusive). */
  from: number;
  to: number;
  /** Lines with text among them. */
  textLines: number;
  /** The marker line, if the cut was made at one. */
  marker?: string | undefined;
}

export interface CutResult {
  lines: SourceLine[];
  before: CutRange | undefined;
  after: CutRange | undefined;
}

export interface Markers {
  /** The transcript starts after the first line containing this text. */
  start?: string | undefined;
  /** The transcript ends before the first line after the start containing this text. */
  end?: string | undefined;
  /**
   * True when the markers were given on the command line: a missing marker then stops the
   * import. The defaults are optional (a transcript without page furniture has none).
   */
  required?: boolean | undefined;
}

/** Removes the page furniture before the start marker and from the end marker on. */
export function cutTranscript(text: string, markers: Markers, file: string): CutResult {
  const all = text.split('\n').map((line, index) => ({ line: index + 1, text: line }));
  const textLines = (lines: SourceLine[]) => lines.filter((line) => line.text.trim() !== '').length;
  let first = 0;
  let last = all.length;
  let before: CutRange | undefined;
  let after: CutRange | undefined;
  if (markers.start) {
    const at = all.findIndex((line) => line.text.includes(markers.start!));
    if (at === -1 && markers.required) {
      throw new ImportError(file, undefined, `expected a line containing the start marker ${show(markers.start)}, found none`);
    }
    if (at !== -1) {
      first = at + 1;
      before = { from: 1, to: at + 1, textLines: textLines(all.slice(0, at + 1)), marker: markers.start };
    }
  }
  if (markers.end) {
    const at = all.findIndex((line, index) => index >= first && line.text.includes(markers.end!));
    if (at === -1 && markers.required) {
      throw new ImportError(file, undefined, `expected a line containing the end marker ${show(markers.end)} after the transcript starts, found none`);
    }
    if (at !== -1) {
      last = at;
      after = { from: at + 1, to: all.length, textLines: textLines(all.slice(at)), marker: markers.end };
    }
  }
  return { lines: all.slice(first, last), before, after };
}

/** A speaker as the importer needs it: `content/speakers/<id>.yaml`'s name and aliases. */
export interface SpeakerRecord {
  id: string;
  name: string;
  aliases: string[];
}

/** Every name and alias, mapped to its speaker. Two speakers sharing a label is an error. */
export function speakerLabels(speakers: SpeakerRecord[]): Map<string, SpeakerRecord> {
  const labels = new Map<string, SpeakerRecord>();
  for (const speaker of speakers) {
    for (const label of [speaker.name, ...speaker.aliases]) {
      const key = labelKey(label);
      const other = labels.get(key);
      if (other && other.id !== speaker.id) {
        throw new ImportError(
          `content/speakers/${speaker.id}.yaml`,
          undefined,
          `expected each name and alias to belong to one speaker, found ${show(label)} for both ${other.id} and ${speaker.id}`,
        );
      }
      labels.set(key, speaker);
    }
  }
  return labels;
}


/** A line ending in a colon, short and free of sentence punctuation, is a speaker label. */
const LABEL_LINE = /^([^，。、；？！,.;?!:：“”"'‘’（）()《》]{1,24}?)\s*[:：]$/u;

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'speaker'; label: string }
  | { kind: 'unknown-label'; label: string }
  | { kind: 'text'; text: string };

/**
 * What one line is: a speaker line (`姓名:`, `姓名：` or a known name or alias alone on its
 * line), a colon-terminated label nobody answers to, text, or blank.
 */
export function classifyLine(raw: string, labels: Pick<LabelResolver, 'knows'>): LineKind {
  const text = labelKey(raw);
  if (text === '') return { kind: 'blank' };
  if (labels.knows(text)) return { kind: 'speaker', label: text };
  const colon = LABEL_LINE.exec(text);
  if (colon) {
    const label = labelKey(colon[1]!);
    return labels.knows(label) ? { kind: 'speaker', label } : { kind: 'unknown-label', label };
  }
  return { kind: 'text', text: raw };
}

/** One turn as read from the transcript. */
export interface ParsedTurn {
  /** Order in the talk, from 1. */
  position: number;
  speaker: SpeakerRecord;
  /** The label as the source prints it. */
  label: string;
  /** Line of the speaker label in the source file. */
  line: number;
  /** Paragraphs after the documented normalisation (src/lib/typography.ts). */
  paragraphs: string[];
  /** Characters of text, without whitespace. */
  characters: number;
}

/** Splits the transcript at its speaker lines. Stops on anything that is not a clean transcript. */
export function splitTurns(lines: SourceLine[], labels: LabelResolver, file: string): ParsedTurn[] {
  const turns: ParsedTurn[] = [];
  for (const { line, text } of lines) {
    const kind = classifyLine(text, labels);
    if (kind.kind === 'blank') continue;
    if (kind.kind === 'unknown-label' || kind.kind === 'speaker') {
      const speaker = labels.resolve(kind.label, line);
      const previous = turns.at(-1);
      if (previous && previous.paragraphs.length === 0) {
        throw new ImportError(file, previous.line, `expected words after the speaker line ${show(previous.label)}, found the next speaker line (line ${line}) first`);
      }
      turns.push({ position: turns.length + 1, speaker, label: kind.label, line, paragraphs: [], characters: 0 });
      continue;
    }
    const paragraph = normalizeLine(kind.text);
    if (paragraph === '') continue;
    const turn = turns.at(-1);
    if (!turn) {
      throw new ImportError(
        file,
        line,
        `Unexpected text before the first speaker line: expected a speaker line (e.g. "姓名：") first, found ${show(clip(paragraph))} (use --start to cut what comes before the transcript)`,
      );
    }
    turn.paragraphs.push(paragraph);
  }
  if (turns.length === 0) {
    const where = lines.length === 0 ? undefined : lines[0]!.line;
    throw new ImportError(file, where, 'expected a transcript (speaker lines, each followed by what they said), found no text');
  }
  const last = turns.at(-1)!;
  if (last.paragraphs.length === 0) {
    throw new ImportError(file, last.line, `expected words after the speaker line ${show(last.label)}, found the end of the transcript`);
  }
  for (const turn of turns) turn.characters = countCharacters(turn.paragraphs.join(''));
  return turns;
}

/**
 * Escapes what Markdown would otherwise turn into markup, so the page shows the words as
 * written: inline markers anywhere, block markers at the start of a line, entity references.
 */
export function escapeMarkdown(line: string): string {
  return line
    .replace(/[\\`*_[\]<~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([#>+-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** The Markdown body of a turn: one paragraph per line, a blank line between them. */
export function turnBody(paragraphs: string[]): string {
  return `${paragraphs.map(escapeMarkdown).join('\n\n')}\n`;
}

/** A whole turn file: front matter (YAML text ending in a newline), a blank line, the body. */
export function turnFile(frontMatter: string, paragraphs: string[], body = turnBody(paragraphs)): string {
  return `---\n${frontMatter}---\n\n${body}`;
}

/** Labels of the editorial notes referenced in a body (`[^label]`). */
function noteLabels(body: string): string[] {
  return [...new Set([...body.matchAll(/\[\^([^\]\s]+)\]/g)].map((match) => match[1]!))];
}

/** The speaker label kept in front matter: only when it is not the speaker's name. */
const sourceLabelOf = (turn: ParsedTurn) => (turn.label === turn.speaker.name ? undefined : turn.label);

/**
 * Anchors for new turns: `<speaker-id>-<n>`, n counting that speaker's turns from 1, skipping
 * any anchor already taken (by a kept turn, a quote or an outline section).
 */
export function newAnchor(speakerId: string, counts: Map<string, number>, taken: Set<string>): string {
  let n = counts.get(speakerId) ?? 0;
  let anchor: string;
  do {
    n += 1;
    anchor = `${speakerId}-${n}`;
  } while (taken.has(anchor));
  counts.set(speakerId, n);
  taken.add(anchor);
  return anchor;
}

/** File name of a turn: `<nn>-<anchor>.md`, nn zero-padded to sort in order. */
export function turnFileName(position: number, anchor: string, total: number): string {
  const width = Math.max(2, String(total).length);
  return `${String(position).padStart(width, '0')}-${anchor}.md`;
}

const YAML_OPTIONS = { lineWidth: 0 } as const;

function newFrontMatter(turn: ParsedTurn, anchor: string): string {
  const sourceLabel = sourceLabelOf(turn);
  return stringify(
    { anchor, position: turn.position, speaker: turn.speaker.id, ...(sourceLabel ? { sourceLabel } : {}) },
    YAML_OPTIONS,
  );
}

export interface NewTalkOptions {
  title?: string | undefined;
  /** ISO date, YYYY-MM-DD. */
  date?: string | undefined;
  /** The transcript file name, for the comment at the top. */
  sourceName: string;
}

/**
 * talk.yaml for a new talk: what the transcript tells (participants in order of first speech;
 * the first of several speakers is the host) and what the command line gave; every other field
 * holds PLACEHOLDER, and every fact is unverified until an editor gives it a source.
 */
export function newTalkYaml(turns: ParsedTurn[], options: NewTalkOptions): string {
  const order: SpeakerRecord[] = [];
  for (const turn of turns) if (!order.some((speaker) => speaker.id === turn.speaker.id)) order.push(turn.speaker);
  const talk = {
    title: options.title ?? PLACEHOLDER,
    summary: PLACEHOLDER,
    event: { name: PLACEHOLDER, fullName: PLACEHOLDER },
    date: { text: options.date ?? PLACEHOLDER, unverified: true },
    venue: { text: PLACEHOLDER, unverified: true },
    session: { text: PLACEHOLDER, unverified: true },
    language: 'zh-CN',
    participants: order.map((speaker, index) => ({
      speaker: speaker.id,
      part: index === 0 && order.length > 1 ? 'host' : 'guest',
    })),
    source: { publisher: { text: PLACEHOLDER, unverified: true }, title: PLACEHOLDER },
    outline: [],
  };
  const doc = parseDocument(stringify(talk, YAML_OPTIONS));
  doc.commentBefore =
    ` Written by \`npm run import\` from ${options.sourceName}.\n` +
    ` Replace every ${PLACEHOLDER} (the build stops while one is left), give each fact a source\n` +
    ' (a URL or "transcript") instead of `unverified: true` where one confirms it, and check\n' +
    ' each participant\'s part (host or guest). See docs/adding-a-talk.md.';
  return doc.toString(YAML_OPTIONS);
}

/** A turn file of the talk being re-imported. */
export interface ExistingTurn {
  fileName: string;
  /** The front matter's YAML text, ending in a newline. */
  frontMatter: string;
  anchor: string;
  position: number;
  speaker: string;
  /** Quote spans, to report those the new words no longer hold. */
  quotes: { id: string; span: string }[];
  /** The Markdown body as it is, editorial notes included. */
  body: string;
}

/** The talk folder as it is before a forced re-import. */
export interface ExistingTalk {
  talkYaml: string;
  turns: ExistingTurn[];
}

/** Reads an existing turn file's front matter. */
export function readExistingTurn(fileName: string, text: string, file: string): ExistingTurn {
  const match = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/.exec(text);
  if (!match) throw new ImportError(file, 1, 'expected front matter between --- lines, found none');
  const frontMatter = match[1] ?? '';
  const doc = parseDocument(frontMatter);
  if (doc.errors.length > 0) throw new ImportError(file, undefined, `expected valid YAML front matter, found: ${doc.errors[0]!.message}`);
  const data: unknown = doc.toJS();
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const { anchor, position, speaker } = record;
  if (typeof anchor !== 'string' || typeof position !== 'number' || typeof speaker !== 'string') {
    throw new ImportError(file, undefined, 'expected front matter with anchor, position and speaker, found it incomplete');
  }
  const quotes = Array.isArray(record['quotes'])
    ? (record['quotes'] as unknown[]).flatMap((quote) => {
        const { id, span } = (quote ?? {}) as Record<string, unknown>;
        return typeof id === 'string' && typeof span === 'string' ? [{ id, span }] : [];
      })
    : [];
  return { fileName, frontMatter, anchor, position, speaker, quotes, body: text.slice(match[0].length).replace(/^\r?\n/, '') };
}

/** What becomes of one turn in the plan. */
export type TurnFate = 'new' | 'kept' | 'replaced';

export interface PlannedTurn extends ParsedTurn {
  anchor: string;
  fileName: string;
  /** new: no turn at this position before; kept: its front matter is kept; replaced: the speaker changed, new front matter. */
  fate: TurnFate;
  text: string;
}

export interface TalkPlan {
  turns: PlannedTurn[];
  talkYaml: string;
  /** True when talk.yaml is the existing one (possibly with participants added). */
  talkYamlKept: boolean;
  /** Existing turn files with no turn at their position any more. */
  dropped: ExistingTurn[];
  /** Things the editor must look at: the build stops on most of them until fixed. */
  warnings: string[];
}

function withFrontMatterFields(frontMatter: string, turn: ParsedTurn): string {
  const doc = parseDocument(frontMatter);
  // Only what the transcript decides is rewritten; set only on change, to keep the text as is.
  if (doc.get('position') !== turn.position) doc.set('position', turn.position);
  const sourceLabel = sourceLabelOf(turn);
  if (sourceLabel === undefined) {
    if (doc.has('sourceLabel')) doc.delete('sourceLabel');
  } else if (doc.get('sourceLabel') !== sourceLabel) {
    doc.set('sourceLabel', sourceLabel);
  }
  const text = doc.toString(YAML_OPTIONS);
  return text === frontMatter.replace(/\r\n/g, '\n') ? frontMatter : text;
}

/** Existing talk.yaml with the transcript's new speakers appended as guests. */
function mergeTalkYaml(talkYaml: string, turns: ParsedTurn[], warnings: string[]): string {
  const doc = parseDocument(talkYaml);
  const listed = new Set(
    ((doc.toJS() as { participants?: { speaker?: unknown }[] } | null)?.participants ?? []).map((p) => p.speaker),
  );
  const speaking = [...new Set(turns.map((turn) => turn.speaker.id))];
  const added = speaking.filter((id) => !listed.has(id));
  for (const id of added) doc.addIn(['participants'], doc.createNode({ speaker: id, part: 'guest' }));
  if (added.length > 0) warnings.push(`talk.yaml: added ${added.join(', ')} to participants as guests; check their part`);
  const silent = [...listed].filter((id): id is string => typeof id === 'string' && !speaking.includes(id));
  if (silent.length > 0) warnings.push(`talk.yaml: ${silent.join(', ')} ${silent.length === 1 ? 'is a participant but has' : 'are participants but have'} no turn in this transcript`);
  return added.length > 0 ? doc.toString(YAML_OPTIONS) : talkYaml;
}

/**
 * The files of the talk. For a new talk, fresh front matter and a talk.yaml to fill in. For a
 * re-import (existing given), the editor's work is kept: talk.yaml as it is (new speakers are
 * appended), and each turn's front matter (anchor, quotes, anything else) by position when the
 * speaker at that position is unchanged; only position, sourceLabel and the words are rewritten.
 */
export function planTalk(turns: ParsedTurn[], options: NewTalkOptions & { existing?: ExistingTalk | undefined }): TalkPlan {
  const { existing } = options;
  const warnings: string[] = [];
  const before = [...(existing?.turns ?? [])].sort((a, b) => a.position - b.position);
  const keep = turns.map((turn, index) => {
    const old = before[index];
    return old && old.speaker === turn.speaker.id ? old : undefined;
  });
  // Anchors a new turn must not take: every kept turn's, and the talk's quotes and sections.
  const taken = new Set<string>(keep.flatMap((old) => (old ? [old.anchor, ...old.quotes.map((q) => `quote-${q.id}`)] : [])));
  const outline = existing ? outlineOf(existing.talkYaml) : [];
  for (const section of outline) taken.add(section.id);
  const counts = new Map<string, number>();
  const planned = turns.map((turn, index): PlannedTurn => {
    const old = keep[index];
    const anchor = old ? old.anchor : newAnchor(turn.speaker.id, counts, taken);
    const frontMatter = old ? withFrontMatterFields(old.frontMatter, turn) : newFrontMatter(turn, anchor);
    // Files are named `<nn>-<anchor>.md` by position; a kept file so named follows its position.
    const fileName = old && !/^\d+-/.test(old.fileName) ? old.fileName : turnFileName(turn.position, anchor, turns.length);
    const fate: TurnFate = old ? 'kept' : before[index] ? 'replaced' : 'new';
    if (fate === 'replaced') {
      const was = before[index]!;
      warnings.push(
        `turn ${turn.position}: the speaker changed from ${was.speaker} to ${turn.speaker.id}, so ${was.fileName}'s front matter is not kept` +
          (was.quotes.length > 0 ? ` (its quotes: ${was.quotes.map((q) => q.id).join(', ')})` : ''),
      );
    }
    // Editorial notes live in the body: when the words are unchanged, the body is kept as it is.
    let body = turnBody(turn.paragraphs);
    if (old) {
      if (stripNotes(old.body).trimEnd() === body.trimEnd()) {
        body = old.body;
      } else if (noteLabels(old.body).length > 0) {
        warnings.push(
          `${fileName}: the words changed, so its editorial notes (${noteLabels(old.body).join(', ')}) were not kept; place them again`,
        );
      }
      for (const quote of old.quotes) {
        const count = countOccurrences(body, quote.span);
        if (count !== 1) warnings.push(`${fileName}: quote ${quote.id} — its span occurs ${count} times in the new words (expected once); fix it before building`);
      }
    }
    return { ...turn, anchor, fileName, fate, text: turnFile(frontMatter, turn.paragraphs, body) };
  });
  const dropped = before.slice(turns.length);
  for (const old of dropped) {
    warnings.push(`${old.fileName}: no turn at position ${old.position} any more; the file is removed` + (old.quotes.length > 0 ? ` with its quotes (${old.quotes.map((q) => q.id).join(', ')})` : ''));
  }
  const anchors = new Set(planned.map((turn) => turn.anchor));
  for (const section of outline) {
    if (!anchors.has(section.start)) warnings.push(`talk.yaml: outline section ${section.id} starts at ${section.start}, which is no longer a turn; fix it before building`);
  }
  const talkYaml = existing ? mergeTalkYaml(existing.talkYaml, turns, warnings) : newTalkYaml(turns, options);
  return { turns: planned, talkYaml, talkYamlKept: existing !== undefined, dropped, warnings };
}

function outlineOf(talkYaml: string): { id: string; start: string }[] {
  const data = parseDocument(talkYaml).toJS() as { outline?: unknown } | null;
  if (!Array.isArray(data?.outline)) return [];
  return (data.outline as unknown[]).flatMap((section) => {
    const { id, start } = (section ?? {}) as Record<string, unknown>;
    return typeof id === 'string' && typeof start === 'string' ? [{ id, start }] : [];
  });
}
