import { describe, expect, test } from 'vitest';
import { parseUnicodeRange, slicesFor } from '../../src/lib/cards/fonts';
import {
  cardText,
  cardTree,
  quoteFontSize,
  renderCard,
  renderSiteCard,
  SITE_CARD,
  SITE_CARD_ALT,
  siteCardTree,
  type CardInput,
} from '../../src/lib/cards/card';

const input: CardInput = {
  quote: '将来如何把这两个模型各自的优势互补会是非常有趣的研究问题。',
  speakerName: '潘新钢',
  speakerRole: '南洋理工大学教授，DragGAN 第一作者',
  initials: '潘',
  speakerColor: '#875400',
  talkTitle: '《创想共论·智变可能》',
  talkSubtitle: 'WAIC 2023 开幕式圆桌论坛',
  date: '2023年7月6日',
};

describe('parseUnicodeRange', () => {
  test('reads single code points and ranges', () => {
    expect(parseUnicodeRange('U+4e00-4e05,U+3000')).toEqual([
      [0x4e00, 0x4e05],
      [0x3000, 0x3000],
    ]);
  });

  test('rejects anything else', () => {
    expect(() => parseUnicodeRange('U+4e00,4e01')).toThrow(
      'expected a CSS unicode-range part like "U+4e00-4e05", found "4e01"',
    );
  });
});

describe('slicesFor', () => {
  const slices = { '[1]': 'U+4e00-4e05', latin: 'U+0041-005a', '[2]': 'U+3000-3003' };

  test('lists the slices the text needs, in the package’s order, ignoring whitespace', () => {
    expect(slicesFor('\u3001A 一', slices)).toEqual(['[1]', 'latin', '[2]']);
    expect(slicesFor('AB', slices)).toEqual(['latin']);
  });

  test('stops on a character no slice covers, naming it', () => {
    expect(() => slicesFor('A龘', slices)).toThrow(
      'Card text: expected characters that Noto Sans SC covers, found 龘 (U+9F98)',
    );
  });
});

describe('cardTree', () => {
  test('draws the quote in Chinese quotation marks, the speaker, role, talk and date', () => {
    const text = JSON.stringify(cardTree(input));
    for (const part of [
      '“将来如何把这两个模型各自的优势互补会是非常有趣的研究问题。”',
      '潘新钢',
      '南洋理工大学教授，DragGAN 第一作者',
      '《创想共论·智变可能》 WAIC 2023 开幕式圆桌论坛',
      '2023年7月6日',
    ]) {
      expect(text).toContain(JSON.stringify(part));
    }
  });

  test('sizes the quote by its length', () => {
    expect([quoteFontSize('一'.repeat(32)), quoteFontSize('一'.repeat(33)), quoteFontSize('一'.repeat(57))]).toEqual([
      60, 52, 44,
    ]);
  });

  test('covers every character it draws with the font', () => {
    expect(cardText(input)).toContain('会谈 Huitan');
  });
});

describe('renderCard', () => {
  test('draws a 1200×630 PNG, byte for byte the same each time', async () => {
    const [first, second] = [await renderCard(input), await renderCard(input)];
    expect([...first.slice(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    const view = new DataView(first.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});

describe('the site’s card', () => {
  test('shows the brand and the home page’s words', () => {
    const text = JSON.stringify(siteCardTree(SITE_CARD));
    for (const part of ['会谈 Huitan', '会议与圆桌的实录', '按发言人筛选，按问题跳读，引用任何一句话。'])
      expect(text).toContain(JSON.stringify(part));
    expect(SITE_CARD_ALT).toBe('会谈 Huitan：会议与圆桌的实录。按发言人筛选，按问题跳读，引用任何一句话。');
  });

  test('draws a 1200×630 PNG, byte for byte the same each time', async () => {
    const [first, second] = [await renderSiteCard(SITE_CARD), await renderSiteCard(SITE_CARD)];
    const view = new DataView(first.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
