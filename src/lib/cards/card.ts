/**
 * src/lib/cards/: the social cards (PNG images) of key quotes and of the site. This file lays out
 * and draws one card; fonts.ts loads the font slices a card's characters fall in; store.ts draws a whole
 * build's cards with one font set and caches them between builds.
 *
 * The social card of a key quote (1200×630 PNG): the quote in the speaker's words, who said it,
 * and the talk, in the site's colours. `cardTree` is the pure layout (unit-tested); `renderCard`
 * draws it with satori (layout to SVG) and resvg (SVG to PNG). Same input, same bytes.
 *
 * A card's labels are in its `locale` (zh-CN or en, words in CARD_WORDS), its quote in whatever
 * script the quote is written in: a quote in a Latin script (an English translation, a talk given
 * in English) is set in Noto Sans with proportional quotation marks, broken between words, and
 * sized by measuring it (fitQuoteSize), since an English sentence is two to four times as many
 * characters as the Chinese one. A translated quote says so on the card (`translatedFrom`), so a
 * card never passes our English off as the speaker's own words.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_FONT_FAMILY, latinFamilies, loadCardFonts, type CardFont, type CardFontText } from './fonts';

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
  /** e.g. 2023年7月6日, July 6, 2023 */
  date: string;
  /** The language of the card's labels (CARD_WORDS). Default zh-CN. */
  locale?: CardLocale | undefined;
  /**
   * Set when the quote is Huitan's translation: the original's language, named in `locale`
   * (e.g. Chinese). The card then says whose translation it is.
   */
  translatedFrom?: string | undefined;
}

/**
 * Every word a card prints itself, by locale. MOVE TO THE UI DICTIONARY (src/lib/i18n/) at merge:
 * these are the card's only label strings. `{language}` is the original's language.
 */
export const CARD_WORDS = {
  'zh-CN': { brand: '会谈 Huitan', badge: '会', translatedFrom: '会谈译自{language}' },
  en: { brand: '会谈 Huitan', badge: '会', translatedFrom: 'Huitan’s translation from the {language}' },
} as const;
export type CardLocale = keyof typeof CARD_WORDS;

/** The card's line that says whose translation the quote is, or undefined for a speaker's own words. */
export function translationLine(input: Pick<CardInput, 'locale' | 'translatedFrom'>): string | undefined {
  if (!input.translatedFrom) return undefined;
  return CARD_WORDS[input.locale ?? 'zh-CN'].translatedFrom.replace('{language}', input.translatedFrom);
}

/** True for text in a Latin script with no Chinese, Japanese or Korean in it: set in Noto Sans. */
export function isLatinScript(text: string): boolean {
  return (
    /\p{Script=Latin}/u.test(text) &&
    !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text)
  );
}

/** The quote as the card prints it: in English quotation marks, with quotes inside it as ‘…’. */
export function quotedText(quote: string): string {
  return isLatinScript(quote) ? `“${quote.replace(/“/g, '‘').replace(/”/g, '’')}”` : `“${quote}”`;
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
  look: { size: number; radius: number; color: string; fontSize: number; gap: number; fixed?: boolean },
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
      // In a row that may shrink (a long English role), the mark keeps its size.
      ...(look.fixed ? { flexShrink: 0 } : {}),
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

/** What fitQuoteSize decides, and the natural-height pass it measures with. */
export interface CardLayout {
  /** The quote's font size; default: quoteFontSize (by length). */
  quoteSize?: number | undefined;
  /** Lay out at the content's own height (no fixed height), so satori's SVG says how tall it is. */
  natural?: boolean | undefined;
}

/** The sizes a Latin quote is tried at, largest first; below the last a quote is too long for a card. */
export const LATIN_QUOTE_SIZES = [56, 52, 48, 44, 40, 36, 33, 30, 28, 26, 24] as const;

export function cardTree(input: CardInput, layout: CardLayout = {}): CardNode {
  if (isLatinScript(input.quote) || input.locale === 'en' || input.translatedFrom) return latinCardTree(input, layout);
  const size = layout.quoteSize ?? quoteFontSize(input.quote);
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

/** The top row of a card that prints its labels with latinCardTree: the brand, and the talk. */
function brandRow(input: CardInput, words: (typeof CARD_WORDS)[CardLocale]): CardNode {
  const talk =
    input.locale === 'en' ? input.talkSubtitle || input.talkTitle : `${input.talkTitle} ${input.talkSubtitle}`;
  return node('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 26 }, [
    node('div', { display: 'flex', alignItems: 'center', flexShrink: 0 }, [
      badge({ size: 48, radius: 10, color: CARD_COLORS.accent, fontSize: 28, gap: 14 }, words.badge),
      node('div', { fontWeight: 700 }, words.brand),
    ]),
    node('div', { display: 'flex', color: CARD_COLORS.muted, fontSize: 24, marginLeft: 32, textAlign: 'right' }, talk),
  ]);
}

/** The bottom row: who said it (the role may take two lines), and the date with whose translation it is. */
function speakerRow(input: CardInput): CardNode {
  const translation = translationLine(input);
  return node('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between' }, [
    node('div', { display: 'flex', alignItems: 'center', flexShrink: 1 }, [
      // Latin initials may be three letters (Yao): smaller, so they stay inside the circle.
      badge(
        {
          size: 64,
          radius: 32,
          color: input.speakerColor,
          fontSize: Array.from(input.initials).length > 2 ? 21 : 28,
          gap: 20,
          fixed: true,
        },
        input.initials,
      ),
      node('div', { display: 'flex', flexDirection: 'column', flexShrink: 1 }, [
        node('div', { fontSize: 34, fontWeight: 700, color: input.speakerColor }, input.speakerName),
        node('div', { fontSize: 20, color: CARD_COLORS.muted, lineHeight: 1.3 }, input.speakerRole),
      ]),
    ]),
    node(
      'div',
      {
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'flex-end',
        flexShrink: 0,
        marginLeft: 32,
        fontSize: 22,
        color: CARD_COLORS.muted,
        whiteSpace: 'nowrap',
      },
      translation
        ? [node('div', {}, input.date), node('div', { fontWeight: 700, color: CARD_COLORS.accent }, translation)]
        : [node('div', {}, input.date)],
    ),
  ]);
}

/**
 * The card of a Latin-script quote or an English card: the Chinese card's grammar (brand and talk
 * above, the quote in the middle, the speaker and the date below, the speaker's colour at the left
 * edge), set in Noto Sans, with the words of `locale` and the translation line. The quote is sized
 * by fitQuoteSize; `natural` drops the fixed height so its SVG says how tall the card wants to be.
 */
function latinCardTree(input: CardInput, layout: CardLayout): CardNode {
  const words = CARD_WORDS[input.locale ?? 'zh-CN'];
  const latinQuote = isLatinScript(input.quote);
  const size = layout.quoteSize ?? (latinQuote ? LATIN_QUOTE_SIZES[0] : quoteFontSize(input.quote));
  return node(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      width: CARD_WIDTH,
      ...(layout.natural ? {} : { height: CARD_HEIGHT }),
      boxSizing: 'border-box',
      padding: '56px 72px 56px 84px',
      backgroundColor: CARD_COLORS.background,
      borderLeft: `16px solid ${input.speakerColor}`,
      // Labels in English take Noto Sans; what it lacks (the brand's 会谈) falls back to Noto Sans SC.
      fontFamily: input.locale === 'en' ? latinFamilies() : CARD_FONT_FAMILY,
      color: CARD_COLORS.text,
    },
    [
      brandRow(input, words),
      node(
        'div',
        {
          display: 'flex',
          flexGrow: 1,
          alignItems: 'center',
          // Room above and below, so a quote that fits never touches the rows around it.
          padding: '28px 0',
          fontSize: size,
          fontWeight: 700,
          // Latin text reads best a little tighter than CJK's 1.5.
          lineHeight: latinQuote ? 1.32 : 1.5,
          ...(latinQuote ? { fontFamily: latinFamilies() } : {}),
        },
        node('div', { display: 'flex', width: '100%' }, quotedText(input.quote)),
      ),
      speakerRow(input),
    ],
  );
}

/** Every character a card draws, for picking font slices. */
export function cardText(input: CardInput): string {
  const words = CARD_WORDS[input.locale ?? 'zh-CN'];
  return [
    words.brand,
    words.badge,
    quotedText(input.quote),
    translationLine(input) ?? '',
    ...Object.values(input),
  ].join('');
}

/** Every character a card draws, by the face it is set in (fonts.ts loadCardFonts). */
export function cardFontText(input: CardInput): CardFontText {
  const latinQuote = isLatinScript(input.quote) ? quotedText(input.quote) : '';
  if (input.locale === 'en') return { sc: '', latin: cardText(input) };
  // Chinese labels stay in Noto Sans SC; only a Latin quote takes Noto Sans.
  return { sc: latinQuote ? cardText({ ...input, quote: '' }) : cardText(input), latin: latinQuote };
}

/** The card's height when laid out at its content's own height, read from satori's SVG. */
export async function naturalHeight(input: CardInput, quoteSize: number, fonts: CardFont[]): Promise<number> {
  const svg = await satori(cardTree(input, { quoteSize, natural: true }) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    fonts,
  });
  const height = /<svg[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!height) throw new Error(`Card layout: expected an <svg height="…"> from satori, found ${svg.slice(0, 80)}`);
  return Number(height[1]);
}

/**
 * The quote's font size: for CJK, by its length (quoteFontSize); for a Latin quote, the largest of
 * LATIN_QUOTE_SIZES at which the whole card, laid out by satori with the real fonts and line breaks,
 * is no taller than the card. Stops the build naming the quote when none is.
 */
export async function fitQuoteSize(input: CardInput, fonts: CardFont[]): Promise<number> {
  if (!isLatinScript(input.quote)) return quoteFontSize(input.quote);
  // Binary search: a smaller size never makes the card taller. `high` is the first size known to fit.
  let low = 0;
  let high: number = LATIN_QUOTE_SIZES.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if ((await naturalHeight(input, LATIN_QUOTE_SIZES[middle]!, fonts)) <= CARD_HEIGHT) high = middle;
    else low = middle + 1;
  }
  if (high < LATIN_QUOTE_SIZES.length) return LATIN_QUOTE_SIZES[high]!;
  const smallest = LATIN_QUOTE_SIZES[LATIN_QUOTE_SIZES.length - 1];
  throw new Error(
    `Card of ${input.speakerName}'s quote "${Array.from(input.quote).slice(0, 40).join('')}…": expected a quote that fits ` +
      `a ${CARD_WIDTH}×${CARD_HEIGHT} card at ${smallest} px, found ${Array.from(input.quote).length} characters that do not`,
  );
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
  const loaded = fonts ?? (await loadCardFonts(cardFontText(input), CARD_WEIGHTS));
  const quoteSize = await fitQuoteSize(input, loaded);
  const svg = await satori(cardTree(input, { quoteSize }) as unknown as Parameters<typeof satori>[0], {
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
