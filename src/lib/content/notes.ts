/**
 * Editorial notes in turn files: GFM footnotes whose definition starts with the note's kind.
 *
 *     高洋[^gao-yang-name]老师……
 *
 *     [^gao-yang-name]: 【更正】应为高阳……[清华大学](https://…)
 *
 * A label is an id (src/schemas/common.ts ID_PATTERN; it becomes part of the note's id). The
 * kind is one of 【背景】 (context), 【更正】 (correction) or 【术语】 (term). Each definition is one
 * line, is referenced exactly once, and carries a source link or says 未核实 (unverified).
 * This module finds the notes and every problem with them; rendering is remark-notes.ts.
 * A translation writes its notes the same way with its own prefixes (a NoteDialect, e.g.
 * `[Context]` in English, see src/schemas/translation.ts); Chinese is the default.
 */
import type { LabelReading } from './speaker-labels';
import type { FootnoteDefinition, FootnoteReference, Link, Nodes, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { idProblem } from '../../schemas/common';
import { parseMarkdown } from './markdown-tree';
import { show } from '../text/messages';

export const NOTE_KINDS = ['context', 'correction', 'term'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** The prefix an editor writes, and the label readers see, for each kind. */
export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  context: '背景',
  correction: '更正',
  term: '术语',
};

const KIND_PREFIX = /^【([^】]{1,8})】/u;
/** What an unresolved footnote call looks like in text (GFM leaves it as literal text). */
const LOOSE_REFERENCE = /\[\^([^\]\s]+)\]/gu;
/**
 * A footnote call as written in the Markdown source: `[^label]` whose `[` is not escaped (an
 * even number of backslashes before it). `\[^1\]` is speech that reads "[^1]" (the importer
 * escapes it so), not a note.
 */
const SOURCE_REFERENCE = /(?<=(?:^|[^\\])(?:\\\\)*)\[\^([^\]\s]+)\]/gu;

/** Labels of the note calls in a Markdown body, escaped brackets left out, each once. */
export function referencedLabels(body: string): string[] {
  return [...new Set([...body.matchAll(SOURCE_REFERENCE)].map((match) => match[1]!))];
}
/** Says the note could not be verified; a note without a link must say so. */
export const UNVERIFIED_MARK = '未核实';

/** A note's text as runs of plain text and links (emphasis and code are read as text). */
export type NoteRun = { type: 'text'; value: string } | { type: 'link'; value: string; href: string };

export interface NoteView<K extends string = NoteKind> {
  /** The footnote label, e.g. "gao-yang-name". */
  label: string;
  kind: K;
  /** The note's text after the kind prefix. */
  runs: NoteRun[];
  /** Line of the definition in the body, from 1. */
  line: number;
}

export interface NoteProblem {
  /** Line in the body, from 1. */
  line: number;
  message: string;
}

/** Which rule a note breaks: the `ruleId` remark-notes.ts reports a problem under. */
export type NoteRule =
  | 'reference-nested'
  | 'reference-undefined'
  | 'reference-repeated'
  | 'definition-repeated'
  | 'definition-unused'
  | 'definition-blocks'
  | 'label-invalid'
  | 'kind-unknown'
  | 'source-missing';

/** A problem with the rule it breaks and the column it starts at, for a Markdown plugin's message. */
export interface NoteFinding extends NoteProblem {
  rule: NoteRule;
  /** Column in the line, from 1. */
  column: number;
}

/** How one language writes notes: its kinds, their prefixes, and the words for "unverified". */
export interface NoteDialect<K extends string = NoteKind> {
  /** The kinds, in the order messages list them. */
  kinds: readonly K[];
  /** The label written inside the prefix for each kind (背景 for context). */
  labels: Record<K, string>;
  /** Matches a prefix at the start of a note; group 1 is the label. */
  prefix: RegExp;
  /**
   * Reads a written label before it is compared with `labels`, for spellings an editor may type
   * either way (a typographic apostrophe for a straight one). Default: as written.
   */
  readLabel?: (written: string) => string;
  /** Writes a prefix around a label, for messages (背景 → 【背景】). */
  writePrefix: (label: string) => string;
  /** The words a note without a source link must contain, as messages quote them. */
  unverifiedMark: string;
  /** Finds those words in a note's text. */
  unverifiedPattern: RegExp;
  /** Kinds that state the editor's own reading, not a fact, and so need no source. Default: none. */
  unsourcedKinds?: readonly K[];
}

export const CHINESE_NOTES: NoteDialect<NoteKind> = {
  kinds: NOTE_KINDS,
  labels: NOTE_KIND_LABELS,
  prefix: KIND_PREFIX,
  writePrefix: (label) => `【${label}】`,
  unverifiedMark: UNVERIFIED_MARK,
  unverifiedPattern: new RegExp(UNVERIFIED_MARK, 'u'),
};

/** The kind for a prefix label (背景 → context), or undefined. */
export function kindOfLabel<K extends string = NoteKind>(label: string, dialect?: NoteDialect<K>): K | undefined {
  const { kinds, labels, readLabel } = dialect ?? (CHINESE_NOTES as unknown as NoteDialect<K>);
  const read = readLabel ? readLabel(label) : label;
  return kinds.find((kind) => labels[kind] === read);
}

/**
 * Splits the kind prefix off a note's text: "【更正】应为高阳" → { kind: "correction", rest: "应为高阳" }.
 * `found` is the prefix as written (or undefined when there is none). Spaces after it are dropped.
 */
export function parseKindPrefix<K extends string = NoteKind>(
  text: string,
  dialect?: NoteDialect<K>,
): { kind: K | undefined; found: string | undefined; rest: string } {
  const match = (dialect ?? CHINESE_NOTES).prefix.exec(text);
  if (!match) return { kind: undefined, found: undefined, rest: text };
  return {
    kind: kindOfLabel(match[1]!, dialect),
    found: match[0],
    rest: text.slice(match[0].length).replace(/^[ \t]+/, ''),
  };
}

type Positioned = { position?: { start: { line: number; column: number } } | undefined };
const lineOf = (node: Positioned) => node.position?.start.line ?? 1;
const finding = (node: Positioned, rule: NoteRule, message: string): NoteFinding => ({
  line: lineOf(node),
  column: node.position?.start.column ?? 1,
  rule,
  message,
});
const kindList = <K extends string>(dialect: NoteDialect<K>) =>
  dialect.kinds.map((kind) => dialect.writePrefix(dialect.labels[kind])).join(', ');

function runsOf(node: Nodes): NoteRun[] {
  const runs: NoteRun[] = [];
  const push = (run: NoteRun) => {
    const last = runs.at(-1);
    if (run.type === 'text' && last?.type === 'text') last.value += run.value;
    else runs.push(run);
  };
  const walk = (current: Nodes) => {
    if (current.type === 'link') {
      const link = current as Link;
      push({ type: 'link', href: link.url, value: toString(link, { includeImageAlt: false, includeHtml: false }) });
    } else if (current.type === 'text' || current.type === 'inlineCode') {
      push({ type: 'text', value: (current as Text).value });
    } else if ('children' in current) {
      for (const child of current.children) walk(child as Nodes);
    }
  };
  walk(node);
  return runs;
}

/**
 * Finds the notes of a turn body and every problem with them: a reference without a
 * definition, a definition never referenced (or referenced twice), an unknown kind, a label
 * that is not lower-case ASCII words, a definition of more than one paragraph, a definition
 * with neither a source link nor 未核实, and a reference inside another note. Takes the body,
 * or its tree from parseMarkdown (which it does not change), and the language's note dialect
 * (default: Chinese) and, with a tree, the Markdown it was parsed from (so escaped calls `\[^1\]` read as speech).
 */
export function inspectNotes(
  body: string | Root,
  dialect?: undefined,
  source?: string,
): { notes: NoteView[]; problems: NoteProblem[] };
export function inspectNotes<K extends string>(
  body: string | Root,
  dialect: NoteDialect<K>,
  source?: string,
): { notes: NoteView<K>[]; problems: NoteProblem[] };
export function inspectNotes<K extends string>(
  body: string | Root,
  dialect: NoteDialect<K> = CHINESE_NOTES as unknown as NoteDialect<K>,
  source?: string,
): { notes: NoteView<K>[]; problems: NoteProblem[] } {
  const tree: Root = typeof body === 'string' ? parseMarkdown(body) : body;
  const { notes, findings } = readNotes(tree, dialect, typeof body === 'string' ? body : source);
  return { notes, problems: findings.map(({ line, message }) => ({ line, message })) };
}

/** inspectNotes on a tree, each problem with its rule and column (see remark-notes.ts). */
export function readNotes<K extends string>(
  tree: Root,
  dialect: NoteDialect<K>,
  source: string | undefined,
): { notes: NoteView<K>[]; findings: NoteFinding[] } {
  const found = findFootnotes(tree, dialect, source);
  const notes: NoteView<K>[] = [];
  const problems = [...found.problems];
  const defined = new Set<string>();
  for (const definition of found.definitions) {
    const checked = checkDefinition(definition, found.references, defined, dialect);
    problems.push(...checked.problems);
    if (checked.note) notes.push(checked.note);
  }
  for (const [identifier, uses] of found.references) {
    if (!defined.has(identifier)) {
      // Unreachable with GFM (an undefined call stays text), kept in case the parser changes.
      problems.push(
        finding(uses[0]!, 'reference-undefined', `Unexpected note reference [^${identifier}] without a definition`),
      );
    }
  }
  // In reading order: the order of the references.
  const order = [...found.references.keys()];
  notes.sort((a, b) => order.indexOf(a.label.toLowerCase()) - order.indexOf(b.label.toLowerCase()));
  problems.sort((a, b) => a.line - b.line);
  return { notes, findings: problems };
}

/**
 * The footnote calls (by identifier) and definitions of a tree, with the problems a call shows
 * where it stands: inside another note, or without a definition.
 */
function findFootnotes<K extends string>(
  tree: Root,
  dialect: NoteDialect<K>,
  markdown: string | undefined,
): { references: Map<string, FootnoteReference[]>; definitions: FootnoteDefinition[]; problems: NoteFinding[] } {
  const firstPrefix = dialect.writePrefix(dialect.labels[dialect.kinds[0]!]);
  const problems: NoteFinding[] = [];
  const references = new Map<string, FootnoteReference[]>();
  const definitions: FootnoteDefinition[] = [];
  const nested = new Set<FootnoteReference>();
  visit(tree, 'footnoteDefinition', (definition) => {
    visit(definition, 'footnoteReference', (node) => {
      nested.add(node);
    });
  });
  visit(tree, (node) => {
    if (node.type === 'footnoteReference') {
      if (nested.has(node)) {
        problems.push(
          finding(
            node,
            'reference-nested',
            `Unexpected note reference [^${node.label ?? node.identifier}] inside a note: expected references only in the speaker's words`,
          ),
        );
      }
      references.set(node.identifier, [...(references.get(node.identifier) ?? []), node]);
    } else if (node.type === 'footnoteDefinition') {
      definitions.push(node);
    } else if (node.type === 'text') {
      for (const label of undefinedCalls(node, markdown)) {
        problems.push(
          finding(
            node,
            'reference-undefined',
            `Unexpected note reference [^${label}] without a definition: expected a line "[^${label}]: ${firstPrefix}…" in the same file, found none`,
          ),
        );
      }
    }
  });
  return { references, definitions, problems };
}

/**
 * The labels of footnote calls left as literal text. GFM parses a call to an undefined footnote
 * as text; so it parses an escaped one (`\[^1\]`), which is speech: with the source at hand,
 * only unescaped calls count.
 */
function undefinedCalls(node: Text, markdown: string | undefined): string[] {
  const { start, end } = node.position ?? {};
  const written =
    markdown !== undefined && start?.offset !== undefined && end?.offset !== undefined
      ? [...markdown.slice(0, end.offset).matchAll(SOURCE_REFERENCE)].filter((match) => match.index >= start.offset!)
      : node.value.matchAll(LOOSE_REFERENCE);
  return [...written].map((match) => match[1]!);
}

/** One definition: defined once, referenced once, a valid label, one paragraph, a kind, a source. */
function checkDefinition<K extends string>(
  definition: FootnoteDefinition,
  references: Map<string, FootnoteReference[]>,
  defined: Set<string>,
  dialect: NoteDialect<K>,
): { note?: NoteView<K>; problems: NoteFinding[] } {
  const label = definition.label ?? definition.identifier;
  const line = lineOf(definition);
  const problem = (rule: NoteRule, message: string) => finding(definition, rule, message);
  if (defined.has(definition.identifier)) {
    return {
      problems: [
        problem(
          'definition-repeated',
          `Unexpected second definition of note [^${label}]: expected each label defined once`,
        ),
      ],
    };
  }
  defined.add(definition.identifier);
  const problems = useProblems(label, references.get(definition.identifier)?.length ?? 0).map((use) =>
    problem(use.rule, use.message),
  );
  const labelProblem = idProblem(label);
  if (labelProblem)
    problems.push(
      problem('label-invalid', `Unexpected note label [^${label}] (it becomes the note's id): ${labelProblem}`),
    );
  if (definition.children.length !== 1 || definition.children[0]!.type !== 'paragraph') {
    problems.push(
      problem(
        'definition-blocks',
        `Unexpected note [^${label}] of ${definition.children.length} blocks: expected one paragraph on one line`,
      ),
    );
    return { problems };
  }
  const read = readNote(definition.children[0]!, label, dialect);
  problems.push(...read.problems.map((found) => problem(found.rule, found.message)));
  return read.note ? { note: { ...read.note, line }, problems } : { problems };
}

/** A definition is referenced exactly once. */
function useProblems(label: string, uses: number): { rule: NoteRule; message: string }[] {
  if (uses === 0) {
    return [
      {
        rule: 'definition-unused',
        message: `Unexpected note definition [^${label}] that is never referenced: expected "[^${label}]" after the word it explains, found none`,
      },
    ];
  }
  if (uses > 1) {
    return [
      {
        rule: 'reference-repeated',
        message: `Unexpected note [^${label}] referenced ${uses} times: expected each note referenced once (write a second note for a second place)`,
      },
    ];
  }
  return [];
}

/** The message for a note whose text does not start with a known kind (`found`: the prefix as written). */
export function unknownKindMessage<K extends string>(
  found: string | undefined,
  label: string,
  dialect: NoteDialect<K>,
): string {
  return `Unexpected note kind ${found === undefined ? 'missing' : show(found)} in [^${label}]: expected the note to start with one of ${kindList(dialect)}`;
}

/** A note paragraph's kind (from its prefix) and runs, and whether it has a source. */
function readNote<K extends string>(
  paragraph: Nodes,
  label: string,
  dialect: NoteDialect<K>,
): { note?: Omit<NoteView<K>, 'line'>; problems: { rule: NoteRule; message: string }[] } {
  const runs = runsOf(paragraph);
  const first = runs[0];
  const prefix = parseKindPrefix(first?.type === 'text' ? first.value : '', dialect);
  if (!prefix.kind) {
    return { problems: [{ rule: 'kind-unknown', message: unknownKindMessage(prefix.found, label, dialect) }] };
  }
  if (first?.type === 'text') first.value = prefix.rest;
  if (runs[0]?.type === 'text' && runs[0].value === '') runs.shift();
  const sourced = runs.some((run) => run.type === 'link' && /^https?:\/\//.test(run.href));
  const needsSource = !dialect.unsourcedKinds?.includes(prefix.kind);
  const problems =
    needsSource && !sourced && !runs.some((run) => dialect.unverifiedPattern.test(run.value))
      ? [
          {
            rule: 'source-missing' as const,
            message: `Unexpected note [^${label}] without a source: expected an http(s) link or the words ${show(dialect.unverifiedMark)}, found neither`,
          },
        ]
      : [];
  return { note: { label, kind: prefix.kind, runs }, problems };
}

/** The id of a note on the reader page: `note-<turn anchor>-<label>` (see remark-notes.ts). */
export function noteAnchor(turnAnchor: string, label: string): string {
  return `note-${turnAnchor}-${label}`;
}

/** What the corrections list reads of a turn. */
export interface CorrectionTurn {
  anchor: string;
  position: number;
  sourceLabel?: string | undefined;
  /** How the source label reads (speaker-labels.ts): only `other` gets the speaker wrong. */
  labelReading: LabelReading;
  speaker: { name: string };
  /** A translation's turns may also have translator's notes (kinds beyond NoteKind). */
  notes: readonly NoteView<string>[];
}

/** One line of a talk's corrections: a correction note, or a speaker label the source gets wrong. */
export type Correction<T extends CorrectionTurn> =
  { type: 'note'; turn: T; note: NoteView; href: string } | { type: 'speaker-label'; turn: T; href: string };

/**
 * Every correction of a talk in reading order, so a reader can audit them: each 【更正】 note,
 * and each turn whose source label names someone else (`labelReading` "other"). A label that is
 * the speaker's name with a title, a role the talk maps to them or one of their aliases (植麟
 * for 杨植麟) is not a mistake of the source: see speaker-labels.ts.
 */
export function talkCorrections<T extends CorrectionTurn>(turns: readonly T[]): Correction<T>[] {
  return turns.flatMap((turn): Correction<T>[] => [
    ...(turn.sourceLabel !== undefined && turn.labelReading === 'other'
      ? [{ type: 'speaker-label' as const, turn, href: `#${turn.anchor}` }]
      : []),
    ...turn.notes
      .filter((note): note is NoteView => note.kind === 'correction')
      .map((note) => ({ type: 'note' as const, turn, note, href: `#${noteAnchor(turn.anchor, note.label)}` })),
  ]);
}

/**
 * A turn body without its notes: definition lines and references removed. What remains is
 * the speaker's words exactly as the source has them (see tests/unit/content.test.ts).
 */
export function stripNotes(body: string): string {
  return body
    .split('\n')
    .filter((line) => !/^\[\^[^\]\s]+\]:/.test(line))
    .join('\n')
    .replace(SOURCE_REFERENCE, '')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}
