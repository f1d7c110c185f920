/**
 * Reading modes (docs/reading-modes.md): which talks have them and where each mode lives, how a
 * turn's paragraphs pair on the bilingual page, and what the browser remembers, against a fake
 * storage.
 */
import { describe, expect, test } from 'vitest';
import type { TalkView } from '../../src/lib/content/catalog';
import { counterparts, type PublishedPages } from '../../src/lib/i18n/counterparts';
import { bilingualView, modePath, modeTalk, translatedReaderPath, type ModeTalk } from '../../src/lib/reading/modes';
import { idPrefix, pairParagraphs, prefixIds, topLevelBlocks } from '../../src/lib/reading/pairs';
import {
  modeKey,
  modeToVisit,
  rememberMode,
  storedMode,
  type ModeStorage,
  type Visit,
} from '../../src/scripts/reading-mode-state';

/** A talk view with only what the modes read: slug, language, original and translations. */
function talkPair(translationLangs: string[]): { original: TalkView; translations: TalkView[] } {
  const original = { slug: 'a-talk', language: 'zh-CN', translations: new Map() } as unknown as TalkView;
  const translations = translationLangs.map((lang) => {
    const view = { slug: 'a-talk', language: lang, original, translations: new Map() } as unknown as TalkView;
    original.translations.set(lang, view);
    return view;
  });
  return { original, translations };
}

describe('the modes of a talk', () => {
  test('a talk without a translation has none, and no bilingual page in any interface language', () => {
    const { original } = talkPair([]);
    expect(modeTalk(original)).toBeUndefined();
    expect(bilingualView(original, 'zh-CN')).toBeUndefined();
    expect(bilingualView(original, 'en')).toBeUndefined();
  });

  test('a translation into a language the interface does not speak gives no modes', () => {
    expect(modeTalk(talkPair(['fr']).original)).toBeUndefined();
  });

  test('the original and its English translation give the same modes', () => {
    const { original, translations } = talkPair(['fr', 'en']);
    const expected: ModeTalk = { slug: 'a-talk', original: 'zh-CN', translation: 'en' };
    expect(modeTalk(original)).toEqual(expected);
    expect(modeTalk(translations[1]!)).toEqual(expected);
  });

  test('each mode is a page: the two readers, and the bilingual page in the interface language', () => {
    const talk: ModeTalk = { slug: 'a-talk', original: 'zh-CN', translation: 'en' };
    expect(['original', 'translation', 'both'].map((mode) => modePath(mode as never, talk, 'zh-CN'))).toEqual([
      '/a-talk/',
      '/en/a-talk/',
      '/a-talk/both/',
    ]);
    expect(['original', 'translation', 'both'].map((mode) => modePath(mode as never, talk, 'en'))).toEqual([
      '/a-talk/',
      '/en/a-talk/',
      '/en/a-talk/both/',
    ]);
    expect(translatedReaderPath('en', 'a-talk')).toBe('/en/a-talk/');
  });

  test('the bilingual page shows the view in its interface language', () => {
    const { original, translations } = talkPair(['en']);
    expect(bilingualView(original, 'zh-CN')).toBe(original);
    expect(bilingualView(original, 'en')).toBe(translations[0]);
  });

  test('a bilingual page’s counterpart is the other interface language’s, only for a translated talk', () => {
    const locale = (talks: string[]) => ({
      talks: new Set(talks),
      quotes: new Set<string>(),
      speakers: new Set<string>(),
      search: false,
    });
    const published: PublishedPages = new Map([
      ['zh-CN', locale(['a-talk', 'untranslated'])],
      ['en', locale(['a-talk'])],
    ]);
    expect(counterparts(published, 'zh-CN', { kind: 'both', talk: 'a-talk' })).toEqual([
      { lang: 'en', href: '/en/a-talk/both/' },
    ]);
    expect(counterparts(published, 'en', { kind: 'both', talk: 'a-talk' })).toEqual([
      { lang: 'zh-CN', href: '/a-talk/both/' },
    ]);
    expect(counterparts(published, 'zh-CN', { kind: 'both', talk: 'untranslated' })).toEqual([]);
  });
});

describe('paragraph pairs', () => {
  const note = (id: string) =>
    `<span class="note" id="${id}"><button type="button" popovertarget="${id}-text">n</button>` +
    `<span id="${id}-text" popover="auto">t<button popovertarget="${id}-text" popovertargetaction="hide">x</button></span></span>`;

  test('a rendered body splits into its top-level blocks, inline markup kept', () => {
    const html = `<p>一<em>二</em></p>\n<p>三${note('note-a-b')}</p>\n<ul><li><p>四</p></li></ul>`;
    expect(topLevelBlocks(html)).toEqual([
      '<p>一<em>二</em></p>',
      `<p>三${note('note-a-b')}</p>`,
      '<ul><li><p>四</p></li></ul>',
    ]);
  });

  test('prefixing renames every id and each reference to it, and leaves links elsewhere alone', () => {
    const html = `<p><mark class="key-quote" id="quote-q">q</mark>${note('note-a-b')}<a href="#speaker-x">x</a><a href="#quote-q">q</a></p>`;
    const out = prefixIds(html, idPrefix('EN'));
    expect(out).toBe(
      `<p><mark class="key-quote" id="en-quote-q">q</mark>${note('en-note-a-b')}<a href="#speaker-x">x</a><a href="#en-quote-q">q</a></p>`,
    );
  });

  test('paragraph i pairs with paragraph i; different counts name the file', () => {
    expect(pairParagraphs(['<p>一</p>', '<p>二</p>'], ['<p>one</p>', '<p>two</p>'], 'f.md')).toEqual([
      { original: '<p>一</p>', translation: '<p>one</p>' },
      { original: '<p>二</p>', translation: '<p>two</p>' },
    ]);
    expect(() => pairParagraphs(['<p>一</p>', '<p>二</p>'], ['<p>one</p>'], 'translations/en/turns/01-x.md')).toThrow(
      "translations/en/turns/01-x.md: expected as many rendered paragraphs as the original's (2) for the bilingual page, found 1",
    );
  });
});

describe('the remembered mode', () => {
  class FakeStorage implements ModeStorage {
    items = new Map<string, string>();
    getItem(key: string) {
      return this.items.get(key) ?? null;
    }
    setItem(key: string, value: string) {
      this.items.set(key, value);
    }
  }
  const refusing: ModeStorage = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
  };

  test('a picked mode is kept per talk', () => {
    const storage = new FakeStorage();
    rememberMode(storage, modeKey('a-talk'), 'both');
    expect(storedMode(storage, modeKey('a-talk'))).toBe('both');
    expect(storedMode(storage, modeKey('another-talk'))).toBeNull();
    expect([...storage.items.keys()]).toEqual(['huitan-mode:a-talk']);
  });

  test('refused storage and values the site never writes count as nothing remembered', () => {
    expect(storedMode(refusing, modeKey('a-talk'))).toBeNull();
    expect(() => rememberMode(refusing, modeKey('a-talk'), 'both')).not.toThrow();
    expect(storedMode(undefined, modeKey('a-talk'))).toBeNull();
    const storage = new FakeStorage();
    storage.setItem(modeKey('a-talk'), 'javascript:alert(1)');
    expect(storedMode(storage, modeKey('a-talk'))).toBeNull();
  });

  const plain: Visit = {
    stored: 'both',
    current: 'original',
    available: ['original', 'translation', 'both'],
    hash: '',
    search: '',
    navigation: 'navigate',
  };

  test('a plain visit goes to the remembered mode', () => {
    expect(modeToVisit(plain)).toBe('both');
  });

  test.each<[string, Partial<Visit>]>([
    ['nothing is remembered', { stored: null }],
    ['the page is the remembered mode', { stored: 'original' }],
    ['the remembered mode is not offered here', { stored: 'sideways' }],
    ['the link names a turn or quote', { hash: '#yao-rl-breakthrough' }],
    ['the link carries a filter or search words', { search: '?speakers=yao-qizhi' }],
    ['the reader came back', { navigation: 'back_forward' }],
    ['the reader reloaded', { navigation: 'reload' }],
    ['the navigation type is unknown', { navigation: undefined }],
  ])('the page stays when %s', (_, change) => {
    expect(modeToVisit({ ...plain, ...change })).toBeUndefined();
  });
});
