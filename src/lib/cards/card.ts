/**
 * src/lib/cards/: the social cards (PNG images) of key quotes and of the site. This file lays out
 * and draws one card; fonts.ts loads the font slices a card's characters fall in; store.ts draws a whole
 * build's cards with one font set and caches them between builds.
 *
 * The social card of a key quote (1200×630 PNG): the quote in the speaker's words, who said it,
 * and the talk, in the site's colours. `cardTree` is the pure layout (unit-tested); `renderCard`
 * draws it with satori (layout to SVG) and resvg (SVG to PNG). Same input, same bytes.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_FONT_FAMILY, loadCardFonts, type CardFont } from './fonts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardInput {
  /** The speaker's words, without quotation marks. */
  quote: string;
  speakerName: string;
  speakerRole: string;
  /** Initials on the avatar. */
  initials: string;
  /** The speaker's palette colour (src/styles/global.css, light scheme). */
  speakerColor: string;
  /** e.g. 《创想共论·智变可能》 */
  talkTitle: string;
  /** e.g. WAIC 2023 开幕式圆桌论坛 */
  talkSubtitle: string;
  /** e.g. 2023年7月6日 */
  date: string;
}

/** The light-scheme palette of global.css, which the card cannot read: keep the two in step. */
export const CARD_COLORS = {
  background: '#fbfaf7',
  surface: '#ffffff',
  text: '#1d1c1a',
  muted: '#5c5851',
  line: '#e2ded6',
  accent: '#a23b2a',
} as const;

/** A satori element: the shape React elements have, without React. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string };
}

const node = (
  type: string,
  style: Record<string, string | number>,
  children?: CardNode['props']['children'],
): CardNode => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

/** A square or round mark with white text: the site's 会 and the speaker's initials. */
function badge(
  look: { size: number; radius: number; color: string; fontSize: number; gap: number },
  text: string,
): CardNode {
  return node(
    'div',
    {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: look.size,
      height: look.size,
      borderRadius: look.radius,
      backgroundColor: look.color,
      color: '#ffffff',
      fontSize: look.fontSize,
      fontWeight: 700,
      marginRight: look.gap,
    },
    text,
  );
}

/** Longer quotes get a smaller size so every quote fits in four or five lines. */
export function quoteFontSize(quote: string): number {
  const length = Array.from(quote).length;
  if (length <= 32) return 60;
  if (length <= 56) return 52;
  return 44;
}

export function cardTree(input: CardInput): CardNode {
  const size = quoteFontSize(input.quote);
  return node(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      // This satori's layout engine sizes boxes as content-box unless told otherwise.
      boxSizing: 'border-box',
      padding: '56px 72px 56px 84px',
      backgroundColor: CARD_COLORS.background,
      borderLeft: `16px solid ${input.speakerColor}`,
      fontFamily: CARD_FONT_FAMILY,
      color: CARD_COLORS.text,
    },
    [
      node('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 26 }, [
        node('div', { display: 'flex', alignItems: 'center' }, [
          badge({ size: 48, radius: 10, color: CARD_COLORS.accent, fontSize: 28, gap: 14 }, '会'),
          node('div', { fontWeight: 700 }, '会谈 Huitan'),
        ]),
        node(
          'div',
          { display: 'flex', color: CARD_COLORS.muted, fontSize: 24 },
          `${input.talkTitle} ${input.talkSubtitle}`,
        ),
      ]),
      node(
        'div',
        {
          display: 'flex',
          flexGrow: 1,
          alignItems: 'center',
          fontSize: size,
          fontWeight: 700,
          lineHeight: 1.5,
        },
        // Line breaking follows UAX #14 (satori's default), which keeps 。，” off a line's start.
        node('div', { display: 'flex', width: '100%' }, `“${input.quote}”`),
      ),
      node('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between' }, [
        node('div', { display: 'flex', alignItems: 'center' }, [
          badge({ size: 64, radius: 32, color: input.speakerColor, fontSize: 30, gap: 20 }, input.initials),
          node('div', { display: 'flex', flexDirection: 'column' }, [
            node('div', { fontSize: 34, fontWeight: 700, color: input.speakerColor }, input.speakerName),
            node('div', { fontSize: 22, color: CARD_COLORS.muted }, input.speakerRole),
          ]),
        ]),
        node('div', { display: 'flex', fontSize: 22, color: CARD_COLORS.muted }, input.date),
      ]),
    ],
  );
}

/** Every character a card draws, for picking font slices. */
export function cardText(input: CardInput): string {
  return ['会谈 Huitan“”', ...Object.values(input)].join('');
}

/** The weights a card draws with. */
export const CARD_WEIGHTS = [400, 700] as const;
/** resvg's options. A cached card's key includes them (store.ts): keep every option here. */
export const RESVG_OPTIONS = { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } } as const;

/**
 * Draws a card. Pass `fonts` (loaded for this card's text or more) to share them between cards:
 * satori parses a font set once per array, which is most of a card's cost.
 */
export async function renderCard(input: CardInput, fonts?: CardFont[]): Promise<Uint8Array<ArrayBuffer>> {
  const loaded = fonts ?? (await loadCardFonts(cardText(input), CARD_WEIGHTS));
  const svg = await satori(cardTree(input) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loaded,
  });
  const png = new Resvg(svg, RESVG_OPTIONS).render().asPng();
  return new Uint8Array(png);
}

/** What the site's own card shows: the home page's image when no talk has a key quote to show. */
export interface SiteCardInput {
  /** e.g. 会议与圆桌的实录 */
  headline: string;
  /** One line under it. */
  lede: string;
}

/** The site's card (1200×630): the brand, a headline and a line, in the site's colours. */
export function siteCardTree(input: SiteCardInput): CardNode {
  return node(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'center',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      padding: '72px 96px',
      backgroundColor: CARD_COLORS.background,
      borderLeft: `16px solid ${CARD_COLORS.accent}`,
      fontFamily: CARD_FONT_FAMILY,
      color: CARD_COLORS.text,
    },
    [
      node('div', { display: 'flex', alignItems: 'center', fontSize: 44 }, [
        badge({ size: 84, radius: 18, color: CARD_COLORS.accent, fontSize: 50, gap: 24 }, '会'),
        node('div', { fontWeight: 700 }, '会谈 Huitan'),
      ]),
      node('div', { display: 'flex', marginTop: 56, fontSize: 64, fontWeight: 700, lineHeight: 1.4 }, input.headline),
      node(
        'div',
        { display: 'flex', marginTop: 20, fontSize: 32, color: CARD_COLORS.muted, lineHeight: 1.5 },
        input.lede,
      ),
    ],
  );
}

/** Every character the site's card draws. */
export function siteCardText(input: SiteCardInput): string {
  return ['会谈 Huitan', input.headline, input.lede].join('');
}

/** Draws the site's card: one a build, so it loads its own fonts. Same input, same bytes. */
export async function renderSiteCard(input: SiteCardInput): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = await loadCardFonts(siteCardText(input), CARD_WEIGHTS);
  const svg = await satori(siteCardTree(input) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  return new Uint8Array(new Resvg(svg, RESVG_OPTIONS).render().asPng());
}

/** The site's card: the home page's words (index.astro). */
export const SITE_CARD: SiteCardInput = {
  headline: '会议与圆桌的实录',
  lede: '按发言人筛选，按问题跳读，引用任何一句话。',
};
/** What the site's card (src/pages/card.png.ts, at routes.ts siteCardPath) shows, for its alt text. */
export const SITE_CARD_ALT = `会谈 Huitan：${SITE_CARD.headline}。${SITE_CARD.lede}`;
