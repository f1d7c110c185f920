/**
 * src/lib/translation/: translations of a talk and their review (npm run translation:review):
 * load-translation.ts and read-turn.ts read them, this file compares them with the original,
 * term-match.ts finds glossary terms, problems.ts words what is wrong.
 *
 * Checks a translation against its original, turn by turn and paragraph by paragraph, so a
 * reader of either language reads the same talk: every turn translated and credited to the
 * same speaker, paragraph i rendering paragraph i, the same key quotes and notes (a translator's
 * note alone may exist in one language), the glossary's terms used where the original uses
 * them, and facts kept to their original sources. Pure: it compares what read-turn.ts read.
 */
import type { Fact } from '../../schemas/common';
import type { GlossaryTerm } from '../../schemas/translation';
import { problem, quoted, type TranslationProblem } from './problems';
import type { TurnText } from './read-turn';
import { containsAnyTerm } from './term-match';
import { countOccurrences, plural } from '../text/messages';

/** The kind of note that only a translation has. */
export const TRANSLATOR_NOTE_KIND = 'translator';

/** What the checks read of an original turn (its spans are not compared, only its quote ids). */
export type OriginalTurn = Omit<TurnText, 'body' | 'quotes'> & { quotes: { id: string }[] };

export interface FactPair {
  file: string;
  /** e.g. `venue`, `role`, `participants[0].role`. */
  field: string;
  original: Fact | undefined;
  translation: Fact | undefined;
}

export interface OutlineSection {
  id: string;
  question?: string | undefined;
}

export interface TranslationCheckInput {
  /** Folder of the translated turns as messages name it, e.g. `content/talks/x/translations/en/turns`. */
  turnsDir: string;
  original: OriginalTurn[];
  translation: TurnText[];
  /** The translation's glossary, when it has one. */
  glossary?: { file: string; terms: GlossaryTerm[] } | undefined;
  /** The original's sections and the translated ones (the translated talk.yaml is `file`). */
  outline?: { file: string; original: OutlineSection[]; translation: OutlineSection[] } | undefined;
  /** Facts of the original beside their translations. */
  facts?: FactPair[] | undefined;
}

const baseName = (file: string) => file.split('/').at(-1) ?? file;
const list = (values: readonly string[]) => values.map((value) => JSON.stringify(value)).join(', ');

/** Every problem of a translation, in the order of the original's turns. */
export function checkTranslation(input: TranslationCheckInput): TranslationProblem[] {
  const byAnchor = new Map(input.translation.map((turn) => [turn.anchor, turn]));
  const known = new Set(input.original.map((turn) => turn.anchor));
  const problems: TranslationProblem[] = [];
  for (const original of input.original) {
    const translated = byAnchor.get(original.anchor);
    if (!translated) {
      problems.push(
        problem(
          `${input.turnsDir}/${baseName(original.file)}`,
          'file',
          `a translation of ${original.file} (anchor ${JSON.stringify(original.anchor)})`,
          'no translated turn with that anchor',
        ),
      );
      continue;
    }
    problems.push(...checkTurn(original, translated), ...checkGlossary(original, translated, input.glossary));
  }
  for (const translated of input.translation) {
    if (!known.has(translated.anchor)) {
      problems.push(
        problem(
          translated.file,
          'anchor',
          `an anchor of the original talk (${list([...known])})`,
          JSON.stringify(translated.anchor),
        ),
      );
    }
  }
  if (input.glossary) problems.push(...checkGlossaryTerms(input.glossary));
  if (input.outline) problems.push(...checkOutline(input.outline));
  for (const pair of input.facts ?? []) problems.push(...checkFact(pair));
  return problems;
}

/** The turn's identity, its paragraphs, quotes and notes against the original's. */
export function checkTurn(original: OriginalTurn, translated: TurnText): TranslationProblem[] {
  return [
    ...checkIdentity(original, translated),
    ...checkParagraphCount(original, translated),
    ...checkQuotes(original, translated),
    ...checkNotes(original, translated),
  ];
}

function checkIdentity(original: OriginalTurn, translated: TurnText): TranslationProblem[] {
  const file = translated.file;
  const problems: TranslationProblem[] = [];
  if (baseName(file) !== baseName(original.file)) {
    problems.push(
      problem(
        file,
        'file',
        `the original's file name ${JSON.stringify(baseName(original.file))}`,
        JSON.stringify(baseName(file)),
      ),
    );
  }
  if (translated.speaker !== original.speaker) {
    problems.push(
      problem(
        file,
        'speaker',
        `${JSON.stringify(original.speaker)}, the speaker of ${original.file}`,
        JSON.stringify(translated.speaker),
      ),
    );
  }
  if (translated.position !== original.position) {
    problems.push(
      problem(file, 'position', `${original.position}, the position of ${original.file}`, String(translated.position)),
    );
  }
  if (translated.sourceLabel !== undefined && original.sourceLabel === undefined) {
    problems.push(
      problem(
        file,
        'sourceLabel',
        `no sourceLabel (${original.file} has none)`,
        JSON.stringify(translated.sourceLabel),
      ),
    );
  }
  return problems;
}

function checkParagraphCount(original: OriginalTurn, translated: TurnText): TranslationProblem[] {
  const want = original.paragraphs.length;
  const have = translated.paragraphs.length;
  if (want === have) return [];
  return [
    problem(
      translated.file,
      'body',
      `${plural(want, 'paragraph')}, one for each paragraph of ${original.file}`,
      plural(have, 'paragraph'),
    ),
  ];
}

function checkQuotes(original: OriginalTurn, translated: TurnText): TranslationProblem[] {
  const file = translated.file;
  const originalIds = original.quotes.map((quote) => quote.id);
  const problems: TranslationProblem[] = [];
  translated.quotes.forEach((quote, index) => {
    if (!originalIds.includes(quote.id)) {
      const expected =
        originalIds.length === 0
          ? `no quotes (${original.file} has none)`
          : `a quote id of ${original.file} (${list(originalIds)})`;
      problems.push(problem(file, `quotes[${index}].id`, expected, JSON.stringify(quote.id)));
    }
    const count = countOccurrences(translated.body, quote.span);
    if (count !== 1) {
      problems.push(
        problem(
          file,
          `quotes[${index}].span`,
          'text that occurs exactly once in the turn',
          `${plural(count, 'occurrence')} of ${quoted(quote.span)}`,
        ),
      );
    }
  });
  const translatedIds = new Set(translated.quotes.map((quote) => quote.id));
  for (const id of originalIds.filter((id) => !translatedIds.has(id))) {
    problems.push(
      problem(
        file,
        'quotes',
        `the quote ${JSON.stringify(id)} of ${original.file}, translated`,
        'no quote with that id',
      ),
    );
  }
  return problems;
}

/** Where each note is referenced: the paragraph index, by label. */
function notePlaces(turn: { references: string[][] }): Map<string, number> {
  const places = new Map<string, number>();
  turn.references.forEach((labels, index) => labels.forEach((label) => places.set(label, index)));
  return places;
}

function checkNotes(original: OriginalTurn, translated: TurnText): TranslationProblem[] {
  const file = translated.file;
  const problems: TranslationProblem[] = [];
  const translatedNotes = new Map(translated.notes.map((note) => [note.label, note]));
  const originalPlaces = notePlaces(original);
  const translatedPlaces = notePlaces(translated);
  for (const note of original.notes) {
    const match = translatedNotes.get(note.label);
    if (!match) {
      problems.push(
        problem(
          file,
          'body',
          `the note [^${note.label}] (${note.kind}) of ${original.file}, translated`,
          'no note with that label',
        ),
      );
    } else if (match.kind !== note.kind) {
      problems.push(
        problem(
          file,
          'body',
          `note [^${note.label}] of kind ${JSON.stringify(note.kind)}, as in ${original.file}`,
          JSON.stringify(match.kind),
        ),
      );
    } else if (originalPlaces.get(note.label) !== translatedPlaces.get(note.label)) {
      const where = (index: number | undefined) => (index === undefined ? 'no paragraph' : `paragraph ${index + 1}`);
      problems.push(
        problem(
          file,
          'body',
          `[^${note.label}] in ${where(originalPlaces.get(note.label))}, as in ${original.file}`,
          `it in ${where(translatedPlaces.get(note.label))}`,
        ),
      );
    }
  }
  const originalLabels = new Set(original.notes.map((note) => note.label));
  for (const note of translated.notes) {
    if (!originalLabels.has(note.label) && note.kind !== TRANSLATOR_NOTE_KIND) {
      problems.push(
        problem(
          file,
          'body',
          `only the notes of ${original.file} and translator's notes`,
          `the ${note.kind} note [^${note.label}], which ${original.file} does not have`,
        ),
      );
    }
  }
  return problems;
}

/** Enforced terms: where the original paragraph has the term, the aligned one has its translation. */
export function checkGlossary(
  original: OriginalTurn,
  translated: TurnText,
  glossary: TranslationCheckInput['glossary'],
): TranslationProblem[] {
  // Without one paragraph for each, there is nothing aligned to compare (checkParagraphCount says so).
  if (!glossary || original.paragraphs.length !== translated.paragraphs.length) return [];
  const problems: TranslationProblem[] = [];
  for (const entry of glossary.terms.filter((term) => term.enforce)) {
    original.paragraphs.forEach((paragraph, index) => {
      const english = translated.paragraphs[index]!;
      if (
        containsAnyTerm(paragraph, [entry.term, ...entry.variants]) &&
        !containsAnyTerm(english, [entry.translation, ...entry.alternatives])
      ) {
        problems.push(
          problem(
            translated.file,
            `body paragraph ${index + 1}`,
            `${list([entry.translation, ...entry.alternatives])} for ${JSON.stringify(entry.term)} (${glossary.file})`,
            `a paragraph without it: ${quoted(english)}`,
          ),
        );
      }
    });
  }
  return problems;
}

/** A term listed twice would make its translations disagree. */
function checkGlossaryTerms(glossary: NonNullable<TranslationCheckInput['glossary']>): TranslationProblem[] {
  const seen = new Set<string>();
  return glossary.terms.flatMap((entry, index) => {
    if (!seen.has(entry.term)) {
      seen.add(entry.term);
      return [];
    }
    return [problem(glossary.file, `terms[${index}].term`, 'each term once', `${JSON.stringify(entry.term)} again`)];
  });
}

function checkOutline(outline: NonNullable<TranslationCheckInput['outline']>): TranslationProblem[] {
  const translated = new Map(outline.translation.map((section) => [section.id, section]));
  const ids = outline.original.map((section) => section.id);
  const problems: TranslationProblem[] = [];
  for (const section of outline.original) {
    const match = translated.get(section.id);
    if (!match)
      problems.push(
        problem(
          outline.file,
          'outline',
          `the section ${JSON.stringify(section.id)}, translated`,
          'no section with that id',
        ),
      );
    else if (section.question !== undefined && match.question === undefined) {
      problems.push(
        problem(outline.file, `outline.${section.id}.question`, 'the section question, translated', 'none'),
      );
    }
  }
  outline.translation.forEach((section, index) => {
    if (!ids.includes(section.id))
      problems.push(
        problem(
          outline.file,
          `outline[${index}].id`,
          `a section id of the original (${list(ids)})`,
          JSON.stringify(section.id),
        ),
      );
  });
  return problems;
}

const sourceOf = (fact: Fact) => (fact.unverified ? 'unverified' : `source ${JSON.stringify(fact.source)}`);

/** A translated fact keeps its original's source: translating confirms nothing new. */
export function checkFact({ file, field, original, translation }: FactPair): TranslationProblem[] {
  if (original && !translation) return [problem(file, field, `a translation of the original's ${field}`, 'none')];
  if (!original && translation)
    return [problem(file, field, `no ${field} (the original has none)`, quoted(translation.text))];
  if (!original || !translation) return [];
  if (original.unverified === translation.unverified && original.source === translation.source) return [];
  return [problem(file, `${field}.source`, `${sourceOf(original)}, as in the original`, sourceOf(translation))];
}
