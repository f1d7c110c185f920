/**
 * src/lib/import/: the importer (npm run import), which turns a transcript file into a talk
 * folder. This file is its core; formats/ reads each input format into cues, label-*.ts and
 * similar-labels.ts decide who a label names, talk-files.ts and talk-transaction.ts read and
 * write a talk folder all or nothing, and plan-report.ts prints what an import would do.
 *
 * Turning a speaker-labelled plain-text transcript into a talk's files: decoding, cutting the
 * page furniture around the transcript, splitting it at speaker lines, resolving labels against
 * content/speakers, and writing (or merging into) talk.yaml and one Markdown file per turn.
 * Pure: the CLI (src/cli/) reads and writes files; every function here takes and returns text.
 *
 * Every problem with the input throws an ImportError naming the file and line, before any file
 * is written.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import { referencedLabels, stripNotes } from '../content/notes';
import { PLACEHOLDER } from '../content/placeholder';
import { directionMarkdown, splitDirections } from './directions';
import { readPlainText, PLAIN_TEXT_WORDING } from './formats/plain-text';
import { groupCues } from './group-cues';
import { labelKey, type LabelResolver } from './label-resolver';
import { countOccurrences, show } from '../text/messages';

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

// Control characters no text transcript holds: NUL and the C0 controls except tab, LF, FF, CR,
// DEL, and the C1 controls U+0080–U+009F (text decoded from Windows-1252 or Latin-1 as if it
// were another encoding, then saved as UTF-8, carries them).
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/u;
const C1 = /[\u0080-\u009F]/u;

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
          throw new ImportError(
            file,
            line,
            'expected UTF-8 text, found bytes that are not UTF-8 (convert the file to UTF-8 first, e.g. with iconv)',
          );
        }
        line += 1;
        start = at + 1;
      }
    }
    throw new ImportError(file, undefined, 'expected UTF-8 text, found bytes that are not UTF-8');
  }
  text = text.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const controlAt = lines.findIndex((line) => BINARY.test(line) || C1.test(line));
  if (controlAt !== -1) {
    const line = lines[controlAt]!;
    const binary = BINARY.exec(line);
    const c1 = C1.exec(line);
    const first = binary && (!c1 || binary.index < c1.index) ? binary : c1!;
    const code = `U+${first[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ImportError(
      file,
      controlAt + 1,
      first === binary
        ? `expected plain text, found the control character ${code} (is this a binary file?)`
        : `expected plain text, found the C1 control character ${code} (was the file converted from another encoding twice? convert it to UTF-8 from its real encoding, e.g. with iconv)`,
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
      throw new ImportError(
        file,
        undefined,
        `expected a line containing the start marker ${show(markers.start)}, found none`,
      );
    }
    if (at !== -1) {
      first = at + 1;
      before = { from: 1, to: at + 1, textLines: textLines(all.slice(0, at + 1)), marker: markers.start };
    }
  }
  if (markers.end) {
    const at = all.findIndex((line, index) => index >= first && line.text.includes(markers.end!));
    if (at === -1 && markers.required) {
      throw new ImportError(
        file,
        undefined,
        `expected a line containing the end marker ${show(markers.end)} after the transcript starts, found none`,
      );
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

export { classifyLine, type LineKind } from './formats/plain-text';

/** One turn as read from the transcript. */
export interface ParsedTurn {
  /** Order in the talk, from 1. */
  position: number;
  speaker: SpeakerRecord;
  /** The label as the source prints it. */
  label: string;
  /** Line of the speaker label in the source file. */
  line: number;
  /** Paragraphs after the documented normalisation (src/lib/text/typography.ts). */
  paragraphs: string[];
  /** Characters of text, without whitespace. */
  characters: number;
  /** Seconds into the recording where the turn starts, when the transcript has times. */
  start?: number;
  /** Where each paragraph starts (seconds), when every paragraph's start is known. */
  paragraphStarts?: number[];
}

/** Splits a plain-text transcript at its speaker lines. Stops on anything that is not a clean transcript. */
export function splitTurns(lines: SourceLine[], labels: LabelResolver, file: string): ParsedTurn[] {
  const { cues } = readPlainText(lines, labels);
  return groupCues(cues, labels, file, PLAIN_TEXT_WORDING, lines[0]?.line);
}

/**
 * Escapes what Markdown would otherwise turn into markup, so the page shows the words as
 * written: inline markers anywhere, block markers at the start of a line, entity references.
 */
export function escapeMarkdown(line: string): string {
  return escapeBlockStart(escapeInline(line));
}

/** Inline markers and entity references, anywhere in a run of text. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Block markers at the start of a paragraph (heading, quote, list item). */
function escapeBlockStart(paragraph: string): string {
  return paragraph.replace(/^([#>+-])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** One paragraph as Markdown: the words escaped, stage directions as emphasis (directions.ts). */
function paragraphMarkdown(paragraph: string): string {
  const pieces = splitDirections(paragraph);
  if (!pieces.some((piece) => piece.direction)) return escapeMarkdown(paragraph);
  return escapeBlockStart(
    pieces
      .map((piece) => (piece.direction ? directionMarkdown(piece.text, escapeInline) : escapeInline(piece.text)))
      .join(''),
  );
}

/** The Markdown body of a turn: one paragraph per line, a blank line between them. */
export function turnBody(paragraphs: string[]): string {
  return `${paragraphs.map(paragraphMarkdown).join('\n\n')}\n`;
}

/** A whole turn file: front matter (YAML text ending in a newline), a blank line, the body. */
export function turnFile(frontMatter: string, paragraphs: string[], body = turnBody(paragraphs)): string {
  return `---\n${frontMatter}---\n\n${body}`;
}

/** Labels of the editorial notes referenced in a body (`[^label]`, not the escaped speech `\[^label\]`). */
const noteLabels = referencedLabels;

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

/** The times a player needs, as front matter fields: `start` and `paragraphStarts` (one line). */
function timeFields(turn: ParsedTurn): Record<string, number | number[]> {
  return {
    ...(turn.start === undefined ? {} : { start: turn.start }),
    ...(turn.paragraphStarts === undefined ? {} : { paragraphStarts: turn.paragraphStarts }),
  };
}

/** A front matter value as a node; a list of times on one line (`[ 0, 12.5 ]`), as numbers read best. */
const timeNode = (doc: Document, value: number | number[]) => doc.createNode(value, { flow: true });

function newFrontMatter(turn: ParsedTurn, anchor: string): string {
  const sourceLabel = sourceLabelOf(turn);
  const fields = {
    anchor,
    position: turn.position,
    speaker: turn.speaker.id,
    ...(sourceLabel ? { sourceLabel } : {}),
    ...timeFields(turn),
  };
  if (turn.start === undefined && turn.paragraphStarts === undefined) return stringify(fields, YAML_OPTIONS);
  const doc = new Document(fields);
  const starts = doc.get('paragraphStarts', true);
  if (isSeq(starts)) starts.flow = true;
  return doc.toString(YAML_OPTIONS);
}

export interface NewTalkOptions {
  title?: string | undefined;
  /** ISO date, YYYY-MM-DD. */
  date?: string | undefined;
  /** The transcript file name, for the comment at the top. */
  sourceName: string;
  /** This talk's labels to keep in talk.yaml (`labels:`, label as written → speaker id). */
  labels?: Readonly<Record<string, string>> | undefined;
  /** BCP 47 tag of the words (default zh-CN). */
  language?: string | undefined;
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
    language: options.language ?? 'zh-CN',
    participants: order.map((speaker, index) => ({
      speaker: speaker.id,
      part: index === 0 && order.length > 1 ? 'host' : 'guest',
    })),
    ...(options.labels && Object.keys(options.labels).length > 0 ? { labels: { ...options.labels } } : {}),
    source: { publisher: { text: PLACEHOLDER, unverified: true }, title: PLACEHOLDER },
    outline: [],
  };
  const doc = parseDocument(stringify(talk, YAML_OPTIONS));
  doc.commentBefore =
    ` Written by \`npm run import\` from ${options.sourceName}.\n` +
    ` Replace every ${PLACEHOLDER} (the build stops while one is left), give each fact a source\n` +
    ' (a URL or "transcript") instead of `unverified: true` where one confirms it, and check\n' +
    " each participant's part (host or guest). See docs/adding-a-talk.md.";
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
  if (doc.errors.length > 0)
    throw new ImportError(file, undefined, `expected valid YAML front matter, found: ${doc.errors[0]!.message}`);
  const data: unknown = doc.toJS();
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const { anchor, position, speaker } = record;
  if (typeof anchor !== 'string' || typeof position !== 'number' || typeof speaker !== 'string') {
    throw new ImportError(
      file,
      undefined,
      'expected front matter with anchor, position and speaker, found it incomplete',
    );
  }
  const quotes = Array.isArray(record['quotes'])
    ? (record['quotes'] as unknown[]).flatMap((quote) => {
        const { id, span } = (quote ?? {}) as Record<string, unknown>;
        return typeof id === 'string' && typeof span === 'string' ? [{ id, span }] : [];
      })
    : [];
  return {
    fileName,
    frontMatter,
    anchor,
    position,
    speaker,
    quotes,
    body: text.slice(match[0].length).replace(/^\r?\n/, ''),
  };
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
  const times = timeFields(turn);
  const old = (doc.toJS() ?? {}) as Record<string, unknown>;
  for (const field of ['start', 'paragraphStarts'] as const) {
    const value = times[field];
    if (value === undefined) {
      if (doc.has(field)) doc.delete(field);
    } else if (JSON.stringify(old[field]) !== JSON.stringify(value)) {
      doc.set(field, timeNode(doc, value));
    }
  }
  const text = doc.toString(YAML_OPTIONS);
  return text === frontMatter.replace(/\r\n/g, '\n') ? frontMatter : text;
}

/**
 * Sets this talk's labels in talk.yaml (a `labels:` map right after `participants`), warning
 * of a label that now names someone else. True when the document changed.
 */
function mergeLabels(
  doc: ReturnType<typeof parseDocument>,
  labels: Readonly<Record<string, string>>,
  warnings: string[],
): boolean {
  let changed = false;
  for (const [label, id] of Object.entries(labels)) {
    const was: unknown = doc.getIn(['labels', label]);
    if (was === id) continue;
    if (typeof was === 'string') warnings.push(`talk.yaml: label ${show(label)} now names ${id} (it named ${was})`);
    if (!doc.has('labels') && isMap(doc.contents)) {
      const items = doc.contents.items;
      const after = items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'participants');
      items.splice(after === -1 ? items.length : after + 1, 0, doc.createPair('labels', { [label]: id }));
    } else {
      doc.setIn(['labels', label], id);
    }
    changed = true;
  }
  return changed;
}

/** Existing talk.yaml with the transcript's new speakers appended as guests, and new labels set. */
function mergeTalkYaml(
  talkYaml: string,
  turns: ParsedTurn[],
  warnings: string[],
  labels: Readonly<Record<string, string>> = {},
): string {
  const doc = parseDocument(talkYaml);
  const listed = new Set(
    ((doc.toJS() as { participants?: { speaker?: unknown }[] } | null)?.participants ?? []).map((p) => p.speaker),
  );
  const speaking = [...new Set(turns.map((turn) => turn.speaker.id))];
  const added = speaking.filter((id) => !listed.has(id));
  for (const id of added) doc.addIn(['participants'], doc.createNode({ speaker: id, part: 'guest' }));
  if (added.length > 0)
    warnings.push(`talk.yaml: added ${added.join(', ')} to participants as guests; check their part`);
  const silent = [...listed].filter((id): id is string => typeof id === 'string' && !speaking.includes(id));
  if (silent.length > 0)
    warnings.push(
      `talk.yaml: ${silent.join(', ')} ${silent.length === 1 ? 'is a participant but has' : 'are participants but have'} no turn in this transcript`,
    );
  const relabelled = mergeLabels(doc, labels, warnings);
  return added.length > 0 || relabelled ? doc.toString(YAML_OPTIONS) : talkYaml;
}

/**
 * The files of the talk. For a new talk, fresh front matter and a talk.yaml to fill in. For a
 * re-import (existing given), the editor's work is kept: talk.yaml as it is (new speakers are
 * appended), and each turn's front matter (anchor, quotes, anything else) by position when the
 * speaker at that position is unchanged; only position, sourceLabel and the words are rewritten.
 */
export function planTalk(
  turns: ParsedTurn[],
  options: NewTalkOptions & { existing?: ExistingTalk | undefined },
): TalkPlan {
  const { existing } = options;
  const warnings: string[] = [];
  const before = [...(existing?.turns ?? [])].sort((a, b) => a.position - b.position);
  const keep = turns.map((turn, index) => {
    const old = before[index];
    return old && old.speaker === turn.speaker.id ? old : undefined;
  });
  // Anchors a new turn must not take: every kept turn's, and the talk's quotes and sections.
  const taken = new Set<string>(
    keep.flatMap((old) => (old ? [old.anchor, ...old.quotes.map((q) => `quote-${q.id}`)] : [])),
  );
  const outline = existing ? outlineOf(existing.talkYaml) : [];
  for (const section of outline) taken.add(section.id);
  const counts = new Map<string, number>();
  const planned = turns.map((turn, index): PlannedTurn => {
    const old = keep[index];
    const anchor = old ? old.anchor : newAnchor(turn.speaker.id, counts, taken);
    const frontMatter = old ? withFrontMatterFields(old.frontMatter, turn) : newFrontMatter(turn, anchor);
    // Files are named `<nn>-<anchor>.md` by position; a kept file so named follows its position.
    const fileName =
      old && !/^\d+-/.test(old.fileName) ? old.fileName : turnFileName(turn.position, anchor, turns.length);
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
        if (count !== 1)
          warnings.push(
            `${fileName}: quote ${quote.id} — its span occurs ${count} times in the new words (expected once); fix it before building`,
          );
      }
    }
    return { ...turn, anchor, fileName, fate, text: turnFile(frontMatter, turn.paragraphs, body) };
  });
  const dropped = before.slice(turns.length);
  for (const old of dropped) {
    warnings.push(
      `${old.fileName}: no turn at position ${old.position} any more; the file is removed` +
        (old.quotes.length > 0 ? ` with its quotes (${old.quotes.map((q) => q.id).join(', ')})` : ''),
    );
  }
  const anchors = new Set(planned.map((turn) => turn.anchor));
  for (const section of outline) {
    if (!anchors.has(section.start))
      warnings.push(
        `talk.yaml: outline section ${section.id} starts at ${section.start}, which is no longer a turn; fix it before building`,
      );
  }
  const talkYaml = existing
    ? mergeTalkYaml(existing.talkYaml, turns, warnings, options.labels)
    : newTalkYaml(turns, options);
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
