/**
 * The font of the social cards: Noto Sans SC from the @fontsource/noto-sans-sc npm package, which
 * ships the font cut into about a hundred WOFF slices by Unicode range (satori reads WOFF, not
 * WOFF2). A card loads only the slices its characters fall in, and a character no slice covers
 * stops the build, so a card can never show a missing-glyph box.
 */
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
export function slicesFor(text: string, slices: Readonly<Record<string, string>>): string[] {
  const parsed = Object.entries(slices).map(([key, range]) => ({ key, ranges: parseUnicodeRange(range) }));
  const needed = new Set<string>();
  const missing: string[] = [];
  for (const char of new Set(Array.from(text.replace(/\s+/gu, '')))) {
    const code = char.codePointAt(0)!;
    const slice = parsed.find(({ ranges }) => ranges.some(([from, to]) => code >= from && code <= to));
    if (slice) needed.add(slice.key);
    else missing.push(`${char} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`);
  }
  if (missing.length > 0) {
    throw new Error(`Card text: expected characters that ${CARD_FONT_FAMILY} covers, found ${missing.join(', ')}`);
  }
  return parsed.map(({ key }) => key).filter((key) => needed.has(key));
}

/** The package folder; its exports map hides unicode.json, so go through a file it exports. */
export function cardFontPackageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/LICENSE'));
}

/** "[42]" → "42", "latin" → "latin": the slice's part of the file name. */
const sliceFile = (key: string, weight: CardWeight) =>
  `noto-sans-sc-${key.replace(/^\[(\d+)\]$/, '$1')}-${weight}-normal.woff`;

/** Loads the slices `text` needs, in every weight asked for, ready for satori. */
export async function loadCardFonts(text: string, weights: readonly CardWeight[]): Promise<CardFont[]> {
  const dir = cardFontPackageDir();
  const slices = JSON.parse(await readFile(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const keys = slicesFor(text, slices);
  return Promise.all(
    weights.flatMap((weight) =>
      keys.map(async (key) => {
        const file = path.join(dir, 'files', sliceFile(key, weight));
        try {
          // One name per slice: satori keeps one font per name and weight, and falls back across names.
          return { name: `${CARD_FONT_FAMILY} ${key}`, data: await readFile(file), weight, style: 'normal' as const };
        } catch (error) {
          throw new Error(`Card font: expected ${file} in @fontsource/noto-sans-sc, found none`, { cause: error });
        }
      }),
    ),
  );
}
