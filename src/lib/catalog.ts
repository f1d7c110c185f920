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
import { inspectNotes, stripNotes, type NoteView } from './notes';
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
  /**
   * Line of the file where the body starts (after front matter), for messages. Default: 1. A
   * function is called only when a message needs it (finding it may mean reading the file).
   */
  bodyLine?: number | (() => number) | undefined;
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

export function buildCatalog(input: CatalogInput): Catalog {
  const problems: ContentProblem[] = [];
  const report = (problem: ContentProblem) => problems.push(problem);

  const speakers = new Map<string, SpeakerView>();
  // Sorted by id: collections come in no fixed order, and pages must build byte for byte the same.
  for (const entry of [...input.speakers].sort((a, b) => a.id.localeCompare(b.id))) {
    speakers.set(entry.id, speakerView(entry.id, entry.data));
  }
  const speakerList = [...speakers.keys()].sort().join(', ');
  // The file name is the speaker's id: it becomes a URL and a folder (/speakers/<id>/).
  for (const entry of input.speakers) {
    const problem = idProblem(entry.id);
    if (problem)
      report({
        file: fileOf(entry, `content/speakers/${entry.id}.yaml`),
        field: 'file name',
        message: `Unexpected speaker file name: ${problem}`,
      });
  }

  const turnsByTalk = new Map<string, EntryInput<Turn>[]>();
  for (const entry of input.turns) {
    const slug = talkSlugOfTurn(entry.id);
    turnsByTalk.set(slug, [...(turnsByTalk.get(slug) ?? []), entry]);
  }
  const talkSlugs = new Set(input.talks.map((entry) => talkSlugOfTalk(entry.id)));
  for (const [slug, entries] of turnsByTalk) {
    if (!talkSlugs.has(slug)) {
      for (const entry of entries) {
        report({
          file: fileOf(entry, entry.id),
          message: `Unexpected turn outside a talk: expected a talk.yaml in the folder "${slug}", found none`,
        });
      }
    }
  }

  for (const entry of input.speakers) {
    // A stub written by the importer's --create-speakers publishes only once filled in.
    for (const field of findPlaceholders(entry.data)) {
      report({
        file: fileOf(entry, entry.id),
        field,
        message: `expected the editor's text, found the importer's placeholder ${PLACEHOLDER}`,
      });
    }
    for (const field of ['role', 'affiliation'] as const) {
      const source = entry.data[field].source;
      if (source?.startsWith('talk:') && !talkSlugs.has(source.slice('talk:'.length))) {
        report({
          file: fileOf(entry, entry.id),
          field: `${field}.source`,
          message: `expected "talk:<slug>" of an existing talk (${[...talkSlugs].sort().join(', ')}), found ${show(source)}`,
        });
      }
    }
  }

  const talks: TalkView[] = [];
  for (const talkEntry of input.talks) {
    const slug = talkSlugOfTalk(talkEntry.id);
    const talkFile = fileOf(talkEntry, `content/talks/${slug}/talk.yaml`);
    const talk = talkEntry.data;
    const slugProblem = idProblem(slug);
    if (slugProblem) {
      report({
        file: talkFile,
        field: 'folder name',
        message: `Unexpected talk folder name (it becomes the URL): ${slugProblem}`,
      });
    } else if (RESERVED_SLUGS.has(slug)) {
      report({
        file: talkFile,
        message: `Unexpected talk folder name ${show(slug)}: expected a name other than ${[...RESERVED_SLUGS].join(', ')} (the site serves other pages there)`,
      });
    }

    for (const field of findPlaceholders(talk)) {
      report({
        file: talkFile,
        field,
        message: `expected the editor's text, found the importer's placeholder ${PLACEHOLDER}`,
      });
    }

    // Participants.
    const participants: ParticipantView[] = [];
    const seenParticipants = new Set<string>();
    talk.participants.forEach((participant, index) => {
      const field = `participants[${index}].speaker`;
      const speaker = speakers.get(participant.speaker);
      if (!speaker) {
        report({
          file: talkFile,
          field,
          message: `expected a speaker id from content/speakers (${speakerList}), found ${show(participant.speaker)}`,
        });
        return;
      }
      if (seenParticipants.has(participant.speaker)) {
        report({
          file: talkFile,
          field,
          message: `expected each participant once, found ${show(participant.speaker)} again`,
        });
        return;
      }
      seenParticipants.add(participant.speaker);
      participants.push({
        ...speaker,
        role: participant.role ?? speaker.role,
        affiliation: participant.affiliation ?? speaker.affiliation,
        part: participant.part,
        turnCount: 0,
      });
    });
    if (talk.participants.length > MAX_PARTICIPANTS) {
      report({
        file: talkFile,
        field: 'participants',
        message: `expected at most ${MAX_PARTICIPANTS} participants (the speaker filter's CSS has ${MAX_PARTICIPANTS} slots), found ${talk.participants.length}`,
      });
    }
    const participantById = new Map(participants.map((p) => [p.id, p]));
    // A label of this talk (talk.yaml `labels:`) names someone on its stage.
    for (const [label, id] of Object.entries(talk.labels ?? {})) {
      // A participant missing from content/speakers is reported once, above.
      if (participantById.has(id) || talk.participants.some((p) => p.speaker === id)) continue;
      report({
        file: talkFile,
        field: `labels.${label}`,
        message: speakers.has(id)
          ? `expected a participant of talk ${show(slug)} (${participants.map((p) => p.id).join(', ')}), found ${show(id)}, who is not in its participants`
          : `expected a speaker id from content/speakers (${speakerList}), found ${show(id)}`,
      });
    }

    // Turns.
    const entries = [...(turnsByTalk.get(slug) ?? [])].sort((a, b) => a.data.position - b.data.position);
    if (entries.length === 0) {
      report({
        file: talkFile,
        field: 'turns',
        message: `expected at least one turn file in content/talks/${slug}/turns/, found none`,
      });
    }
    const anchorOwner = new Map<string, string>();
    const claimAnchor = (anchor: string, owner: string, file: string, field: string) => {
      const previous = anchorOwner.get(anchor);
      if (previous !== undefined) {
        report({
          file,
          field,
          message: `expected an anchor unique in the talk, found ${show(anchor)}, already used by ${previous}`,
        });
        return false;
      }
      anchorOwner.set(anchor, owner);
      return true;
    };
    const positionOwner = new Map<number, string>();
    const measure = measureFor(talk.language);
    const turns: TurnView[] = [];
    for (const entry of entries) {
      const file = fileOf(entry, entry.id);
      const turn = entry.data;
      const body = entry.body ?? '';
      const problemsBefore = problems.length;
      claimAnchor(turn.anchor, file, file, 'anchor');
      const samePosition = positionOwner.get(turn.position);
      if (samePosition !== undefined) {
        report({
          file,
          field: 'position',
          message: `expected a position unique in the talk, found ${turn.position}, already used by ${samePosition}`,
        });
      } else {
        positionOwner.set(turn.position, file);
      }
      const speaker = participantById.get(turn.speaker);
      if (!speaker) {
        const known = speakers.has(turn.speaker);
        report({
          file,
          field: 'speaker',
          message: known
            ? `expected a participant of talk ${show(slug)} (${participants.map((p) => p.id).join(', ')}), found ${show(turn.speaker)}, who is not in its participants`
            : `expected a speaker id from content/speakers (${speakerList}), found ${show(turn.speaker)}`,
        });
      }
      const spoken = stripNotes(body);
      const paragraphs = paragraphsOf(spoken);
      if (paragraphs.length === 0) {
        report({ file, field: 'body', message: "expected the speaker's words, found an empty turn" });
      }
      const timesProblem = paragraphStartsProblem(turn.paragraphStarts, paragraphs.length);
      if (timesProblem) report({ file, field: 'paragraphStarts', message: timesProblem });
      // One parse per turn: every check below reads this tree.
      const tree = parseMarkdown(body);
      const markdown = inspectMarkdown(tree);
      let start: number | undefined;
      const lineOf = (bodyLine: number) => {
        start ??= typeof entry.bodyLine === 'function' ? entry.bodyLine() : (entry.bodyLine ?? 1);
        return start + bodyLine - 1;
      };
      for (const html of markdown.html) {
        report({
          file,
          line: lineOf(html.line),
          field: 'body',
          message: `Unexpected raw HTML ${show(clip(html.value))}: expected plain Markdown text (raw HTML is not published)`,
        });
      }
      for (const link of markdown.unsafeLinks) {
        report({
          file,
          line: lineOf(link.line),
          field: 'body',
          message: `Unexpected link to ${show(clip(link.url))}: expected ${LINK_RULE}, found ${link.problem}`,
        });
      }
      for (const image of markdown.images) {
        const message = imageProblem(image, {
          slug,
          images: talk.images === true,
          fileExists: input.fileExists ?? (() => false),
        });
        if (message) report({ file, line: lineOf(image.line), field: 'body', message });
      }
      for (const wrap of markdown.softBreaks) {
        report({
          file,
          line: lineOf(wrap),
          field: 'body',
          message:
            'Unexpected line break inside a paragraph: expected one paragraph per line, separated by blank lines',
        });
      }
      const notes = inspectNotes(tree, undefined, body);
      for (const problem of notes.problems) {
        report({ file, line: lineOf(problem.line), field: 'body', message: problem.message });
      }
      const quotes: QuoteView[] = [];
      turn.quotes.forEach((quote, index) => {
        const field = `quotes[${index}]`;
        const count = countOccurrences(body, quote.span);
        if (count !== 1) {
          report({
            file,
            field: `${field}.span`,
            message: `expected text that occurs exactly once in the turn, found ${count} occurrences of ${show(quote.span)}`,
          });
        } else if (!markdown.texts.some((text) => text.includes(quote.span))) {
          report({
            file,
            field: `${field}.span`,
            message: `expected text inside one run of plain text, found ${show(quote.span)} crossing formatting, a link or a paragraph break`,
          });
        }
        const anchor = `quote-${quote.id}`;
        claimAnchor(anchor, `${file} ${field}`, file, `${field}.id`);
        if (speaker) quotes.push({ ...quote, anchor, turnAnchor: turn.anchor, speaker });
      });
      // Rendering fails on problems already reported above; report it only when it stands alone.
      if (entry.renderFailed && problems.length === problemsBefore) {
        report({
          file,
          field: 'body',
          message: 'expected Markdown that renders, found a render error (see the [glob-loader] error above)',
        });
      }
      if (!speaker) continue;
      speaker.turnCount += 1;
      turns.push({
        entryId: entry.id,
        filePath: file,
        anchor: turn.anchor,
        position: turn.position,
        speaker,
        sourceLabel: turn.sourceLabel,
        labelReading: readLabel(turn.sourceLabel, speaker, talk.labels),
        quotes,
        paragraphs: paragraphs.length,
        characters: countCharacters(spoken),
        length: measureText(spoken, talk.language),
        excerpt: excerptOf(markdown.spokenTexts),
        notes: notes.notes,
      });
    }

    // Outline.
    // Indexed over every turn file, so a turn with another problem is not also "missing" here.
    const turnIndex = new Map(entries.map((entry, index) => [entry.data.anchor, index]));
    const starts: number[] = [];
    // With no turns at all, every section would also be "missing": one message is enough.
    const outline = entries.length === 0 ? [] : talk.outline;
    outline.forEach((section, index) => {
      claimAnchor(section.id, `${talkFile} outline[${index}]`, talkFile, `outline[${index}].id`);
      const at = turnIndex.get(section.start);
      if (at === undefined) {
        report({
          file: talkFile,
          field: `outline[${index}].start`,
          message: `expected the anchor of a turn in this talk, found ${show(section.start)}`,
        });
        return;
      }
      const previous = starts.at(-1);
      if (previous !== undefined && at <= previous) {
        report({
          file: talkFile,
          field: `outline[${index}].start`,
          message: `expected a turn after the previous section's start, found ${show(section.start)} (turn ${at + 1})`,
        });
        return;
      }
      starts.push(at);
    });

    if (problems.length > 0) continue;
    const sections: SectionView[] = talk.outline.map((section, index) => ({
      ...section,
      turns: turns.slice(starts[index], starts[index + 1] ?? turns.length),
    }));
    talks.push({
      slug,
      filePath: talkFile,
      data: talk,
      measure,
      participants,
      preamble: turns.slice(0, starts[0] ?? turns.length),
      sections,
      turns,
      quotes: turns.flatMap((turn) => turn.quotes),
    });
  }

  if (problems.length > 0) throw new ContentError(problems);
  talks.sort((a, b) => b.data.date.text.localeCompare(a.data.date.text) || a.slug.localeCompare(b.slug));
  return { talks, speakers };
}

/** Every speaker in the order they appear on stage (newest talk first), then the rest by id. */
/** Every turn of every talk: the size of the search index (one record a turn). */
export const turnCount = (catalog: Catalog): number => catalog.talks.reduce((sum, talk) => sum + talk.turns.length, 0);

export function speakersInStageOrder(catalog: Catalog): SpeakerView[] {
  const onStage = catalog.talks.flatMap((talk) => talk.participants.map((person) => person.id));
  return [...new Set([...onStage, ...catalog.speakers.keys()])].map((id) => catalog.speakers.get(id)!);
}
