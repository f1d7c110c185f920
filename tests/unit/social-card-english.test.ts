import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  CARD_HEIGHT,
  CARD_WEIGHTS,
  cardFontText,
  cardTree,
  fitQuoteSize,
  isLatinScript,
  LATIN_QUOTE_SIZES,
  naturalHeight,
  quotedText,
  renderCard,
  translationLine,
  type CardInput,
} from '../../src/lib/cards/card';
import { loadCardFonts } from '../../src/lib/cards/fonts';

const english: CardInput = {
  quote:
    'In the future, how to make the strengths of these two models complement each other will be a very interesting research question.',
  speakerName: 'Pan Xingang',
  speakerRole: 'Assistant Professor, Nanyang Technological University; first author of DragGAN',
  initials: 'Pan',
  speakerColor: '#875400',
  talkTitle: 'Ideas in Dialogue · The Possibilities of Intelligent Change',
  talkSubtitle: 'WAIC 2023 opening ceremony roundtable',
  date: 'July 6, 2023',
  locale: 'en',
  translatedFrom: 'Chinese',
};

/** The English key quotes of the WAIC talk (read by slug: not assumed to be the only talk). */
async function waicEnglishQuotes(): Promise<string[]> {
  const dir = path.resolve('content/talks/waic-2023-roundtable/translations/en/turns');
  const spans: string[] = [];
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.md'))) {
    const front = /^---\n([\s\S]*?)\n---/.exec(await readFile(path.join(dir, file), 'utf8'))?.[1] ?? '';
    const data = (parse(front) ?? {}) as { quotes?: { span: string }[] };
    spans.push(...(data.quotes ?? []).map(({ span }) => span));
  }
  return spans;
}

const pngSize = (png: Uint8Array<ArrayBuffer>) => {
  const view = new DataView(png.buffer);
  return [String.fromCharCode(...png.slice(1, 4)), view.getUint32(16), view.getUint32(20)];
};

describe('the script of a quote', () => {
  test('an English sentence is Latin; Chinese, or Chinese with Latin words, is not', () => {
    expect([isLatinScript(english.quote), isLatinScript('DragGAN 的作者'), isLatinScript('2023')]).toEqual([
      true,
      false,
      false,
    ]);
  });

  test('a Latin quote takes English quotation marks, and quotes inside it single ones', () => {
    expect(quotedText('He said “no” twice.')).toBe('“He said ‘no’ twice.”');
    expect(quotedText('他说“不”。')).toBe('“他说“不”。”');
  });
});

describe('an English card', () => {
  test('prints the quote, the speaker, the talk’s subtitle, the date and whose translation it is', () => {
    const text = JSON.stringify(cardTree(english));
    for (const part of [
      `“${english.quote}”`,
      'Pan Xingang',
      english.speakerRole,
      'WAIC 2023 opening ceremony roundtable',
      'July 6, 2023',
      'Huitan’s translation from the Chinese',
    ])
      expect(text).toContain(JSON.stringify(part));
    expect(text).not.toContain('《');
  });

  test('a card of the speaker’s own words has no translation line', () => {
    expect(translationLine({ locale: 'en' })).toBeUndefined();
    expect(translationLine({ locale: 'zh-CN', translatedFrom: '英文' })).toBe('会谈译自英文');
  });

  test('loads Noto Sans for its words and only the Noto Sans SC slices of the brand 会谈', async () => {
    expect(cardFontText(english)).toMatchObject({ sc: '' });
    const fonts = await loadCardFonts(cardFontText(english), CARD_WEIGHTS);
    expect(fonts.map(({ name, weight }) => `${name} ${weight}`)).toEqual([
      'Noto Sans SC [114] 400',
      'Noto Sans SC [118] 400',
      'Noto Sans SC [114] 700',
      'Noto Sans SC [118] 700',
      'Noto Sans latin 400',
      'Noto Sans latin 700',
    ]);
  });

  test('a Chinese card loads no Latin font', () => {
    const chinese = {
      ...english,
      quote: '将来如何把这两个模型各自的优势互补',
      locale: undefined,
      translatedFrom: undefined,
    };
    expect(cardFontText(chinese).latin).toBe('');
  });
});

describe('fitting an English quote', () => {
  test('the longest English key quote of the WAIC talk fits, smaller than a short one, and draws a 1200×630 PNG', async () => {
    const quotes = await waicEnglishQuotes();
    expect(quotes.length).toBeGreaterThan(0);
    const longest = quotes.reduce((a, b) => (b.length > a.length ? b : a));
    const input = { ...english, quote: longest };
    const fonts = await loadCardFonts(cardFontText(input), CARD_WEIGHTS);
    const size = await fitQuoteSize(input, fonts);
    expect(await naturalHeight(input, size, fonts)).toBeLessThanOrEqual(CARD_HEIGHT);
    expect(size).toBeLessThan(await fitQuoteSize({ ...english, quote: 'Short words.' }, fonts));
    expect(pngSize(await renderCard(input, fonts))).toEqual(['PNG', 1200, 630]);
  });

  test('a pathological 400-character quote fits at a smaller size, and the next size up would not', async () => {
    const quote = 'Reinforcement learning needs a great deal of experience, so a model of the world stands in for it. '
      .repeat(5)
      .slice(0, 400);
    const input = { ...english, quote };
    const fonts = await loadCardFonts(cardFontText(input), CARD_WEIGHTS);
    const size = await fitQuoteSize(input, fonts);
    const larger = LATIN_QUOTE_SIZES[LATIN_QUOTE_SIZES.indexOf(size as (typeof LATIN_QUOTE_SIZES)[number]) - 1]!;
    expect(await naturalHeight(input, size, fonts)).toBeLessThanOrEqual(CARD_HEIGHT);
    expect(await naturalHeight(input, larger, fonts)).toBeGreaterThan(CARD_HEIGHT);
    expect(pngSize(await renderCard(input, fonts))).toEqual(['PNG', 1200, 630]);
  });

  test('a quote too long for any size stops the build, naming the speaker and the quote', async () => {
    const input = { ...english, quote: 'word '.repeat(400).trim() };
    const fonts = await loadCardFonts(cardFontText(input), CARD_WEIGHTS);
    await expect(fitQuoteSize(input, fonts)).rejects.toThrow(
      'Card of Pan Xingang\'s quote "word word word word word word word word …": expected a quote that fits a 1200×630 card at 24 px, found 1999 characters that do not',
    );
  });
});
