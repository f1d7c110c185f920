import { describe, expect, test } from 'vitest';
import { citeApa, citeGbt7714, isoDay, quoteWithAttribution, type CitationInput } from '../../src/lib/sharing/citation';

const input: CitationInput = {
  author: '姚期智',
  title: '创想共论·智变可能',
  subtitle: 'WAIC 2023 开幕式圆桌论坛',
  date: '2023-07-06',
  url: 'https://example.org/waic-2023-roundtable/#yao-rl-breakthrough',
};

describe('quoteWithAttribution', () => {
  test('puts the words in Chinese quotation marks, then ——speaker，talk and the URL', () => {
    expect(
      quoteWithAttribution('自主学习各种的新技能。', '姚期智', 'WAIC 2023 开幕式圆桌论坛', 'https://example.org/q/x/'),
    ).toBe('“自主学习各种的新技能。” ——姚期智，WAIC 2023 开幕式圆桌论坛 https://example.org/q/x/');
  });
});

describe('citeGbt7714', () => {
  test('formats an online electronic resource with the access date', () => {
    expect(citeGbt7714({ ...input, accessed: '2025-01-09' })).toBe(
      '姚期智. 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛[EB/OL]. 会谈 Huitan, 2023-07-06[2025-01-09]. https://example.org/waic-2023-roundtable/#yao-rl-breakthrough.',
    );
  });

  test('leaves the access date out when it is not known (the page adds it in the browser)', () => {
    expect(citeGbt7714({ ...input, subtitle: undefined })).toBe(
      '姚期智. 创想共论·智变可能[EB/OL]. 会谈 Huitan, 2023-07-06. https://example.org/waic-2023-roundtable/#yao-rl-breakthrough.',
    );
  });

  test('rejects a date that is not ISO', () => {
    expect(() => citeGbt7714({ ...input, date: '2023/7/6' })).toThrow(
      'expected an ISO date YYYY-MM-DD, found "2023/7/6"',
    );
  });
});

describe('citeApa', () => {
  test('formats author, date, title, description, site and URL', () => {
    expect(citeApa(input)).toBe(
      '姚期智. (2023, July 6). 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛 [Transcript]. 会谈 Huitan. https://example.org/waic-2023-roundtable/#yao-rl-breakthrough',
    );
  });
});

describe('isoDay', () => {
  test('writes the local calendar day with zero padding', () => {
    expect(isoDay(new Date(2025, 0, 9, 23, 30))).toBe('2025-01-09');
  });
});
