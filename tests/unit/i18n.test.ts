import { describe, expect, test } from 'vitest';
import { en, scriptText as enScripts } from '../../src/lib/i18n/en';
import { zhCN, scriptText as zhScripts } from '../../src/lib/i18n/zh-CN';
import { countOf, englishDate, isoParts } from '../../src/lib/i18n/grammar';
import { scriptTextFor } from '../../src/lib/i18n/script-text';
import { DEFAULT_LOCALE, isLocale, LOCALES, ui } from '../../src/lib/i18n/ui';
import { hreflangLinks } from '../../src/lib/i18n/alternates';
import { formatDate } from '../../src/lib/text/format';

type Tree = { [key: string]: unknown };

/** Every leaf of a dictionary as [dotted key, value]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? leaves(value as Tree, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

/** Sample arguments for a dictionary function, by parameter name: counts, a unit, a flag, a date, else words. */
const SAMPLE: Record<string, unknown> = { unit: 'words', host: true, iso: '2023-07-06' };
const NUMBERS =
  /^(count|turns|length|minutes|position|total|found|shown|paragraphs|sections|talks|corrections|perMinute)$/;

function call(fn: (...args: never[]) => unknown): unknown {
  const params = /^(?:function\s*\w*)?\s*\(?([^)=]*)\)?\s*=>|^function\s*\w*\(([^)]*)\)/.exec(fn.toString());
  const names = (params?.[1] ?? params?.[2] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const args = names.map((name) => (name in SAMPLE ? SAMPLE[name] : NUMBERS.test(name) ? 2 : 'Word'));
  return (fn as (...args: unknown[]) => unknown)(...args);
}

describe('the dictionaries', () => {
  const zhLeaves = leaves(zhCN as unknown as Tree);
  const enLeaves = leaves(en as unknown as Tree);

  test('have exactly the same keys, with the same kind of value', () => {
    expect(enLeaves.map(([key]) => key)).toEqual(zhLeaves.map(([key]) => key));
    const kinds = (list: [string, unknown][]) => list.map(([key, value]) => `${key}:${typeof value}`);
    expect(kinds(enLeaves)).toEqual(kinds(zhLeaves));
  });

  test.each([
    ['zh-CN', zhLeaves],
    ['en', enLeaves],
  ])('%s has no empty string, and every function says something', (_, list) => {
    for (const [key, value] of list) {
      const said = typeof value === 'function' ? call(value as (...args: never[]) => unknown) : value;
      expect(typeof said === 'string' && said.trim().length > 0, key).toBe(true);
      expect(said, key).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  test('the script words are the dictionaries’ own parts', () => {
    expect(zhCN.scripts).toBe(zhScripts);
    expect(en.scripts).toBe(enScripts);
  });

  test('a locale picks its dictionary; only the two interface languages are locales', () => {
    expect(ui('en')).toBe(en);
    expect(ui(DEFAULT_LOCALE)).toBe(zhCN);
    expect(LOCALES).toEqual(['zh-CN', 'en']);
    expect([isLocale('en'), isLocale('zh-CN'), isLocale('EN'), isLocale('fr'), isLocale('')]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  test('English text holds no Chinese, except the brand’s Chinese name and mark', () => {
    const han = enLeaves.filter(([, value]) => typeof value === 'string' && /\p{Script=Han}/u.test(value));
    expect(han.map(([key]) => key)).toEqual(['site.ogSiteName', 'site.brandMark', 'site.brandOther']);
  });
});

describe('English counts and dates', () => {
  test.each([
    [0, 'turn', undefined, '0 turns'],
    [1, 'turn', undefined, '1 turn'],
    [2, 'turn', undefined, '2 turns'],
    [1, 'person', 'people', '1 person'],
    [3, 'person', 'people', '3 people'],
    [3856, 'word', undefined, '3,856 words'],
  ])('%i %s → %s', (count, one, other, expected) => {
    expect(countOf(count, one, other)).toBe(expected);
  });

  test('dictionary sentences use the plural rules', () => {
    expect(en.talkCard.more(1, 1)).toBe('1 turn · 1 topic');
    expect(en.talkCard.more(13, 5)).toBe('13 turns · 5 topics');
    expect(en.scripts.filter.all(1)).toBe('Showing all 1 turn');
    expect(en.scripts.filter.some(2, 13)).toBe('Showing 2 of 13 turns');
    expect(en.talkHeader.lengthText(1, 'words', 1, 1)).toBe('1 word, 1 turn, about 1 minute to read');
    expect(en.stats.segment(3, 'Yang Zhilin', 240, 'words')).toBe('Turn 3: Yang Zhilin, 240 words');
    expect(en.speaker.count(1, 4)).toBe('1 conversation, 4 turns');
  });

  test('Chinese sentences keep their measure words and no plurals', () => {
    expect(zhCN.talkCard.more(1, 1)).toBe('1 段发言 · 1 个话题');
    expect(zhCN.talkHeader.lengthText(3856, 'characters', 13, 10)).toBe('全文3856字，13段发言，约10分钟读完');
  });

  test('dates: the same ISO day in each language, and a bad date is refused', () => {
    expect(formatDate('2023-07-06')).toBe('2023年7月6日');
    expect(formatDate('2023-07-06', 'en')).toBe('July 6, 2023');
    expect(englishDate('2024-12-31')).toBe('December 31, 2024');
    expect(isoParts('2023-01-09')).toEqual([2023, 1, 9]);
    expect(() => formatDate('6 July 2023', 'en')).toThrow('expected an ISO date YYYY-MM-DD, found "6 July 2023"');
  });
});

describe('the browser scripts’ words', () => {
  test.each([
    ['en', enScripts],
    ['en-GB', enScripts],
    ['EN', enScripts],
    ['zh-CN', zhScripts],
    ['', zhScripts],
    ['fr', zhScripts],
  ])('a page in %j gets its language’s words (Chinese by default)', (lang, expected) => {
    expect(scriptTextFor(lang)).toBe(expected);
  });
});

describe('hreflang links', () => {
  const absolute = (path: string) => `https://huitan.example${path}`;

  test('a page without counterparts has none', () => {
    expect(hreflangLinks('zh-CN', 'https://huitan.example/t/', [], absolute)).toEqual([]);
  });

  test('an English page names itself, the Chinese page, and the Chinese page as x-default', () => {
    expect(hreflangLinks('en', 'https://huitan.example/en/t/', [{ lang: 'zh-CN', href: '/t/' }], absolute)).toEqual([
      { hreflang: 'en', href: 'https://huitan.example/en/t/' },
      { hreflang: 'zh-CN', href: 'https://huitan.example/t/' },
      { hreflang: 'x-default', href: 'https://huitan.example/t/' },
    ]);
  });

  test('a Chinese page is its own x-default', () => {
    expect(hreflangLinks('zh-CN', 'https://huitan.example/t/', [{ lang: 'en', href: '/en/t/' }], absolute)).toEqual([
      { hreflang: 'zh-CN', href: 'https://huitan.example/t/' },
      { hreflang: 'en', href: 'https://huitan.example/en/t/' },
      { hreflang: 'x-default', href: 'https://huitan.example/t/' },
    ]);
  });
});
