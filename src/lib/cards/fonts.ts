/**
 * The fonts of the social cards: Noto Sans SC from the @fontsource/noto-sans-sc npm package, which
 * ships the font cut into about a hundred WOFF slices by Unicode range (satori reads WOFF, not
 * WOFF2), and for Latin text (an English card, a quote in a Latin script) Noto Sans from
 * @fontsource/noto-sans, the same family's Latin face, cut the same way: Noto Sans SC's Latin
 * glyphs are its CJK design's (wide quotation marks, tight text), weak for a paragraph of English.
 * A card loads only the slices its characters fall in, and a character no slice covers stops the
 * build, so a card can never show a missing-glyph box. Both fonts are under the SIL Open Font
 * License 1.1 (each package's LICENSE).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export type CardWeight = 400 | 700;

export interface CardFont {
  name: string;
  data: Buffer;
  weight: CardWeight;
  style: 'normal';
}

export const CARD_FONT_FAMILY = 'Noto Sans SC';
/** The Latin face: its slices are named `Noto Sans <slice>`, e.g. `Noto Sans latin`. */
export const LATIN_FONT_FAMILY = 'Noto Sans';

/** A font package: its npm name, its family and how its files are named. */
interface FontPackage {
  npm: string;
  family: string;
  prefix: string;
}
const SC_PACKAGE: FontPackage = { npm: '@fontsource/noto-sans-sc', family: CARD_FONT_FAMILY, prefix: 'noto-sans-sc' };
const LATIN_PACKAGE: FontPackage = { npm: '@fontsource/noto-sans', family: LATIN_FONT_FAMILY, prefix: 'noto-sans' };

/** "U+4e00-4e05,U+3000" → [[0x4e00, 0x4e05], [0x3000, 0x3000]]. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`expected a CSS unicode-range part like "U+4e00-4e05", found ${JSON.stringify(part)}`);
    const start = Number.parseInt(match[1]!, 16);
    return [start, match[2] === undefined ? start : Number.parseInt(match[2], 16)];
  });
}

/**
 * The slices (keys of the package's unicode.json, in its order) that cover every character of
 * `text` except whitespace. Throws naming the characters no slice covers.
 */
export function slicesFor(
  text: string,
  slices: Readonly<Record<string, string>>,
  family: string = CARD_FONT_FAMILY,
): string[] {
  const { keys, missing } = coverage(text, slices);
  if (missing.length > 0) {
    const named = missing.map(
      (char) => `${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
    );
    throw new Error(`Card text: expected characters that ${family} covers, found ${named.join(', ')}`);
  }
  return keys;
}

/** The slices (in the package's order) that cover `text`, and the characters none covers. */
export function coverage(
  text: string,
  slices: Readonly<Record<string, string>>,
): { keys: string[]; missing: string[] } {
  const parsed = Object.entries(slices).map(([key, range]) => ({ key, ranges: parseUnicodeRange(range) }));
  const needed = new Set<string>();
  const missing: string[] = [];
  for (const char of new Set(Array.from(text.replace(/\s+/gu, '')))) {
    const code = char.codePointAt(0)!;
    const slice = parsed.find(({ ranges }) => ranges.some(([from, to]) => code >= from && code <= to));
    if (slice) needed.add(slice.key);
    else missing.push(char);
  }
  return { keys: parsed.map(({ key }) => key).filter((key) => needed.has(key)), missing };
}

/** A package's folder; its exports map hides unicode.json, so go through a file it exports. */
const packageDir = (font: FontPackage) => path.dirname(createRequire(import.meta.url).resolve(`${font.npm}/LICENSE`));
export const cardFontPackageDir = (): string => packageDir(SC_PACKAGE);
export const latinFontPackageDir = (): string => packageDir(LATIN_PACKAGE);

/** "[42]" → "42", "latin" → "latin": the slice's part of the file name. */
const sliceFile = (font: FontPackage, key: string, weight: CardWeight) =>
  `${font.prefix}-${key.replace(/^\[(\d+)\]$/, '$1')}-${weight}-normal.woff`;

const readSlices = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;

/** The satori name of one slice: satori keeps one font per name and weight, and falls back across names. */
export const sliceName = (family: string, key: string) => `${family} ${key}`;

function loadSlices(font: FontPackage, keys: string[], weights: readonly CardWeight[]): Promise<CardFont[]> {
  const dir = packageDir(font);
  return Promise.all(
    weights.flatMap((weight) =>
      keys.map(async (key) => {
        const file = path.join(dir, 'files', sliceFile(font, key, weight));
        try {
          return { name: sliceName(font.family, key), data: await readFile(file), weight, style: 'normal' as const };
        } catch (error) {
          throw new Error(`Card font: expected ${file} in ${font.npm}, found none`, { cause: error });
        }
      }),
    ),
  );
}

/**
 * What a card draws, by face: `latin` is text set in Noto Sans where it has the glyph (English
 * words and their quotation marks), `sc` is text set in Noto Sans SC (Chinese, and the brand 会).
 */
export interface CardFontText {
  sc: string;
  latin: string;
}

/**
 * Loads the slices the text needs, in every weight asked for, ready for satori: Noto Sans SC's
 * first, so a card that names no Latin family (a Chinese card) falls back to them as it always
 * did; then Noto Sans's, which a Latin card names first (latinFamilies). A character of `latin`
 * that Noto Sans lacks (会 in the brand) is drawn from Noto Sans SC.
 */
export async function loadCardFonts(text: string | CardFontText, weights: readonly CardWeight[]): Promise<CardFont[]> {
  const { sc, latin } = typeof text === 'string' ? { sc: text, latin: '' } : text;
  const latinSlices = latin ? coverage(latin, await readSlices(latinFontPackageDir())) : { keys: [], missing: [] };
  const scText = sc + latinSlices.missing.join('');
  const scKeys = scText ? slicesFor(scText, await readSlices(cardFontPackageDir())) : [];
  return [
    ...(await loadSlices(SC_PACKAGE, scKeys, weights)),
    ...(await loadSlices(LATIN_PACKAGE, latinSlices.keys, weights)),
  ];
}

let latinList: string | undefined;
/**
 * The CSS font-family list of Latin text: every Noto Sans slice, so satori tries them before
 * Noto Sans SC (satori skips a name no loaded font has). Read once; a card's layout needs it.
 */
export function latinFamilies(): string {
  latinList ??= Object.keys(
    JSON.parse(readFileSync(path.join(latinFontPackageDir(), 'unicode.json'), 'utf8')) as object,
  )
    .map((key) => sliceName(LATIN_FONT_FAMILY, key))
    .join(', ');
  return latinList;
}
