/**
 * src/lib/search/: the search, from build to browser. At build time records.ts cuts one record per
 * turn out of each reader page, pagefind-patch.ts and pagefind-files.ts shape Pagefind's
 * index, and site-json.ts describes the site for the search page (/search/site.json); in the
 * browser tokens.ts and this file read a query and mark what it found, and names-filter.ts
 * tells the every-page script whether a speaker filter is in the URL. Words are tokenised the
 * same way on both sides (tokens.ts).
 *
 * Pure search logic shared by the search UI and its tests: reading a query, recognising a
 * speaker's name, checking that a turn really contains every word, and cutting an excerpt with
 * the matched words marked. A turn is checked as it is indexed, by its language: a turn in
 * English (words.ts) must hold each query word as a word with the same stem, any other turn must
 * contain it as a substring (case-insensitive, NFKC).
 */
import { normalizeForSearch, queryTokens } from './tokens';
import { indexedByWord, placedWordTokens, wordQueryTokens } from './words';

/** Longest query we read; the rest is ignored (a 10,000-character paste stays harmless). */
export const MAX_QUERY_LENGTH = 200;
/** At most this many space-separated words take part. */
export const MAX_WORDS = 8;

export interface ParsedQuery {
  /**
   * Normalised words (NFKC, lower case), each to be found in a turn; all must occur. A quoted
   * query of several Latin words ("reinforcement learning") is one word: a phrase.
   */
  words: string[];
  /** True when the whole query was in double quotes: search the text, never a speaker. */
  quoted: boolean;
  /** The query as shown back to the reader: trimmed, cut to the maximum length, unquoted. */
  display: string;
}

const QUOTES = /^["“”「」『』]+|["“”「」『』]+$/g;
/**
 * A word of a script written with spaces (letters, digits, the punctuation inside words). Only
 * such words make a quoted query a phrase: a space in a Chinese query separates words the reader
 * wants, and Chinese queries keep the meaning they have always had (all words, anywhere).
 */
const LATIN_WORD = /^[\p{Script=Latin}\p{N}\p{P}]+$/u;

export function parseQuery(input: string): ParsedQuery {
  const typed = input.slice(0, MAX_QUERY_LENGTH).trim();
  const quoted = /^["“「『].*["”」』]$/su.test(typed);
  const display = typed.replace(QUOTES, '').trim();
  const typedWords = normalizeForSearch(display)
    .split(/\s+/u)
    .map((raw) => raw.replace(QUOTES, ''))
    .filter((word) => word && queryTokens(word).length > 0);
  if (quoted && typedWords.length > 1 && typedWords.every((word) => LATIN_WORD.test(word))) {
    return { words: [typedWords.slice(0, MAX_WORDS).join(' ')], quoted, display };
  }
  const words = [...new Set(typedWords)].slice(0, MAX_WORDS);
  return { words, quoted, display };
}

export interface SpeakerName {
  id: string;
  name: string;
  latinName: string;
  aliases: string[];
}

/**
 * The speaker a query names: the whole query equals a name, an alias or the Latin name (case and
 * spacing ignored). A quoted query never names a speaker: it searches the text.
 */
export function speakerNamed(query: ParsedQuery, speakers: readonly SpeakerName[]): SpeakerName | undefined {
  if (query.quoted || query.words.length === 0) return undefined;
  const asked = query.words.join('');
  return speakers.find((speaker) =>
    [speaker.name, speaker.latinName, ...speaker.aliases].some(
      (name) => normalizeForSearch(name).replace(/\s+/gu, '') === asked,
    ),
  );
}

/** True when the text contains every word (case-insensitive, NFKC). */
export function containsAll(text: string, words: readonly string[]): boolean {
  const haystack = normalizeForSearch(text);
  return words.every((word) => haystack.includes(word));
}

/**
 * Where a word or phrase occurs in `normal` (normalised text in `language`), as [start, end)
 * spans: its substrings, or for a word language its run of tokens (words.ts), the last one
 * matched as a prefix when the query's last character stands alone.
 */
function spansOf(normal: string, word: string, language: string | undefined): [number, number][] {
  const spans: [number, number][] = [];
  if (!indexedByWord(language)) {
    for (let at = normal.indexOf(word); at !== -1; at = normal.indexOf(word, at + 1))
      spans.push([at, at + word.length]);
    return spans;
  }
  const { tokens, prefix } = wordQueryTokens(word);
  const text = placedWordTokens(normal);
  for (let i = 0; tokens.length > 0 && i + tokens.length <= text.length; i += 1) {
    const found = tokens.every((token, j) =>
      prefix ? text[i + j]!.token.startsWith(token) : text[i + j]!.token === token,
    );
    if (found) spans.push([text[i]!.start, text[i + tokens.length - 1]!.end]);
  }
  return spans;
}

/** True when the text, a turn in `language`, holds every word as that language is searched. */
export function matchesAll(text: string, words: readonly string[], language: string | undefined): boolean {
  if (!indexedByWord(language)) return containsAll(text, words);
  const normal = normalizeForSearch(text);
  return words.every((word) => spansOf(normal, word, language).length > 0);
}

/**
 * Spans of `text` to mark for the words, merged where they touch, in order. Matching is on the
 * normalised text, which keeps positions for the text this site indexes (NFKC changes no length
 * in CJK or ASCII text); where it would not, nothing is marked.
 */
export function matchSpans(text: string, words: readonly string[], language?: string): [number, number][] {
  const normal = normalizeForSearch(text);
  if (normal.length !== text.length) return [];
  const hits = words.flatMap((word) => spansOf(normal, word, language));
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const hit of hits) {
    const last = merged.at(-1);
    if (last && hit[0] <= last[1]) last[1] = Math.max(last[1], hit[1]);
    else merged.push([...hit]);
  }
  return merged;
}

const LATIN = /[A-Za-z0-9]/;

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * An excerpt of about `length` characters around the first matched word, with every occurrence
 * of every word marked (matchSpans: in a turn in English, every form of the word).
 */
export function excerpt(fullText: string, words: readonly string[], length = 80, language?: string): ExcerptPart[] {
  // Paragraphs run on in an excerpt; each ends with its own punctuation (a space between English ones).
  const text = fullText.replace(/\s*\n\s*/gu, indexedByWord(language) ? ' ' : '');
  const merged = matchSpans(text, words, language);
  const first = merged[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  const end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  // Never start inside a Latin word ("…usion Model"): step back to its beginning.
  for (let steps = 0; start > 0 && steps < 24 && LATIN.test(text[start - 1]!) && LATIN.test(text[start]!); steps += 1)
    start -= 1;
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '…', marked: false });
  let at = start;
  for (const [from, to] of merged) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a > at) parts.push({ text: text.slice(at, a), marked: false });
    parts.push({ text: text.slice(a, b), marked: true });
    at = b;
  }
  if (at < end) parts.push({ text: text.slice(at, end), marked: false });
  if (end < text.length) parts.push({ text: '…', marked: false });
  return parts;
}

/**
 * Loads `loaders[from…]`, a batch at a time in parallel, until `count` items have loaded (a loader
 * may yield undefined: a result that failed its check) or the loaders run out. Returns the items
 * and the index to continue from: how "more" pages through results, fetching only what is shown.
 */
export async function loadPage<T>(
  loaders: readonly { load(): Promise<T | undefined> }[],
  from: number,
  count: number,
): Promise<{ items: T[]; next: number }> {
  const items: T[] = [];
  let next = from;
  while (items.length < count && next < loaders.length) {
    const batch = loaders.slice(next, next + count - items.length);
    next += batch.length;
    for (const item of await Promise.all(batch.map((loader) => loader.load())))
      if (item !== undefined) items.push(item);
  }
  return { items, next };
}
