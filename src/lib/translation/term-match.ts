/**
 * Whether a glossary term occurs in a paragraph, the same rule for the original and the
 * translation. Chinese terms are plain substrings (Chinese has no spaces to find words by).
 * Latin-script terms match regardless of case, only at the start of a word (GAN is not found
 * inside DragGAN), with any ending after it (hallucination also finds hallucinations).
 */
const LATIN_START = /^[A-Za-z0-9]/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern that finds `term`; spaces inside it match any run of whitespace. */
export function termPattern(term: string): RegExp {
  const body = term.trim().split(/\s+/u).map(escape).join('\\s+');
  // Only a Latin letter or digit before the term makes it part of another word: a Chinese
  // character does not (拉回GAN still names a GAN).
  return new RegExp(LATIN_START.test(term.trim()) ? `(?<![A-Za-z0-9])${body}` : body, 'iu');
}

/** True when any of `terms` occurs in `text`. */
export function containsAnyTerm(text: string, terms: readonly string[]): boolean {
  return terms.some((term) => termPattern(term).test(text));
}
