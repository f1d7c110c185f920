/**
 * Word tokens: how the turns of a language written with spaces between words (English) are
 * indexed, so that a query finds them by word, with stemming ("hallucinations" finds
 * "hallucination", "learning" finds "learned"), and not inside other words ("art" does not find
 * "artificial", which bigrams would).
 *
 * Such a turn's Latin letters and digits are cut into words (maximal runs of a–z and 0–9 after
 * NFKC, lower-casing and removing diacritics) and each word is indexed as one token: "w" and its
 * Porter stem (wooorm's `stemmer`). Everything else in the turn (a Chinese name, a Greek letter)
 * is indexed as bigrams exactly as tokens.ts does, so a Chinese query still finds it. A query is
 * cut the same way and searched as an exact phrase of these tokens.
 *
 * The tokens live in the one index beside the bigram tokens of the other turns (records.ts says
 * why there is one index): every bigram token starts with "q" and every word token with "w", so
 * none can equal another, and as word tokens are always searched as exact phrases, never as
 * prefixes, no bigram search finds a word token or the other way round.
 *
 * Which languages: those the stemmer is for (English). A turn in any other language keeps the
 * bigrams, and a Latin word in it (GAN in a Chinese turn) matches as a substring, as it always has.
 */
import { stemmer } from 'stemmer';
import { bigramToken, endToken, indexTokens, normalizeForSearch, prefixToken } from './tokens';

const WORD_PREFIX = 'w';
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ASCII_WORD_CHAR = /^[a-z0-9]$/;
const LATIN = /\p{Script=Latin}/u;
const MARKS = /\p{M}/gu;

/** True for a language whose turns are indexed by word (its primary subtag is `en`). */
export function indexedByWord(language: string | undefined): boolean {
  return (language ?? '').toLowerCase().split('-')[0] === 'en';
}

/** A word's token: "w" and its stem. */
export function wordToken(word: string): string {
  return `${WORD_PREFIX}${stemmer(word)}`;
}

/** A piece of a run: a word (a–z, 0–9) or a stretch of other letters, with its place in the text. */
export interface Piece {
  kind: 'word' | 'other';
  /** The word, folded (for 'other': the characters, one per entry). */
  chars: string[];
  /** Offsets in the normalised text: first character, and one past the last (UTF-16 units). */
  start: number;
  end: number;
}

/** A Latin letter without its diacritics (é → e); any other character unchanged. */
function fold(char: string): string {
  return LATIN.test(char) ? char.normalize('NFD').replace(MARKS, '') : char;
}

/** The words and other stretches of letters in already-normalised text, in order. */
export function piecesOf(normal: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const char of normal) {
    const folded = fold(char);
    const kind = !WORD_CHAR.test(char) ? undefined : ASCII_WORD_CHAR.test(folded) ? 'word' : 'other';
    const last = pieces.at(-1);
    if (kind && last && last.kind === kind && last.end === at) {
      last.chars.push(kind === 'word' ? folded : char);
      last.end = at + char.length;
    } else if (kind) {
      pieces.push({ kind, chars: [kind === 'word' ? folded : char], start: at, end: at + char.length });
    }
    at += char.length;
  }
  // A folded character may be several ("ǆ" is "dž"): a word is the string they make.
  return pieces.map((piece) => (piece.kind === 'word' ? { ...piece, chars: [piece.chars.join('')] } : piece));
}

/** A piece's tokens; an 'other' piece's last one (its end token) only when `closed`. */
function pieceTokens(piece: Piece, closed: boolean): string[] {
  if (piece.kind === 'word') return [wordToken(piece.chars[0]!)];
  const { chars } = piece;
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(bigramToken(chars[i]!, chars[i + 1]!));
  if (closed) tokens.push(endToken(chars.at(-1)!));
  return tokens;
}

/** A token of a turn's text, with the span of the piece it comes from (in the normalised text). */
export interface PlacedToken {
  token: string;
  start: number;
  end: number;
}

/** Where each token of a piece is: a word's token spans the word, a bigram its two characters. */
function placed(piece: Piece): PlacedToken[] {
  const tokens = pieceTokens(piece, true);
  if (piece.kind === 'word') return [{ token: tokens[0]!, start: piece.start, end: piece.end }];
  const starts = piece.chars.map((_, i) => piece.start + piece.chars.slice(0, i).join('').length);
  const ends = piece.chars.map((char, i) => starts[i]! + char.length);
  // Bigram i covers characters i and i + 1; the end token, the last character.
  return tokens.map((token, i) =>
    i < piece.chars.length - 1
      ? { token, start: starts[i]!, end: ends[i + 1]! }
      : { token, start: starts.at(-1)!, end: piece.end },
  );
}

/** The tokens indexed for a text in a word language, each with the span it stands for. */
export function placedWordTokens(normal: string): PlacedToken[] {
  return piecesOf(normal).flatMap(placed);
}

/** The token stream indexed for a text in a word language. */
export function wordIndexTokens(text: string): string[] {
  return placedWordTokens(normalizeForSearch(text)).map((placed) => placed.token);
}

/**
 * The tokens of one query word (or quoted phrase) against word-language text, to be searched as
 * an exact phrase. Like tokens.ts queryTokens, a trailing stretch of other letters gets no end
 * token (the text may go on), and a single other character alone searches by prefix: `prefix`
 * is then true. Words are whole words: "model" is "wmodel", which "models" also gives.
 */
export function wordQueryTokens(query: string): { tokens: string[]; prefix: boolean } {
  const pieces = piecesOf(normalizeForSearch(query));
  const last = pieces.at(-1);
  if (pieces.length === 1 && last!.kind === 'other' && last!.chars.length === 1) {
    return { tokens: [prefixToken(last!.chars[0]!)], prefix: true };
  }
  const tokens = pieces.flatMap((piece, i) => pieceTokens(piece, i < pieces.length - 1));
  return { tokens, prefix: false };
}

/** The tokens indexed for a turn's text in `language`: words for a word language, else bigrams. */
export function turnTokens(text: string, language: string | undefined): string[] {
  return indexedByWord(language) ? wordIndexTokens(text) : indexTokens(text);
}
