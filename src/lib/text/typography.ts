/**
 * Systematic typographic normalisation for Chinese transcript text.
 *
 * The rules change punctuation and spacing only, never a word:
 * 1. A half-width , : ; ? ! next to a Han character (ignoring spaces) becomes its full-width
 *    form ，：；？！. Brackets convert as a pair: ( … ) becomes （ … ） when the pair stands
 *    beside a Han character or holds one; an unpaired bracket is left alone.
 * 2. Spaces between a Han character (or full-width punctuation) and anything else
 *    are removed; the stylesheet's `text-autospace` puts back the thin gap between
 *    Han and Latin text where the browser supports it.
 * 3. Any Unicode space (the source has stray no-break spaces) becomes a plain space, runs of
 *    spaces collapse to one, and each line is trimmed.
 * Latin-only runs ("high level", "Diffusion Model") keep their spaces.
 */

const HAN = '\\p{Script=Han}';
/** Full-width punctuation that never wants a space beside it. */
const FULL_PUNCT = '，。、：；？！（）《》「」『』“”‘’…—·';
const TIGHT = `[${HAN}${FULL_PUNCT}]`;

const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
};

const anySpaces = /[\p{Zs}\t]+/gu;
const halfBeforeHan = new RegExp(`([,:;?!])(?= *${HAN})`, 'gu');
const halfAfterHan = new RegExp(`(?<=${HAN} *)([,:;?!])`, 'gu');
const bracketPair = /\(([^()]*)\)/gu;
const hanChar = new RegExp(HAN, 'u');
const hanBefore = new RegExp(`${HAN} *$`, 'u');
const hanAfter = new RegExp(`^ *${HAN}`, 'u');

/** Converts innermost pairs first, then the pairs around them, until nothing changes. */
function pairBrackets(line: string): string {
  for (let previous = ''; previous !== line;) {
    previous = line;
    line = line.replace(bracketPair, (pair, inner: string, at: number, whole: string) => {
      const beside = hanBefore.test(whole.slice(0, at)) || hanAfter.test(whole.slice(at + pair.length));
      return beside || hanChar.test(inner) ? `（${inner}）` : pair;
    });
  }
  return line;
}
const spaceAfterTight = new RegExp(`(?<=${TIGHT}) +`, 'gu');
const spaceBeforeTight = new RegExp(` +(?=${TIGHT})`, 'gu');

/** Normalise one line (one paragraph) of Chinese text. */
export function normalizeLine(line: string): string {
  const toFull = (mark: string) => HALF_TO_FULL[mark] ?? mark;
  return pairBrackets(line.replace(anySpaces, ' '))
    .replace(halfAfterHan, toFull)
    .replace(halfBeforeHan, toFull)
    .replace(spaceAfterTight, '')
    .replace(spaceBeforeTight, '')
    .trim();
}

/** Normalise a block of text line by line, keeping its line structure. */
export function normalizeText(text: string): string {
  return text.split('\n').map(normalizeLine).join('\n');
}
