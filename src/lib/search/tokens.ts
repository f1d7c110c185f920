/**
 * Search tokens: overlapping character bigrams, each spelled as an ASCII word.
 *
 * Pagefind segments Chinese with a dictionary at index time and the browser's segmenter at
 * query time; words it does not know (多模态, 算力) fall apart into single characters that match
 * turns which never say them. Indexing every pair of neighbouring characters instead makes any
 * substring of two or more characters a run of consecutive tokens, so an exact-phrase search
 * for the query's tokens finds exactly the turns that contain it. Spelling each bigram as an
 * ASCII word ("q" + the two characters' codes, see `code`) keeps the tokens whole under any
 * language's segmenter and stemmer, so the index can carry the pages' own language tag (zh-cn).
 *
 * A run is a maximal stretch of letters and digits (Han, Latin, …) after NFKC and lower-casing.
 * Each run gives its bigrams, then an end token for its last character; a one-character query
 * searches by prefix ("q" + that character's code), which matches every bigram that starts with
 * it and its end token. Punctuation and spaces only separate runs.
 */

const BASE = 36;
const HAN_FIRST = 0x4e00; // CJK Unified Ideographs, U+4E00–U+9FFF: 20,992 characters
const HAN_LAST = 0x9fff;
const ASCII_WORD = /^[a-z0-9]$/;
/** Never a character's code: 'gzz' is 22,031 in the Han range, which ends at 20,991. */
const END = 'gzz';
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Lower-case, compatibility-normalised text: what both the index and queries see. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * A character's code, in base 36 and prefix-free (no code begins another, so a prefix search for
 * one character finds only its own bigrams). Short for what the text is made of, because every
 * token is stored in the index and again in each turn's record:
 * - a Han character (U+4E00–U+9FFF): three digits, the first 0–g (its offset in the block);
 * - a Latin letter or digit (already lower-cased): 'h' and itself;
 * - any other code point: 'i' and four digits (36^4 = 1,679,616 > U+10FFFF).
 */
function code(char: string): string {
  const point = char.codePointAt(0)!;
  if (point >= HAN_FIRST && point <= HAN_LAST) return (point - HAN_FIRST).toString(BASE).padStart(3, '0');
  if (ASCII_WORD.test(char)) return `h${char}`;
  return `i${point.toString(BASE).padStart(4, '0')}`;
}

/** The maximal runs of letters and digits in already-normalised text. */
export function runsOf(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const char of text) {
    if (WORD_CHAR.test(char)) {
      run.push(char);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export function bigramToken(first: string, second: string): string {
  return `q${code(first)}${code(second)}`;
}

export function endToken(char: string): string {
  return `q${code(char)}${END}`;
}

/** Matches, as a prefix, every token that starts with `char`. */
export function prefixToken(char: string): string {
  return `q${code(char)}`;
}

function runTokens(run: string[], withEnd: boolean): string[] {
  const tokens: string[] = [];
  for (let i = 0; i + 1 < run.length; i += 1) tokens.push(bigramToken(run[i]!, run[i + 1]!));
  if (withEnd) tokens.push(endToken(run.at(-1)!));
  return tokens;
}

/** The token stream indexed for a text. */
export function indexTokens(text: string): string[] {
  return runsOf(normalizeForSearch(text)).flatMap((run) => runTokens(run, true));
}

/**
 * The tokens of one query word, to be searched as an exact phrase. The last run gets no end
 * token, since the text may go on where the query stops ("model" in "models"). A word that is a
 * single character becomes one prefix token. Returns [] for a word without letters or digits.
 */
export function queryTokens(word: string): string[] {
  const runs = runsOf(normalizeForSearch(word));
  if (runs.length === 0) return [];
  const last = runs.at(-1)!;
  const tokens = runs.slice(0, -1).flatMap((run) => runTokens(run, true));
  if (last.length === 1) {
    // One trailing character has no bigram of its own. Alone, it searches by prefix; after other
    // runs it is left out of the phrase (the caller checks the text for the whole word).
    if (runs.length === 1) tokens.push(prefixToken(last[0]!));
  } else {
    tokens.push(...runTokens(last, false));
  }
  return tokens;
}
