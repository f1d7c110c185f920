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
import type { QuoteView, TalkView } from '../catalog';
import { cardFontPackageDir, loadCardFonts, type CardFont } from './fonts';
import { formatDate } from '../text/format';
import { talkLabel } from '../sharing/routes';
import {
  CARD_HEIGHT,
  CARD_WEIGHTS,
  CARD_WIDTH,
  cardText,
  cardTree,
  renderCard,
  RESVG_OPTIONS,
  type CardInput,
} from './card';
import { SPEAKER_COLOR_HEX } from '../constants';

/** What a key quote's card shows. */
export function quoteCardInput(talk: TalkView, quote: QuoteView): CardInput {
  const { speaker } = quote;
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
  const text = inputs.map(cardText).join('');
  const covered = new Set(Array.from(text));
  // Loaded on the first card not in the cache: a rebuild with every card cached loads no font.
  let fonts: Promise<CardFont[]> | undefined;
  const fontsFor = (input: CardInput) => {
    const own = cardText(input);
    // A card the store was not told about may need slices the shared set lacks.
    if (!Array.from(own).every((char) => covered.has(char))) return loadCardFonts(own, CARD_WEIGHTS);
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
