/**
 * Who spoke how much, and how long a talk takes to read: pure numbers from the catalog's turns.
 * A turn's `length` is counted in its talk's unit (`measureFor` its language): characters for
 * Chinese and Japanese, which are written without spaces between words, words for the rest.
 */

/** How a language's text is measured and how fast it is read (see docs/languages.md). */
export interface TextMeasure {
  /** How each interface language names it is in the dictionaries (src/lib/i18n, `site.unit`). */
  unit: 'characters' | 'words';
  /** Assumed silent reading speed, in units a minute. */
  perMinute: number;
}

/**
 * Silent reading speed assumed for Chinese text, in characters per minute. Measured reading
 * *aloud* is about 255 ± 29 characters a minute (IReST, Trauzettel-Klosinski & Dietz 2012,
 * https://iovs.arvojournals.org/article.aspx?articleid=2166061); silent reading is faster, and
 * 300–700 is the range commonly given for native readers. 400 is a deliberately modest middle.
 * Japanese is counted the same way, at the same speed (not verified for Japanese).
 */
export const READING_SPEED_CPM = 400;

/**
 * Silent reading speed assumed for words, per minute: adults reading English non-fiction
 * silently, 238 words a minute (Brysbaert 2019, a meta-analysis of 190 studies, "How many words
 * do we read per minute?", Journal of Memory and Language 109, https://doi.org/10.1016/j.jml.2019.104047).
 * Used for every language counted in words; for languages other than English it is not verified
 * (the paper finds rates differ with how many words a language needs to say the same).
 */
export const READING_SPEED_WPM = 238;

/** Languages written without spaces between words (primary subtags): measured in characters. */
const CHARACTER_LANGUAGES = new Set(['zh', 'ja', 'yue', 'cmn', 'wuu', 'hak', 'nan']);

/** How text in `language` (a BCP 47 tag, e.g. zh-CN, en) is measured. */
export function measureFor(language: string): TextMeasure {
  const primary = language.split('-')[0]!.toLowerCase();
  return CHARACTER_LANGUAGES.has(primary)
    ? { unit: 'characters', perMinute: READING_SPEED_CPM }
    : { unit: 'words', perMinute: READING_SPEED_WPM };
}

/** Characters a reader reads: everything but whitespace. */
export function countCharacters(text: string): number {
  return text.replace(/\s+/gu, '').length;
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Words of `text` as `language` splits them (Intl.Segmenter: "don't" is one word, "GPT-4" two,
 * punctuation and Markdown marks none; Chinese inside it is split by ICU's dictionary).
 */
export function countWords(text: string, language: string): number {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words += 1;
  return words;
}

/** The length of `text` in `language`'s unit. */
export function measureText(text: string, language: string): number {
  return measureFor(language).unit === 'characters' ? countCharacters(text) : countWords(text, language);
}

/** The parts of a turn the statistics read. */
export interface StatTurn {
  anchor: string;
  position: number;
  /** In the talk's unit (characters or words, see measureFor). */
  length: number;
  speaker: { id: string };
}

export interface SpeakerShare<S extends { id: string }> {
  speaker: S;
  turns: number;
  length: number;
  /** Share of all turns, 0–1. */
  turnShare: number;
  /** Share of the talk's length, 0–1. */
  lengthShare: number;
}

/**
 * Per speaker, in the order given (the talk's participants): turns, length and their shares of
 * the talk. A speaker with no turns gets zeros; an empty talk gives zero shares.
 */
export function speakerShares<S extends { id: string }>(
  speakers: readonly S[],
  turns: readonly StatTurn[],
): SpeakerShare<S>[] {
  const totalTurns = turns.length;
  const total = totalLength(turns);
  return speakers.map((speaker) => {
    const own = turns.filter((turn) => turn.speaker.id === speaker.id);
    const length = totalLength(own);
    return {
      speaker,
      turns: own.length,
      length,
      turnShare: totalTurns === 0 ? 0 : own.length / totalTurns,
      lengthShare: total === 0 ? 0 : length / total,
    };
  });
}

export interface TimelineSegment<T extends StatTurn> {
  turn: T;
  /** Where the turn starts, as a share of the talk's length (0–1). */
  start: number;
  /** The turn's share of the talk's length (0–1). */
  width: number;
}

/** The talk as consecutive segments, each as long as its turn's share of the talk. */
export function timeline<T extends StatTurn>(turns: readonly T[]): TimelineSegment<T>[] {
  const total = totalLength(turns);
  let before = 0;
  return turns.map((turn) => {
    const segment = { turn, start: total === 0 ? 0 : before / total, width: total === 0 ? 0 : turn.length / total };
    before += turn.length;
    return segment;
  });
}

/** Whole minutes to read `length` units at `speed` a minute, rounded to nearest, at least 1 for any text. */
export function readingMinutes(length: number, speed = READING_SPEED_CPM): number {
  if (length <= 0) return 0;
  return Math.max(1, Math.round(length / speed));
}

/** The length of some turns, in their talk's unit. */
export function totalLength(turns: readonly { length: number }[]): number {
  return turns.reduce((sum, turn) => sum + turn.length, 0);
}

/** "23%": a share as a whole percentage. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
