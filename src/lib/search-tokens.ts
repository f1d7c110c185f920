/**
 * Search tokens: overlapping character bigrams, each spelled as an ASCII word.
 *
 * Pagefind segments Chinese with a dictionary at index time and the browser's segmenter at
 * query time; words it does not know (多模态, 算力) fall apart into single characters that match
 * turns which never say them. Indexing every pair of neighbouring characters instead makes any
 * substring of two or more characters a run of consecutive tokens, so an exact-phrase search
 * for the query's tokens finds exactly the turns that contain it. Spelling each bigram as an
 * ASCII word ("q" + two base-36 code points) keeps the tokens whole under any language's
 * segmenter and stemmer, so the index can carry the pages' own language tag (zh-cn).
 *
 * A run is a maximal stretch of letters and digits (Han, Latin, …) after NFKC and lower-casing.
 * Each run gives its bigrams, then an end token for its last character; a one-character query
 * searches by prefix ("q" + that character), which matches every bigram that starts with it and
 * its end token. Punctuation and spaces only separate runs.
 */

const WIDTH = 4; // base 36: 36^4 = 1,679,616 > the largest code point (0x10FFFF)
const END = 'z'.repeat(WIDTH); // 'zzzz' = 1,679,615: never a code point
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Lower-case, compatibility-normalised text: what both the index and queries see. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function code(char: string): string {
  return char.codePointAt(0)!.toString(36).padStart(WIDTH, '0');
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
