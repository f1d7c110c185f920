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
 * the matched words marked.
 */
import { normalizeForSearch, queryTokens } from './tokens';

/** Longest query we read; the rest is ignored (a 10,000-character paste stays harmless). */
export const MAX_QUERY_LENGTH = 200;
/** At most this many space-separated words take part. */
export const MAX_WORDS = 8;

export interface ParsedQuery {
  /** Normalised words (NFKC, lower case), each to be found in a turn; all must occur. */
  words: string[];
  /** True when the whole query was in double quotes: search the text, never a speaker. */
  quoted: boolean;
  /** The query as shown back to the reader: trimmed, cut to the maximum length, unquoted. */
  display: string;
}

const QUOTES = /^["“”「」『』]+|["“”「」『』]+$/g;

export function parseQuery(input: string): ParsedQuery {
  const typed = input.slice(0, MAX_QUERY_LENGTH).trim();
  const quoted = /^["“「『].*["”」』]$/su.test(typed);
  const display = typed.replace(QUOTES, '').trim();
  const words: string[] = [];
  for (const raw of normalizeForSearch(display).split(/\s+/u)) {
    const word = raw.replace(QUOTES, '');
    if (word && queryTokens(word).length > 0 && !words.includes(word)) words.push(word);
    if (words.length === MAX_WORDS) break;
  }
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

const LATIN = /[A-Za-z0-9]/;

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * An excerpt of about `length` characters around the first matched word, with every occurrence
 * of every word marked. Works on the original text; matching is on its normalised form, which
 * keeps positions for the text this site indexes (NFKC changes no length in CJK or ASCII text;
 * where it would, the excerpt falls back to no marks).
 */
export function excerpt(fullText: string, words: readonly string[], length = 80): ExcerptPart[] {
  // Paragraphs run on in an excerpt; each ends with its own punctuation.
  const text = fullText.replace(/\s*\n\s*/gu, '');
  const normal = normalizeForSearch(text);
  const aligned = normal.length === text.length;
  const hits: [number, number][] = [];
  if (aligned) {
    for (const word of words) {
      for (let at = normal.indexOf(word); at !== -1; at = normal.indexOf(word, at + 1))
        hits.push([at, at + word.length]);
    }
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const hit of hits) {
    const last = merged.at(-1);
    if (last && hit[0] <= last[1]) last[1] = Math.max(last[1], hit[1]);
    else merged.push([...hit]);
  }
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
