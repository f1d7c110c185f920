/**
 * What one turn file says, read once for the translation checks: its front matter (checked
 * against the turn's schema), its paragraphs of spoken words with the notes referenced in
 * each, and its notes. Works for an original turn (Chinese notes) and a translated one (the
 * language's note dialect); pure, so tests give it text instead of files.
 */
import type { z } from 'astro/zod';
import { parseDocument } from 'yaml';
import { paragraphsOf } from '../content/catalog';
import { parseMarkdown } from '../content/markdown-tree';
import { inspectNotes, type NoteDialect } from '../content/notes';
import { problem, problemFromMessage, type TranslationProblem } from './problems';

/** A turn as the checks compare it. */
export interface TurnText<K extends string = string> {
  file: string;
  anchor: string;
  position: number;
  speaker: string;
  sourceLabel: string | undefined;
  quotes: { id: string; span: string }[];
  /** The whole body (words and note definitions): a quote span must occur once in it. */
  body: string;
  /** The speaker's words, one entry per paragraph, note references removed. */
  paragraphs: string[];
  /** Labels of the notes referenced in each paragraph (same index as `paragraphs`). */
  references: string[][];
  /** Label and kind of each note, in reading order. */
  notes: { label: string; kind: K }[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/;
const DEFINITION_LINE = /^\[\^[^\]\s]+\]:/;
const REFERENCE = /\[\^([^\]\s]+)\]/gu;

/** Splits a Markdown file into its front matter (parsed YAML) and its body. */
export function splitFrontMatter(
  file: string,
  text: string,
): { data: unknown; body: string; bodyLine: number } | { problem: TranslationProblem } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { problem: problem(file, 'front matter', 'front matter between --- lines', 'none') };
  const doc = parseDocument(match[1] ?? '');
  if (doc.errors.length > 0) {
    return { problem: problem(file, 'front matter', 'valid YAML', `a syntax error: ${doc.errors[0]!.message}`) };
  }
  return { data: doc.toJS(), body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** The spoken paragraphs of a body and the note labels each references. */
export function spokenParagraphs(body: string): { paragraphs: string[]; references: string[][] } {
  const blocks = paragraphsOf(body).filter((block) => !DEFINITION_LINE.test(block.text));
  return {
    paragraphs: blocks.map((block) => block.text.replace(REFERENCE, '').trim()),
    references: blocks.map((block) => [...block.text.matchAll(REFERENCE)].map((match) => match[1]!)),
  };
}

/** A zod issue as a problem: our schemas already phrase messages "expected …, found …". */
function issueProblem(file: string, issue: z.ZodIssue): TranslationProblem {
  const field = issue.path.reduce<string>(
    (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : String(key)),
    '',
  );
  return problemFromMessage(file, field || 'front matter', issue.message);
}

/** Checks data against a schema; the problems say where (`file`, field path) and what. */
export function parseWith<S extends z.ZodTypeAny>(
  schema: S,
  file: string,
  data: unknown,
): { value: z.output<S>; problems: [] } | { value: undefined; problems: TranslationProblem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data as z.output<S>, problems: [] };
  return { value: undefined, problems: result.error.issues.map((issue) => issueProblem(file, issue)) };
}

/**
 * Reads a turn file's text with the turn schema and note dialect of its language. A file whose
 * front matter does not fit yields only problems; note syntax problems come with the turn.
 */
export function readTurn<K extends string>(
  file: string,
  text: string,
  schema: z.ZodTypeAny,
  dialect: NoteDialect<K>,
): { turn: TurnText<K> | undefined; problems: TranslationProblem[] } {
  const split = splitFrontMatter(file, text);
  if ('problem' in split) return { turn: undefined, problems: [split.problem] };
  const parsed = parseWith(schema, file, split.data);
  if (!parsed.value) return { turn: undefined, problems: parsed.problems };
  return turnTextOf(
    { file, data: parsed.value as TurnFrontMatter, body: split.body, bodyLine: split.bodyLine },
    dialect,
  );
}

/** The front-matter fields the checks read, common to an original and a translated turn. */
export interface TurnFrontMatter {
  anchor: string;
  position: number;
  speaker: string;
  sourceLabel?: string | undefined;
  quotes: { id: string; span: string }[];
}

/**
 * A turn already parsed (by readTurn, or by Astro's content layer in a build) as the checks
 * compare it. `bodyLine` is the file line the body starts on (or how to find it), for note problems.
 */
export function turnTextOf<K extends string>(
  turn: { file: string; data: TurnFrontMatter; body: string; bodyLine: number | (() => number) },
  dialect: NoteDialect<K>,
): { turn: TurnText<K>; problems: TranslationProblem[] } {
  const { file, data, body, bodyLine } = turn;
  const { notes, problems: noteProblems } = inspectNotes(parseMarkdown(body), dialect, body);
  // Finding where the body starts may mean reading the file (src/lib/content/site.ts): only for a problem.
  const start = () => (typeof bodyLine === 'function' ? bodyLine() : bodyLine);
  const problems = noteProblems.map((note) => problemFromMessage(file, 'body', note.message, start() + note.line - 1));
  return {
    turn: {
      file,
      anchor: data.anchor,
      position: data.position,
      speaker: data.speaker,
      sourceLabel: data.sourceLabel,
      quotes: data.quotes.map(({ id, span }) => ({ id, span })),
      body,
      ...spokenParagraphs(body),
      notes: notes.map(({ label, kind }) => ({ label, kind })),
    },
    problems,
  };
}
