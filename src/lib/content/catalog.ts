/**
 * src/lib/content/: the content pipeline. The collections are read once (site.ts getCatalog,
 * through the loaders in checked-glob.ts and body-line.ts), each turn's Markdown parsed once
 * (markdown-tree.ts, notes.ts), and this file checks them together and builds the view model
 * every page renders; talk-stats.ts, speaker-index.ts and speaker-labels.ts derive from it.
 *
 * Builds the site's model (talks, their sections and turns, speakers, key quotes) from the
 * content collections, and checks everything one entry's schema cannot: references between
 * files, unique anchors and positions, key-quote spans, empty turns and hard-wrapped text.
 * Any problem throws a ContentError listing every problem found, so nothing half-publishes.
 */
import type { Definition, Html, Image, ImageReference, Link, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { idProblem, type Fact } from '../../schemas/common';
import type { Speaker } from '../../schemas/speaker';
import type { Section, Talk } from '../../schemas/talk';
import type { KeyQuote, Turn } from '../../schemas/turn';
import { parseMarkdown } from './markdown-tree';
import { findPlaceholders, PLACEHOLDER } from './placeholder';
import { inspectNotes, stripNotes, type NoteProblem, type NoteView } from './notes';
import { paragraphStartsProblem } from './turn-times';
import { imageProblem, type TurnImage } from './turn-images';
import { LINK_RULE, linkProblem } from '../url-safety';
import { readLabel, type LabelReading } from './speaker-labels';
import { countCharacters, measureFor, measureText, type TextMeasure } from './talk-stats';
import { CHINESE_NOTES, type NoteDialect } from './notes';
import { NOTE_DIALECTS, type GlossaryTerm, type TranslatedNoteKind, type TranslatedTurn } from '../../schemas/translation';
import { checkTranslation } from '../translation/check-translation';
import { translationCheckInput } from '../translation/check-input';
import {
  translatedSpeakerFields,
  translatedTalkData,
  translatedTurnData,
  untranslatedFieldProblems,
} from '../translation/edition';
import type { TranslationFiles } from '../translation/load-translation';
import { turnTextOf } from '../translation/read-turn';
import { clip, countOccurrences, show } from '../text/messages';

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
  /**
   * The translations found under each talk's `translations/<lang>/` folder, their YAML files read
   * by load-translation.ts readTranslationFiles. Default: none (no talk has an edition).
   */
  translations?: TranslationInput[] | undefined;
  /** The translated turns (collection `translatedTurns`). Default: none. */
  translatedTurns?: EntryInput<TranslatedTurn>[] | undefined;
}

/** One talk's translation into one language, as the build found it. */
export interface TranslationInput extends TranslationFiles {
  slug: string;
}

export interface SpeakerView {
  id: string;
  name: string;
  latinName: string;
  /**
   * The family name within `name`, where a translated edition's speaker file gives it (`family`,
   * schemas/translation.ts): its APA citations write "Yao, A. C.-C.". Undefined for the
   * original's names, which citations keep as written.
   */
  family?: string | undefined;
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
  /** Content collection of the entry: pages render the body with getEntry(collection, entryId). */
  collection: 'turns' | 'translatedTurns';
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
  /** Editorial notes, in reading order (see notes.ts); a translation's may include translator's notes. */
  notes: NoteView<TranslatedNoteKind>[];
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
  /** The language of its words: the talk's `language` for an original, the edition's tag for a translation. */
  language: string;
  /** Who translated and how, and the glossary: set on translated views only. */
  translation?: TranslationView | undefined;
  /** On a translated view, the original it translates. */
  original?: TalkView | undefined;
  /** On an original view, its translated views by language tag (empty when none). */
  translations: Map<string, TalkView>;
}

export interface TranslationView {
  lang: string;
  by: string;
  date: string;
  notice: string;
  method?: string | undefined;
  glossary: GlossaryTerm[];
}

/** The site in one translation language: the translated talks and their speakers, in that language. */
export interface Edition {
  lang: string;
  talks: TalkView[];
  speakers: Map<string, SpeakerView>;
}

export interface Catalog {
  talks: TalkView[];
  speakers: Map<string, SpeakerView>;
  /** By language tag, e.g. 'en'. */
  translations: Map<string, Edition>;
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

const fileOf = (entry: EntryInput<unknown>, fallback: string) => entry.filePath ?? fallback;

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

/**
 * Folder names a talk cannot have: the site serves other pages at these URLs, and each
 * translation language's pages under /<lang>/ (every language with a note dialect).
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'speakers',
  'search',
  'pagefind',
  '_astro',
  '404',
  ...Object.keys(NOTE_DIALECTS),
]);
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
      language: entry.data.language,
      dialect: undefined,
      collection: 'turns',
    };
    return checkTalk(context, turnsByTalk.get(slug) ?? []);
  });
  problems.push(...checked.flatMap((talk) => talk.problems));
  if (problems.length > 0) throw new ContentError(problems);
  const talks = checked.map((talk) => assembleTalk(talk.parts));
  talks.sort((a, b) => b.data.date.text.localeCompare(a.data.date.text) || a.slug.localeCompare(b.slug));
  // Translations are compared with originals that passed their own checks: a broken original
  // would only make every translation of it look broken too.
  const translations = buildEditions({ input, talks, turnsByTalk });
  return { talks, speakers, translations };
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
  /** The language of the words: how turns are measured. */
  language: string;
  /** How the turns write notes. Undefined: the original's (CHINESE_NOTES). */
  dialect: NoteDialect<TranslatedNoteKind> | undefined;
  collection: TurnView['collection'];
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
  const notes = context.dialect ? inspectNotes(tree, context.dialect, body) : inspectNotes(tree, undefined, body);
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
    collection: context.collection,
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
    length: measureText(spoken, context.language),
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
    measure: measureFor(context.language),
    participants,
    preamble: turns.slice(0, starts[0] ?? turns.length),
    sections: talk.outline.map((section, index) => ({
      ...section,
      turns: turns.slice(starts[index], starts[index + 1] ?? turns.length),
    })),
    turns,
    quotes: turns.flatMap((turn) => turn.quotes),
    language: context.language,
    translations: new Map(),
  };
}

/** What building the editions reads: the catalog's input and the originals it built. */
interface EditionsContext {
  input: CatalogInput;
  /** The original talks, checked and assembled. */
  talks: TalkView[];
  turnsByTalk: Map<string, EntryInput<Turn>[]>;
}

/** `<slug>/<lang>` of a translated turn entry id `<slug>/translations/<lang>/turns/<file>`. */
export function editionKeyOfTurn(entryId: string): string {
  const [slug, , lang] = entryId.split('/');
  return `${slug ?? ''}/${lang ?? ''}`;
}

/**
 * Every talk's translations checked against their originals (the checks of
 * src/lib/translation/, the same as `npm run translation:review`) and then built into translated
 * views by the catalog's own steps. Throws a ContentError listing every problem of every
 * translation; a talk without a translations folder has no edition.
 */
function buildEditions({ input, talks, turnsByTalk }: EditionsContext): Map<string, Edition> {
  const translatedTurns = new Map<string, EntryInput<TranslatedTurn>[]>();
  for (const entry of input.translatedTurns ?? []) {
    const key = editionKeyOfTurn(entry.id);
    translatedTurns.set(key, [...(translatedTurns.get(key) ?? []), entry]);
  }
  const known = new Set((input.translations ?? []).map((translation) => `${translation.slug}/${translation.lang}`));
  const problems: ContentProblem[] = [...translatedTurns]
    .filter(([key]) => !known.has(key))
    .flatMap(([key, entries]) =>
      entries.map((entry) => ({
        file: fileOf(entry, entry.id),
        message: `Unexpected translated turn: expected it in the translations folder of a talk (talks/<slug>/translations/<lang>/turns/), found it under ${show(key)}`,
      })),
    );
  const views: TranslatedParts[] = [];
  for (const translation of input.translations ?? []) {
    const original = talks.find((talk) => talk.slug === translation.slug);
    const checked = checkEdition({
      translation,
      original,
      input,
      originalEntries: turnsByTalk.get(translation.slug) ?? [],
      entries: translatedTurns.get(`${translation.slug}/${translation.lang}`) ?? [],
    });
    problems.push(...checked.problems);
    if (checked.parts) views.push(checked.parts);
  }
  if (problems.length > 0) throw new ContentError(problems);
  return editionsByLanguage(talks, views);
}

/** A translated view and its speakers in that language (their own facts, not the talk's overrides). */
interface TranslatedParts {
  view: TalkView;
  speakers: Map<string, SpeakerView>;
}

/** The translated views grouped by language, in the originals' order, each linked to its original. */
function editionsByLanguage(talks: TalkView[], views: TranslatedParts[]): Map<string, Edition> {
  const editions = new Map<string, Edition>();
  const order = ({ view }: TranslatedParts) => talks.findIndex((talk) => talk.slug === view.slug);
  const sorted = [...views].sort((a, b) => order(a) - order(b) || a.view.language.localeCompare(b.view.language));
  for (const { view, speakers } of sorted) {
    view.original!.translations.set(view.language, view);
    const edition: Edition = editions.get(view.language) ?? { lang: view.language, talks: [], speakers: new Map() };
    edition.talks.push(view);
    for (const [id, speaker] of speakers) edition.speakers.set(id, speaker);
    editions.set(view.language, edition);
  }
  for (const edition of editions.values()) {
    edition.speakers = new Map([...edition.speakers].sort(([a], [b]) => a.localeCompare(b)));
  }
  return editions;
}

interface EditionParts {
  translation: TranslationInput;
  original: TalkView | undefined;
  input: CatalogInput;
  originalEntries: EntryInput<Turn>[];
  entries: EntryInput<TranslatedTurn>[];
}

/** Where a translation's turns are, as messages name the folder. */
const turnsDirOf = (translation: TranslationInput) => translation.talkFile.replace(/\/talk\.yaml$/, '/turns');

/** One translation: compared with its original, then built by the catalog's steps in its language. */
function checkEdition(parts: EditionParts): Checked<TranslatedParts | undefined> {
  const { translation, original } = parts;
  const dialect = NOTE_DIALECTS[translation.lang];
  if (!dialect || !original) {
    const message = !original
      ? `expected the translation of a published talk, found no talk ${show(translation.slug)}`
      : `expected a language the site can publish (${Object.keys(NOTE_DIALECTS).join(', ')}), found ${show(translation.lang)}`;
    return {
      parts: undefined,
      problems: [{ file: turnsDirOf(translation).replace(/\/turns$/, ''), field: 'folder name', message }],
    };
  }
  const translatedTexts = parts.entries.map((entry) =>
    turnTextOf(
      { file: fileOf(entry, entry.id), data: entry.data, body: entry.body ?? '', bodyLine: entry.bodyLine ?? 1 },
      dialect,
    ),
  );
  const checkInput = translationCheckInput({
    turnsDir: turnsDirOf(translation),
    talk: original.data,
    originalTurns: parts.originalEntries.map(
      (entry) =>
        turnTextOf(
          { file: fileOf(entry, entry.id), data: entry.data, body: entry.body ?? '', bodyLine: 1 },
          CHINESE_NOTES,
        ).turn,
    ),
    translatedTurns: translatedTexts.map((read) => read.turn).sort((a, b) => a.position - b.position),
    originalSpeakers: new Map(parts.input.speakers.map((entry) => [entry.id, entry.data])),
    files: translation,
  });
  const problems: ContentProblem[] = [
    ...translation.problems,
    ...translatedTexts.flatMap((read) => read.problems),
    ...checkTranslation(checkInput),
    ...(translation.talk ? untranslatedFieldProblems(original.data, translation.talk, translation.talkFile) : []),
  ].map(({ file, field, line, message }) => ({ file, field, ...(line === undefined ? {} : { line }), message }));
  if (problems.length > 0 || !translation.talk) return { parts: undefined, problems };
  return buildTranslatedView(parts, dialect);
}

/** The translated view, by the catalog's own steps on the translated inputs (they passed the comparison). */
function buildTranslatedView(
  { translation, original, input, originalEntries, entries }: EditionParts,
  dialect: NoteDialect<TranslatedNoteKind>,
): Checked<TranslatedParts | undefined> {
  const talk = translatedTalkData(original!.data, translation.talk!, translation.lang);
  const speakers = new Map(
    original!.participants.map(({ part: _part, turnCount: _count, ...speaker }) => {
      const translated = translation.speakers.get(speaker.id)!.data;
      return [speaker.id, { ...speaker, ...translatedSpeakerFields(speaker, translated) }];
    }),
  );
  const context: TalkContext = {
    slug: translation.slug,
    talkFile: translation.talkFile,
    talk,
    speakers,
    speakerList: [...speakers.keys()].sort().join(', '),
    fileExists: input.fileExists ?? (() => false),
    language: translation.lang,
    dialect,
    collection: 'translatedTurns',
  };
  const originalsByAnchor = new Map(originalEntries.map((entry) => [entry.data.anchor, entry.data]));
  const turnEntries = entries.map((entry) => ({
    ...entry,
    data: translatedTurnData(originalsByAnchor.get(entry.data.anchor)!, entry.data),
  }));
  const checked = checkTalk(context, turnEntries);
  if (checked.problems.length > 0) return { parts: undefined, problems: checked.problems };
  const view = assembleTalk(checked.parts);
  // Whether a label names the speaker is a fact of the original label, read in its own language.
  const readings = new Map(original!.turns.map((turn) => [turn.anchor, turn.labelReading]));
  for (const turn of view.turns) turn.labelReading = readings.get(turn.anchor) ?? turn.labelReading;
  const info = translation.talk!.translation;
  view.translation = {
    lang: translation.lang,
    by: info.by,
    date: info.date,
    notice: info.notice,
    ...(info.method === undefined ? {} : { method: info.method }),
    glossary: translation.glossary?.terms ?? [],
  };
  view.original = original;
  return { parts: { view, speakers }, problems: [] };
}

/** Every turn of every talk: the size of the search index (one record a turn). */
/** Turns in the search index: every talk's, and every edition's (each translated turn is a record too). */
export const turnCount = (catalog: Catalog): number =>
  [...catalog.talks, ...[...catalog.translations.values()].flatMap((edition) => edition.talks)].reduce(
    (sum, talk) => sum + talk.turns.length,
    0,
  );

/**
 * The search page's talk facet in `locale`: every talk, titled in that locale's edition where it
 * has one (the facet's values are the slugs, which every language's turns share).
 */
export function searchTalks(catalog: Catalog, locale: string): { slug: string; title: string; lang: string }[] {
  return catalog.talks.map((talk) => {
    const shown = talk.translations.get(locale) ?? talk;
    return { slug: talk.slug, title: shown.data.title, lang: shown.language };
  });
}

/** Every speaker in the order they appear on stage (newest talk first), then the rest by id. */
export function speakersInStageOrder(catalog: Catalog): SpeakerView[] {
  const onStage = catalog.talks.flatMap((talk) => talk.participants.map((person) => person.id));
  return [...new Set([...onStage, ...catalog.speakers.keys()])].map((id) => catalog.speakers.get(id)!);
}
