/**
 * Builds the site's model (talks, their sections and turns, speakers, key quotes) from the
 * content collections, and checks everything one entry's schema cannot: references between
 * files, unique anchors and positions, key-quote spans, empty turns and hard-wrapped text.
 * Any problem throws a ContentError listing every problem found, so nothing half-publishes.
 */
import type { Definition, Html, Image, ImageReference, Link, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { idProblem, type Fact } from '../schemas/common';
import type { Speaker } from '../schemas/speaker';
import type { Section, Talk } from '../schemas/talk';
import type { KeyQuote, Turn } from '../schemas/turn';
import { parseMarkdown } from './markdown-tree';
import { findPlaceholders, PLACEHOLDER } from './placeholder';
import { inspectNotes, stripNotes, type NoteProblem, type NoteView } from './notes';
import { paragraphStartsProblem } from './turn-times';
import { imageProblem, type TurnImage } from './turn-images';
import { LINK_RULE, linkProblem } from './url-safety';
import { readLabel, type LabelReading } from './speaker-labels';
import { countCharacters, measureFor, measureText, type TextMeasure } from './talk-stats';

export { countCharacters };

/** The parts of a content-collection entry the catalog reads (see `astro:content`). */
export interface EntryInput<T> {
  id: string;
  filePath?: string | undefined;
  data: T;
  body?: string | undefined;
  /** Line of the file where the body starts (after front matter), for messages. Default: 1. */
  bodyLine?: number | undefined;
  /** True when Astro could not render the Markdown (its loader logs the cause and goes on). */
  renderFailed?: boolean | undefined;
}

export interface CatalogInput {
  speakers: EntryInput<Speaker>[];
  talks: EntryInput<Talk>[];
  turns: EntryInput<Turn>[];
  /**
   * Whether a file exists, by its path under the content folder (`talks/<slug>/images/a.png`):
   * images in turns must. Default: no file exists.
   */
  fileExists?: ((contentPath: string) => boolean) | undefined;
}

export interface SpeakerView {
  id: string;
  name: string;
  latinName: string;
  aliases: string[];
  initials: string;
  color: Speaker['color'];
  role: Fact;
  affiliation: Fact;
  profile: Fact | undefined;
}

export interface ParticipantView extends SpeakerView {
  part: 'host' | 'guest';
  /** Turns this participant speaks in the talk. */
  turnCount: number;
}

export interface QuoteView extends KeyQuote {
  /** `quote-<id>`: the id of the highlighted span. */
  anchor: string;
  turnAnchor: string;
  speaker: SpeakerView;
}

export interface TurnView {
  /** Content-collection entry id, for rendering the body. */
  entryId: string;
  filePath: string;
  anchor: string;
  position: number;
  speaker: ParticipantView;
  sourceLabel: string | undefined;
  /** What the source label says of the speaker: only `other` is a correction (speaker-labels.ts). */
  labelReading: LabelReading;
  quotes: QuoteView[];
  /** Paragraphs of the speaker's words (notes not counted). */
  paragraphs: number;
  /** Characters of the speaker's words, without whitespace and without notes. */
  characters: number;
  /** The speaker's words (without notes) in the talk's unit, `TalkView.measure`: characters or words. */
  length: number;
  /** The turn's opening words as plain text, at most EXCERPT_LENGTH characters (… if cut). */
  excerpt: string;
  /** Editorial notes, in reading order (see notes.ts). */
  notes: NoteView[];
}

export interface SectionView extends Section {
  turns: TurnView[];
}

export interface TalkView {
  slug: string;
  filePath: string;
  data: Talk;
  /** How the talk's language is counted and read (talk-stats.ts measureFor). */
  measure: TextMeasure;
  participants: ParticipantView[];
  /** Turns before the first section, if the outline does not start at the first turn. */
  preamble: TurnView[];
  sections: SectionView[];
  turns: TurnView[];
  quotes: QuoteView[];
}

export interface Catalog {
  talks: TalkView[];
  speakers: Map<string, SpeakerView>;
}

/** One content problem: where it is, and "expected …, found …". */
export interface ContentProblem {
  file: string;
  field?: string;
  line?: number;
  message: string;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(
      `Content check failed with ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
    // The editor's to fix, not a bug: Astro prints a stack trace under any error that has one
    // (astro/dist/core/messages.js formatErrorMessage), which would bury the message.
    this.stack = '';
  }
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field === undefined ? '' : ` field "${problem.field}":`;
  return `  ${where}${field} ${problem.message}`;
}

const show = (value: string) => JSON.stringify(value);
const fileOf = (entry: EntryInput<unknown>, fallback: string) => entry.filePath ?? fallback;

/** Counts occurrences of `needle` in `haystack`, overlapping ones included ("哈哈" in "哈哈哈": 2). */
export function countOccurrences(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    count += 1;
  }
  return count;
}

/** Paragraphs of a Markdown body: blocks separated by blank lines. */
export function paragraphsOf(body: string): { text: string; line: number }[] {
  const paragraphs: { text: string; line: number }[] = [];
  const lines = body.split('\n');
  let start = -1;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (start !== -1) paragraphs.push({ text: lines.slice(start, index).join('\n'), line: start + 1 });
      start = -1;
    } else if (start === -1) {
      start = index;
    }
  });
  if (start !== -1) paragraphs.push({ text: lines.slice(start).join('\n'), line: start + 1 });
  return paragraphs;
}

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What the Markdown parser sees in a turn body (the text, or its tree from parseMarkdown): raw
 * HTML, soft line breaks, plain-text runs.
 */
export function inspectMarkdown(body: string | Root): {
  html: { value: string; line: number }[];
  /** Links and link definitions the URL policy refuses, with why (see url-safety.ts). */
  unsafeLinks: { url: string; line: number; problem: string }[];
  /** Every image (`reference`: written `![alt][label]`, its url left empty). */
  images: TurnImage[];
  softBreaks: number[];
  texts: string[];
  /** The text runs of the speaker's words: `texts` without those of note definitions. */
  spokenTexts: string[];
} {
  const tree = typeof body === 'string' ? parseMarkdown(body) : body;
  const html: { value: string; line: number }[] = [];
  const unsafeLinks: { url: string; line: number; problem: string }[] = [];
  const images: TurnImage[] = [];
  const softBreaks: number[] = [];
  const texts: string[] = [];
  const spokenTexts: string[] = [];
  const noteTexts = new Set<Text>();
  visit(tree, 'footnoteDefinition', (definition) => {
    visit(definition, 'text', (text) => {
      noteTexts.add(text);
    });
  });
  visit(tree, (node) => {
    if (node.type === 'html') {
      const { value, position } = node as Html;
      html.push({ value, line: position?.start.line ?? 1 });
    } else if (node.type === 'link' || node.type === 'definition') {
      const { url, position } = node as Link | Definition;
      const problem = linkProblem(url);
      if (problem !== undefined) unsafeLinks.push({ url, line: position?.start.line ?? 1, problem });
    } else if (node.type === 'image') {
      const { url, title, alt, position } = node as Image;
      images.push({
        url,
        title: title ?? undefined,
        alt: alt ?? '',
        line: position?.start.line ?? 1,
        reference: false,
      });
    } else if (node.type === 'imageReference') {
      const { alt, position } = node as ImageReference;
      images.push({ url: '', title: undefined, alt: alt ?? '', line: position?.start.line ?? 1, reference: true });
    }
    if (node.type === 'text') {
      const { value, position } = node as Text;
      texts.push(value);
      if (!noteTexts.has(node as Text)) spokenTexts.push(value);
      const inner = value.indexOf('\n');
      if (inner !== -1) softBreaks.push((position?.start.line ?? 1) + value.slice(0, inner).split('\n').length);
    } else if (node.type === 'break') {
      // A hard break (two trailing spaces or a backslash) splits a paragraph just the same.
      softBreaks.push((node.position?.start.line ?? 1) + 1);
    }
  });
  return { html, unsafeLinks, images, softBreaks, texts, spokenTexts };
}

function speakerView(id: string, data: Speaker): SpeakerView {
  return {
    id,
    name: data.name,
    latinName: data.latinName,
    aliases: data.aliases,
    initials: data.initials ?? Array.from(data.name)[0] ?? '?',
    color: data.color,
    role: data.role,
    affiliation: data.affiliation,
    profile: data.profile,
  };
}

/** The talk slug of a turn entry id `<talk>/turns/<file>`. */
export function talkSlugOfTurn(entryId: string): string {
  return entryId.split('/')[0] ?? '';
}

/** The talk slug of a talk entry id `<talk>/talk`. */
export function talkSlugOfTalk(entryId: string): string {
  return entryId.split('/')[0] ?? '';
}

/** Folder names a talk cannot have: the site serves other pages at these URLs. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['speakers', 'search', 'pagefind', '_astro', '404']);
/** Length of a turn's excerpt on speaker pages. */
export const EXCERPT_LENGTH = 60;

/** The opening words of a turn's plain text (Markdown text runs), cut at `length` with …. */
export function excerptOf(texts: string[], length = EXCERPT_LENGTH): string {
  const chars = Array.from(texts.join('').replace(/\s+/gu, ' ').trim());
  return chars.length > length
    ? `${chars
        .slice(0, length - 1)
        .join('')
        .trimEnd()}…`
    : chars.join('');
}
/** The speaker filter's stylesheet has rules for this many participant slots. */
export const MAX_PARTICIPANTS = 12;

/**
 * The content check as a pipeline. Each step reads what it needs and returns the problems it
 * found with the model it built; `buildCatalog` runs them in the order their messages are listed
 * (speakers, then each talk: its folder, participants, turns, outline) and assembles the model
 * only when no step found a problem.
 */
export function buildCatalog(input: CatalogInput): Catalog {
  const speakers = speakerViews(input.speakers);
  const turnsByTalk = groupTurnsByTalk(input.turns);
  const talkSlugs = new Set(input.talks.map((entry) => talkSlugOfTalk(entry.id)));
  const problems = [
    ...speakerFileNameProblems(input.speakers),
    ...strayTurnProblems(turnsByTalk, talkSlugs),
    ...speakerFieldProblems(input.speakers, talkSlugs),
  ];
  const checked = input.talks.map((entry) => {
    const slug = talkSlugOfTalk(entry.id);
    const context: TalkContext = {
      slug,
      talkFile: fileOf(entry, `content/talks/${slug}/talk.yaml`),
      talk: entry.data,
      speakers,
      speakerList: [...speakers.keys()].sort().join(', '),
      fileExists: input.fileExists ?? (() => false),
    };
    return checkTalk(context, turnsByTalk.get(slug) ?? []);
  });
  problems.push(...checked.flatMap((talk) => talk.problems));
  if (problems.length > 0) throw new ContentError(problems);
  const talks = checked.map((talk) => assembleTalk(talk.parts));
  talks.sort((a, b) => b.data.date.text.localeCompare(a.data.date.text) || a.slug.localeCompare(b.slug));
  return { talks, speakers };
}

/** What the steps checking one talk read. */
interface TalkContext {
  slug: string;
  talkFile: string;
  talk: Talk;
  speakers: Map<string, SpeakerView>;
  /** Every speaker id, for messages. */
  speakerList: string;
  fileExists: (contentPath: string) => boolean;
}

/** A step's result: what it built, and what it found wrong. */
interface Checked<T> {
  parts: T;
  problems: ContentProblem[];
}

function speakerViews(entries: EntryInput<Speaker>[]): Map<string, SpeakerView> {
  // Sorted by id: collections come in no fixed order, and pages must build byte for byte the same.
  const sorted = [...entries].sort((a, b) => a.id.localeCompare(b.id));
  return new Map(sorted.map((entry) => [entry.id, speakerView(entry.id, entry.data)]));
}

function groupTurnsByTalk(entries: EntryInput<Turn>[]): Map<string, EntryInput<Turn>[]> {
  const turnsByTalk = new Map<string, EntryInput<Turn>[]>();
  for (const entry of entries) {
    const slug = talkSlugOfTurn(entry.id);
    turnsByTalk.set(slug, [...(turnsByTalk.get(slug) ?? []), entry]);
  }
  return turnsByTalk;
}

/** The file name is the speaker's id: it becomes a URL and a folder (/speakers/<id>/). */
function speakerFileNameProblems(entries: EntryInput<Speaker>[]): ContentProblem[] {
  return entries.flatMap((entry) => {
    const problem = idProblem(entry.id);
    if (!problem) return [];
    return [
      {
        file: fileOf(entry, `content/speakers/${entry.id}.yaml`),
        field: 'file name',
        message: `Unexpected speaker file name: ${problem}`,
      },
    ];
  });
}

function strayTurnProblems(
  turnsByTalk: Map<string, EntryInput<Turn>[]>,
  talkSlugs: ReadonlySet<string>,
): ContentProblem[] {
  return [...turnsByTalk]
    .filter(([slug]) => !talkSlugs.has(slug))
    .flatMap(([slug, entries]) =>
      entries.map((entry) => ({
        file: fileOf(entry, entry.id),
        message: `Unexpected turn outside a talk: expected a talk.yaml in the folder "${slug}", found none`,
      })),
    );
}

/** A stub written by the importer's --create-speakers publishes only once filled in. */
function placeholderProblems(file: string, data: unknown): ContentProblem[] {
  return findPlaceholders(data).map((field) => ({
    file,
    field,
    message: `expected the editor's text, found the importer's placeholder ${PLACEHOLDER}`,
  }));
}

function speakerFieldProblems(entries: EntryInput<Speaker>[], talkSlugs: ReadonlySet<string>): ContentProblem[] {
  return entries.flatMap((entry) => [
    ...placeholderProblems(fileOf(entry, entry.id), entry.data),
    ...(['role', 'affiliation'] as const).flatMap((field) => {
      const source = entry.data[field].source;
      if (!source?.startsWith('talk:') || talkSlugs.has(source.slice('talk:'.length))) return [];
      return [
        {
          file: fileOf(entry, entry.id),
          field: `${field}.source`,
          message: `expected "talk:<slug>" of an existing talk (${[...talkSlugs].sort().join(', ')}), found ${show(source)}`,
        },
      ];
    }),
  ]);
}

/** The pieces of one talk's view, checked and waiting to be assembled. */
interface TalkParts {
  context: TalkContext;
  participants: ParticipantView[];
  turns: TurnView[];
  /** Index in `turns` of each section's first turn. */
  starts: number[];
}

function checkTalk(context: TalkContext, turnEntries: EntryInput<Turn>[]): Checked<TalkParts> {
  const entries = [...turnEntries].sort((a, b) => a.data.position - b.data.position);
  // Turn anchors, quote anchors and section ids share the page: each is unique in the talk.
  const anchors = new Map<string, string>();
  const participants = checkParticipants(context);
  const turns = checkTurns(context, entries, participants.parts, anchors);
  const outline = checkOutline(context, entries, anchors);
  return {
    parts: { context, participants: participants.parts, turns: turns.parts, starts: outline.parts },
    problems: [
      ...talkFolderProblems(context),
      ...placeholderProblems(context.talkFile, context.talk),
      ...participants.problems,
      ...turns.problems,
      ...outline.problems,
    ],
  };
}

function talkFolderProblems({ slug, talkFile }: TalkContext): ContentProblem[] {
  const slugProblem = idProblem(slug);
  if (slugProblem) {
    return [
      {
        file: talkFile,
        field: 'folder name',
        message: `Unexpected talk folder name (it becomes the URL): ${slugProblem}`,
      },
    ];
  }
  if (!RESERVED_SLUGS.has(slug)) return [];
  return [
    {
      file: talkFile,
      message: `Unexpected talk folder name ${show(slug)}: expected a name other than ${[...RESERVED_SLUGS].join(', ')} (the site serves other pages there)`,
    },
  ];
}

/** Why `id` cannot speak in the talk: not a speaker at all, or not one of its participants. */
function notAParticipant(context: TalkContext, participants: ParticipantView[], id: string): string {
  return context.speakers.has(id)
    ? `expected a participant of talk ${show(context.slug)} (${participants.map((p) => p.id).join(', ')}), found ${show(id)}, who is not in its participants`
    : `expected a speaker id from content/speakers (${context.speakerList}), found ${show(id)}`;
}

function checkParticipants(context: TalkContext): Checked<ParticipantView[]> {
  const { talk, talkFile, speakers, speakerList } = context;
  const participants: ParticipantView[] = [];
  const problems: ContentProblem[] = [];
  talk.participants.forEach((participant, index) => {
    const field = `participants[${index}].speaker`;
    const speaker = speakers.get(participant.speaker);
    if (!speaker) {
      const message = `expected a speaker id from content/speakers (${speakerList}), found ${show(participant.speaker)}`;
      problems.push({ file: talkFile, field, message });
    } else if (participants.some((p) => p.id === participant.speaker)) {
      const message = `expected each participant once, found ${show(participant.speaker)} again`;
      problems.push({ file: talkFile, field, message });
    } else {
      participants.push({
        ...speaker,
        role: participant.role ?? speaker.role,
        affiliation: participant.affiliation ?? speaker.affiliation,
        part: participant.part,
        turnCount: 0,
      });
    }
  });
  if (talk.participants.length > MAX_PARTICIPANTS) {
    problems.push({
      file: talkFile,
      field: 'participants',
      message: `expected at most ${MAX_PARTICIPANTS} participants (the speaker filter's CSS has ${MAX_PARTICIPANTS} slots), found ${talk.participants.length}`,
    });
  }
  return { parts: participants, problems: [...problems, ...labelProblems(context, participants)] };
}

/** A label of this talk (talk.yaml `labels:`) names someone on its stage. */
function labelProblems(context: TalkContext, participants: ParticipantView[]): ContentProblem[] {
  const { talk, talkFile } = context;
  return Object.entries(talk.labels ?? {})
    .filter(([, id]) => !talk.participants.some((p) => p.speaker === id))
    .map(([label, id]) => ({
      file: talkFile,
      field: `labels.${label}`,
      message: notAParticipant(context, participants, id),
    }));
}

/** Records `owner` for `key` unless another owns it already; returns that other owner. */
function claim<K>(owners: Map<K, string>, key: K, owner: string): string | undefined {
  const previous = owners.get(key);
  if (previous === undefined) owners.set(key, owner);
  return previous;
}

function anchorProblems(
  anchors: Map<string, string>,
  anchor: string,
  owner: string,
  where: { file: string; field: string },
): ContentProblem[] {
  const previous = claim(anchors, anchor, owner);
  if (previous === undefined) return [];
  return [
    { ...where, message: `expected an anchor unique in the talk, found ${show(anchor)}, already used by ${previous}` },
  ];
}

function checkTurns(
  context: TalkContext,
  entries: EntryInput<Turn>[],
  participants: ParticipantView[],
  anchors: Map<string, string>,
): Checked<TurnView[]> {
  const problems: ContentProblem[] = [];
  if (entries.length === 0) {
    problems.push({
      file: context.talkFile,
      field: 'turns',
      message: `expected at least one turn file in content/talks/${context.slug}/turns/, found none`,
    });
  }
  const positions = new Map<number, string>();
  const turns: TurnView[] = [];
  for (const entry of entries) {
    const checked = checkTurn({ context, participants, anchors, positions }, entry);
    problems.push(...checked.problems);
    if (checked.parts) turns.push(checked.parts);
  }
  return { parts: turns, problems };
}

/** What checking one turn reads, and the anchors and positions the talk's turns share. */
interface TurnContext {
  context: TalkContext;
  participants: ParticipantView[];
  anchors: Map<string, string>;
  positions: Map<number, string>;
}

/** Checks one turn; builds its view when its speaker is on stage (the rest is checked anyway). */
function checkTurn(turnContext: TurnContext, entry: EntryInput<Turn>): Checked<TurnView | undefined> {
  const { context, participants } = turnContext;
  const file = fileOf(entry, entry.id);
  const turn = entry.data;
  const body = entry.body ?? '';
  const speaker = participants.find((p) => p.id === turn.speaker);
  const spoken = stripNotes(body);
  const paragraphs = paragraphsOf(spoken).length;
  const tree = parseMarkdown(body);
  const markdown = inspectMarkdown(tree);
  const notes = inspectNotes(tree, undefined, body);
  // The turn claims its anchor before its quotes claim theirs.
  const placeProblems = turnPlaceProblems(turnContext, entry);
  const quotes = checkQuotes(turnContext, entry, markdown.texts, speaker);
  const problems = [
    ...placeProblems,
    ...(speaker ? [] : [{ file, field: 'speaker', message: notAParticipant(context, participants, turn.speaker) }]),
    ...turnTextProblems(file, turn, paragraphs),
    ...bodyProblems(context, entry, markdown, notes.problems),
    ...quotes.problems,
  ];
  // Rendering fails on problems already reported above; report it only when it stands alone.
  if (entry.renderFailed && problems.length === 0) {
    problems.push({
      file,
      field: 'body',
      message: 'expected Markdown that renders, found a render error (see the [glob-loader] error above)',
    });
  }
  if (!speaker) return { parts: undefined, problems };
  speaker.turnCount += 1;
  const view: TurnView = {
    entryId: entry.id,
    filePath: file,
    anchor: turn.anchor,
    position: turn.position,
    speaker,
    sourceLabel: turn.sourceLabel,
    labelReading: readLabel(turn.sourceLabel, speaker, context.talk.labels),
    quotes: quotes.parts,
    paragraphs,
    characters: countCharacters(spoken),
    length: measureText(spoken, context.talk.language),
    excerpt: excerptOf(markdown.spokenTexts),
    notes: notes.notes,
  };
  return { parts: view, problems };
}

/** A turn's anchor and position, each unique in the talk. */
function turnPlaceProblems({ anchors, positions }: TurnContext, entry: EntryInput<Turn>): ContentProblem[] {
  const file = fileOf(entry, entry.id);
  const { anchor, position } = entry.data;
  const samePosition = claim(positions, position, file);
  return [
    ...anchorProblems(anchors, anchor, file, { file, field: 'anchor' }),
    ...(samePosition === undefined
      ? []
      : [
          {
            file,
            field: 'position',
            message: `expected a position unique in the talk, found ${position}, already used by ${samePosition}`,
          },
        ]),
  ];
}

function turnTextProblems(file: string, turn: Turn, paragraphs: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (paragraphs === 0) {
    problems.push({ file, field: 'body', message: "expected the speaker's words, found an empty turn" });
  }
  const timesProblem = paragraphStartsProblem(turn.paragraphStarts, paragraphs);
  if (timesProblem) problems.push({ file, field: 'paragraphStarts', message: timesProblem });
  return problems;
}

/** What the body's Markdown tree shows that the site does not publish, at the file's own lines. */
function bodyProblems(
  context: TalkContext,
  entry: EntryInput<Turn>,
  markdown: ReturnType<typeof inspectMarkdown>,
  noteProblems: NoteProblem[],
): ContentProblem[] {
  const file = fileOf(entry, entry.id);
  const start = entry.bodyLine ?? 1;
  const at = (bodyLine: number, message: string): ContentProblem => ({
    file,
    line: start + bodyLine - 1,
    field: 'body',
    message,
  });
  const images = { slug: context.slug, images: context.talk.images === true, fileExists: context.fileExists };
  return [
    ...markdown.html.map((html) =>
      at(
        html.line,
        `Unexpected raw HTML ${show(clip(html.value))}: expected plain Markdown text (raw HTML is not published)`,
      ),
    ),
    ...markdown.unsafeLinks.map((link) =>
      at(link.line, `Unexpected link to ${show(clip(link.url))}: expected ${LINK_RULE}, found ${link.problem}`),
    ),
    ...markdown.images.flatMap((image) => {
      const message = imageProblem(image, images);
      return message ? [at(image.line, message)] : [];
    }),
    ...markdown.softBreaks.map((line) =>
      at(line, 'Unexpected line break inside a paragraph: expected one paragraph per line, separated by blank lines'),
    ),
    ...noteProblems.map((problem) => at(problem.line, problem.message)),
  ];
}

/** Each key quote's span occurs once, in one run of plain text; its anchor is unique in the talk. */
function checkQuotes(
  { anchors }: TurnContext,
  entry: EntryInput<Turn>,
  texts: string[],
  speaker: ParticipantView | undefined,
): Checked<QuoteView[]> {
  const file = fileOf(entry, entry.id);
  const body = entry.body ?? '';
  const quotes: QuoteView[] = [];
  const problems: ContentProblem[] = [];
  entry.data.quotes.forEach((quote, index) => {
    const field = `quotes[${index}]`;
    const count = countOccurrences(body, quote.span);
    if (count !== 1) {
      problems.push({
        file,
        field: `${field}.span`,
        message: `expected text that occurs exactly once in the turn, found ${count} occurrences of ${show(quote.span)}`,
      });
    } else if (!texts.some((text) => text.includes(quote.span))) {
      problems.push({
        file,
        field: `${field}.span`,
        message: `expected text inside one run of plain text, found ${show(quote.span)} crossing formatting, a link or a paragraph break`,
      });
    }
    const anchor = `quote-${quote.id}`;
    problems.push(...anchorProblems(anchors, anchor, `${file} ${field}`, { file, field: `${field}.id` }));
    if (speaker) quotes.push({ ...quote, anchor, turnAnchor: entry.data.anchor, speaker });
  });
  return { parts: quotes, problems };
}

/** Each section starts at a turn of the talk, after the previous section's start. */
function checkOutline(
  { talk, talkFile }: TalkContext,
  entries: EntryInput<Turn>[],
  anchors: Map<string, string>,
): Checked<number[]> {
  // Indexed over every turn file, so a turn with another problem is not also "missing" here.
  const turnIndex = new Map(entries.map((entry, index) => [entry.data.anchor, index]));
  const starts: number[] = [];
  const problems: ContentProblem[] = [];
  // With no turns at all, every section would also be "missing": one message is enough.
  const outline = entries.length === 0 ? [] : talk.outline;
  outline.forEach((section, index) => {
    const owner = `${talkFile} outline[${index}]`;
    problems.push(...anchorProblems(anchors, section.id, owner, { file: talkFile, field: `outline[${index}].id` }));
    const field = `outline[${index}].start`;
    const at = turnIndex.get(section.start);
    const previous = starts.at(-1);
    if (at === undefined) {
      const message = `expected the anchor of a turn in this talk, found ${show(section.start)}`;
      problems.push({ file: talkFile, field, message });
    } else if (previous !== undefined && at <= previous) {
      const message = `expected a turn after the previous section's start, found ${show(section.start)} (turn ${at + 1})`;
      problems.push({ file: talkFile, field, message });
    } else {
      starts.push(at);
    }
  });
  return { parts: starts, problems };
}

function assembleTalk({ context, participants, turns, starts }: TalkParts): TalkView {
  const { talk } = context;
  return {
    slug: context.slug,
    filePath: context.talkFile,
    data: talk,
    measure: measureFor(talk.language),
    participants,
    preamble: turns.slice(0, starts[0] ?? turns.length),
    sections: talk.outline.map((section, index) => ({
      ...section,
      turns: turns.slice(starts[index], starts[index + 1] ?? turns.length),
    })),
    turns,
    quotes: turns.flatMap((turn) => turn.quotes),
  };
}

/** Every turn of every talk: the size of the search index (one record a turn). */
export const turnCount = (catalog: Catalog): number => catalog.talks.reduce((sum, talk) => sum + talk.turns.length, 0);

/** Every speaker in the order they appear on stage (newest talk first), then the rest by id. */
export function speakersInStageOrder(catalog: Catalog): SpeakerView[] {
  const onStage = catalog.talks.flatMap((talk) => talk.participants.map((person) => person.id));
  return [...new Set([...onStage, ...catalog.speakers.keys()])].map((id) => catalog.speakers.get(id)!);
}
