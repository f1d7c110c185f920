/** Which page is the same page in the other language (src/lib/i18n/counterparts.ts): pure, from a catalog's shape. */
import { describe, expect, test } from 'vitest';
import type { Catalog, Edition, SpeakerView, TalkView } from '../../src/lib/content/catalog';
import { hreflangLinks } from '../../src/lib/i18n/alternates';
import {
  counterparts,
  originalOf,
  pagePath,
  publishedPages,
  publishes,
  type SitePage,
} from '../../src/lib/i18n/counterparts';

/** Just what publishedPages reads of a talk: its slug and its key quotes' ids. */
const talk = (slug: string, quotes: string[]) =>
  ({ slug, quotes: quotes.map((id) => ({ id })) }) as unknown as TalkView;
const speakers = (...ids: string[]) => new Map(ids.map((id) => [id, { id } as SpeakerView]));

/** Two talks; only the first is translated into English, with one of its two quotes' pages. */
const catalog: Pick<Catalog, 'talks' | 'speakers' | 'translations'> = {
  talks: [talk('translated', ['q1', 'q2']), talk('chinese-only', ['q3'])],
  speakers: speakers('ann', 'bo', 'cy'),
  translations: new Map<string, Edition>([
    ['en', { lang: 'en', talks: [talk('translated', ['q1', 'q2'])], speakers: speakers('ann', 'bo') }],
  ]),
};
const published = publishedPages(catalog);
const untranslated = publishedPages({ ...catalog, translations: new Map() });

describe('counterparts', () => {
  test.each<[string, SitePage, string, string]>([
    ['home', { kind: 'home' }, '/', '/en/'],
    ['reader', { kind: 'reader', talk: 'translated' }, '/translated/', '/en/translated/'],
    ['about page', { kind: 'about', talk: 'translated' }, '/translated/about/', '/en/translated/about/'],
    ['cite page', { kind: 'cite', talk: 'translated' }, '/translated/cite/', '/en/translated/cite/'],
    ['share page', { kind: 'share', talk: 'translated', quote: 'q2' }, '/translated/q/q2/', '/en/translated/q/q2/'],
    ['speaker page', { kind: 'speaker', speaker: 'ann' }, '/speakers/ann/', '/en/speakers/ann/'],
  ])('a translated %s and its original name each other', (_, page, chinese, english) => {
    expect(counterparts(published, 'zh-CN', page)).toEqual([{ lang: 'en', href: english }]);
    expect(counterparts(published, 'en', page)).toEqual([{ lang: 'zh-CN', href: chinese }]);
    expect(originalOf(published, page)).toBe(chinese);
  });

  test.each<[string, SitePage]>([
    ['an untranslated talk’s reader', { kind: 'reader', talk: 'chinese-only' }],
    ['an untranslated talk’s about page', { kind: 'about', talk: 'chinese-only' }],
    ['an untranslated talk’s share page', { kind: 'share', talk: 'chinese-only', quote: 'q3' }],
    ['the page of a speaker of untranslated talks only', { kind: 'speaker', speaker: 'cy' }],
  ])('%s has none', (_, page) => {
    expect(counterparts(published, 'zh-CN', page)).toEqual([]);
    expect(publishes(published, 'en', page)).toBe(false);
  });

  test('a page a locale does not publish has no counterparts there either', () => {
    expect(counterparts(published, 'en', { kind: 'reader', talk: 'chinese-only' })).toEqual([]);
  });

  test('the search page has its English counterpart wherever the English edition publishes pages', () => {
    expect(counterparts(published, 'zh-CN', { kind: 'search' })).toEqual([{ lang: 'en', href: '/en/search/' }]);
    expect(counterparts(published, 'en', { kind: 'search' })).toEqual([{ lang: 'zh-CN', href: '/search/' }]);
    expect(counterparts(untranslated, 'zh-CN', { kind: 'search' })).toEqual([]);
    expect(publishes(untranslated, 'en', { kind: 'search' })).toBe(false);
  });

  test('a locale left out of the search locales has no search page, and no counterpart to one', () => {
    const chineseSearch = publishedPages(catalog, ['zh-CN']);
    expect(publishes(chineseSearch, 'en', { kind: 'search' })).toBe(false);
    expect(counterparts(chineseSearch, 'zh-CN', { kind: 'search' })).toEqual([]);
  });

  test('a site without translations has no English pages and no counterparts at all', () => {
    expect([...untranslated.keys()]).toEqual(['zh-CN']);
    for (const page of [
      { kind: 'home' },
      { kind: 'reader', talk: 'translated' },
      { kind: 'speaker', speaker: 'ann' },
    ] as SitePage[]) {
      expect(counterparts(untranslated, 'zh-CN', page)).toEqual([]);
    }
  });

  test('an edition without talks publishes no home page', () => {
    const empty = publishedPages({
      ...catalog,
      translations: new Map([['en', { lang: 'en', talks: [], speakers: new Map() }]]),
    });
    expect(publishes(empty, 'en', { kind: 'home' })).toBe(false);
  });

  test('pagePath gives the default site’s path of each kind of page', () => {
    expect(pagePath({ kind: 'search' })).toBe('/search/');
    expect(pagePath({ kind: 'share', talk: 't', quote: 'q' })).toBe('/t/q/q/');
  });

  test('hreflang links both ways, x-default naming the Chinese page', () => {
    const absolute = (p: string) => `https://huitan.example${p}`;
    const page: SitePage = { kind: 'reader', talk: 'translated' };
    expect(hreflangLinks('en', absolute('/en/translated/'), counterparts(published, 'en', page), absolute)).toEqual([
      { hreflang: 'en', href: 'https://huitan.example/en/translated/' },
      { hreflang: 'zh-CN', href: 'https://huitan.example/translated/' },
      { hreflang: 'x-default', href: 'https://huitan.example/translated/' },
    ]);
  });
});
