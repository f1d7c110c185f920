/**
 * The social cards of a whole build. Drawn one by one, a card cost about 70 ms, most of it satori
 * parsing the font slices that card needs; at three cards a talk that was most of the build. So a
 * store draws every card with one font set (the slices all the build's cards need, parsed once:
 * the bytes are the same, see tests/unit/card-store.test.ts), and keeps each PNG in a cache
 * folder under a key of everything that decides its bytes, so a rebuild draws only new or
 * changed cards. The folder is `social-cards/` in Astro's cache dir; delete it to start over.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { QuoteView, TalkView } from '../content/catalog';
import { cardFontPackageDir, latinFontPackageDir, loadCardFonts, type CardFont } from './fonts';
import { formatDate } from '../text/format';
import { talkLabel } from '../sharing/routes';
import { englishDate, englishLanguageName } from '../sharing/citation';
import {
  CARD_HEIGHT,
  CARD_WEIGHTS,
  CARD_WIDTH,
  cardFontText,
  cardTree,
  renderCard,
  RESVG_OPTIONS,
  type CardInput,
} from './card';
import { SPEAKER_COLOR_HEX } from '../constants';

/**
 * What a key quote's card shows. For an English edition's quote pass `translation` (the original's
 * language tag, e.g. `{ from: talk.original.data.language }`): the card is then in English, names
 * the talk by its English subtitle and says it is Huitan's translation.
 */
export function quoteCardInput(talk: TalkView, quote: QuoteView, translation?: { from: string }): CardInput {
  const { speaker } = quote;
  if (translation) {
    return {
      quote: quote.span,
      speakerName: speaker.name,
      speakerRole: speaker.role.text,
      initials: speaker.initials,
      speakerColor: SPEAKER_COLOR_HEX[speaker.color] ?? '#4a5566',
      talkTitle: talk.data.title,
      talkSubtitle: talk.data.subtitle ?? '',
      date: englishDate(talk.data.date.text),
      locale: 'en',
      translatedFrom: englishLanguageName(translation.from),
    };
  }
  const label = talkLabel(talk);
  return {
    quote: quote.span,
    speakerName: speaker.name,
    speakerRole: speaker.role.text,
    initials: speaker.initials,
    speakerColor: SPEAKER_COLOR_HEX[speaker.color] ?? '#4a5566',
    talkTitle: `《${talk.data.title}》`,
    talkSubtitle: label === `《${talk.data.title}》` ? '' : label,
    date: formatDate(talk.data.date.text),
  };
}

/**
 * The cache folder: `social-cards/` in Astro's cache dir, which astro.config sets from
 * HUITAN_CACHE_DIR (default `node_modules/.astro`).
 */
export function cardCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.resolve(env['HUITAN_CACHE_DIR'] ?? 'node_modules/.astro'), 'social-cards');
}

function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** The versions of the packages that draw a card: an upgrade may change the bytes. */
export function rendererVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  return {
    satori: versionOf(require.resolve('satori/package.json')),
    resvg: versionOf(require.resolve('@resvg/resvg-js/package.json')),
    font: versionOf(path.join(cardFontPackageDir(), 'package.json')),
    latinFont: versionOf(path.join(latinFontPackageDir(), 'package.json')),
  };
}

/**
 * A card's cache key: the SHA-256 of its whole layout (text, colours, sizes: everything cardTree
 * decides), the size and resvg options, and the renderer's versions.
 */
export function cardKey(input: CardInput, versions: Readonly<Record<string, string>>): string {
  const decides = { tree: cardTree(input), width: CARD_WIDTH, height: CARD_HEIGHT, resvg: RESVG_OPTIONS, versions };
  return createHash('sha256').update(JSON.stringify(decides)).digest('hex');
}

export interface CardStoreOptions {
  /** Every card the build will draw (their text decides the font set). */
  inputs: readonly CardInput[];
  /** Cache folder; undefined draws every card. */
  dir: string | undefined;
  /** Draws one card with the shared fonts (tests count calls). Default: renderCard. */
  render?: (input: CardInput, fonts: CardFont[]) => Promise<Uint8Array<ArrayBuffer>>;
}

export interface CardStore {
  draw(input: CardInput): Promise<Uint8Array<ArrayBuffer>>;
  /** Cards drawn and cards read from the cache so far. */
  readonly counts: { drawn: number; cached: number };
}

export function createCardStore({ inputs, dir, render = renderCard }: CardStoreOptions): CardStore {
  const versions = rendererVersions();
  const needs = inputs.map(cardFontText);
  const text = { sc: needs.map(({ sc }) => sc).join(''), latin: needs.map(({ latin }) => latin).join('') };
  const covered = { sc: new Set(Array.from(text.sc)), latin: new Set(Array.from(text.latin)) };
  // Loaded on the first card not in the cache: a rebuild with every card cached loads no font.
  let fonts: Promise<CardFont[]> | undefined;
  const fontsFor = (input: CardInput) => {
    const own = cardFontText(input);
    const known = (chars: string, set: Set<string>) => Array.from(chars).every((char) => set.has(char));
    // A card the store was not told about may need slices the shared set lacks.
    if (!known(own.sc, covered.sc) || !known(own.latin, covered.latin)) return loadCardFonts(own, CARD_WEIGHTS);
    fonts ??= loadCardFonts(text, CARD_WEIGHTS);
    return fonts;
  };
  const counts = { drawn: 0, cached: 0 };
  return {
    counts,
    async draw(input) {
      const file = dir === undefined ? undefined : path.join(dir, `${cardKey(input, versions)}.png`);
      if (file !== undefined) {
        const cached = await readFile(file).catch(() => undefined);
        if (cached) {
          counts.cached += 1;
          return new Uint8Array(cached);
        }
      }
      const png = await render(input, await fontsFor(input));
      counts.drawn += 1;
      if (file !== undefined) {
        // Written whole, then renamed: a build stopped halfway never leaves half a card behind.
        await mkdir(path.dirname(file), { recursive: true });
        const partial = `${file}.${process.pid}.partial`;
        await writeFile(partial, png);
        await rename(partial, file);
      }
      return png;
    },
  };
}
