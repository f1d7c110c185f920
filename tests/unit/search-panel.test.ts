/**
 * <ht-search-panel> (src/scripts/search-panel.ts) in a linkedom page, rendered by SearchPanel.astro
 * and searching a fake Pagefind (tests/helpers/fake-pagefind.ts) put where the loader imports
 * pagefind.js: a query that answers after a newer one is dropped, failures show the panel's error
 * message, and results come 10 at a time.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import SearchPanel from '../../src/components/SearchPanel.astro';
import { FakePagefind, fakeModule, type FakeTurn } from '../helpers/fake-pagefind';
import { scriptPage, type ScriptPage } from '../helpers/script-dom';
import { scriptText as enText } from '../../src/lib/i18n/en';
import { scriptText as zhText } from '../../src/lib/i18n/zh-CN';

const BASE = '/fake-site/';
const PAGEFIND_JS = `${BASE}pagefind/pagefind.js`;
const FAILED = '搜索暂时无法使用，请稍后再试。';
const speakers = [
  { id: 'yao', name: '姚期智', latinName: 'Yao Qizhi', aliases: [], color: 'teal', initials: '姚' },
  { id: 'pan', name: '潘新钢', latinName: 'Pan Xingang', aliases: [], color: 'amber', initials: '潘' },
];
const turns: FakeTurn[] = [
  { talk: 'a', speaker: 'yao', text: '多模态的补全与对齐。' },
  { talk: 'a', speaker: 'pan', text: '幻觉是个大问题。' },
  { talk: 'b', speaker: 'yao', text: '我们讨论多模态和幻觉。' },
];

let markup = '';
let page: ScriptPage;

beforeAll(async () => {
  const container = await AstroContainer.create();
  // turns: 0 keeps the background warm-up (search-engine.ts warmUp) out of these tests.
  const html = await container.renderToString(SearchPanel, { props: { idPrefix: 'dialog', turns: 0, mode: 'dialog' } });
  markup = html.replace(/data-base="[^"]*"/, `data-base="${BASE}"`);
});

beforeEach(() => {
  vi.resetModules();
  page = scriptPage();
  vi.stubGlobal('fetch', () => Promise.resolve({ ok: true, json: () => Promise.resolve({ speakers }) }));
});

afterEach(() => {
  vi.doUnmock(PAGEFIND_JS);
  page.close();
  vi.restoreAllMocks();
});

/** The panel on the page, searching `fake` (or failing to load Pagefind when there is none). */
async function openPanel(fake: FakePagefind | undefined) {
  if (fake) vi.doMock(PAGEFIND_JS, () => fakeModule(fake));
  await import('../../src/scripts/search-panel');
  page.mount(markup);
  const panel = page.document.querySelector<HTMLElement>('ht-search-panel')!;
  const input = panel.querySelector<HTMLInputElement>('.search-input')!;
  const form = panel.querySelector<HTMLFormElement>('.search-form')!;
  return {
    /** Submits `query` as Enter would; resolves at once, while the search runs. */
    submit(query: string) {
      input.value = query;
      form.dispatchEvent(new Event('submit', { cancelable: true }));
    },
    settled: () => vi.waitFor(() => expect(panel.hasAttribute('aria-busy')).toBe(false)),
    status: () => panel.querySelector('.search-status')!.textContent,
    /** The results' links, decoded (linkedom and browsers differ in how they store an encoded href). */
    results: () =>
      [...panel.querySelectorAll('.search-results a')].map((link) => decodeURIComponent(link.getAttribute('href')!)),
    more: () => panel.querySelector<HTMLButtonElement>('.search-more')!,
  };
}

/** Lets every pending promise and timer of the page settle. */
const drain = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a query overtaken by a newer one', () => {
  test('is dropped when it answers last: the newer query’s results stay', async () => {
    const fake = new FakePagefind(turns);
    const panel = await openPanel(fake);
    const release = fake.hold('"q26y5k1 q5k13k1"'); // 多模态
    panel.submit('多模态');
    await vi.waitFor(() => expect(fake.searchedTerms).toContain('"q26y5k1 q5k13k1"'));
    panel.submit('幻觉');
    await panel.settled();
    expect(panel.status()).toBe('找到 2 段包含“幻觉”的发言');
    release();
    await vi.waitFor(() => expect(fake.fetched).toContain(fake.idOf('/a/#yao-1'))); // 多模态's own record
    await drain();
    expect(panel.status()).toBe('找到 2 段包含“幻觉”的发言');
    expect(panel.results()).toEqual(['/a/?hl=幻觉#pan-2', '/b/?hl=幻觉#yao-1']);
  });

  test('is dropped when it fails last: no error replaces the newer results', async () => {
    const fake = new FakePagefind(turns);
    const panel = await openPanel(fake);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const release = fake.hold('"q26y5k1 q5k13k1"');
    panel.submit('多模态');
    await vi.waitFor(() => expect(fake.searchedTerms).toContain('"q26y5k1 q5k13k1"'));
    panel.submit('幻觉');
    await panel.settled();
    fake.searchError = new Error('fake: search failed');
    release();
    await drain();
    expect(panel.status()).toBe('找到 2 段包含“幻觉”的发言');
    expect(panel.results()).toHaveLength(2);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('failures', () => {
  test('a failed search shows the error message and no results; the next search works', async () => {
    const fake = new FakePagefind(turns);
    const panel = await openPanel(fake);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    panel.submit('幻觉');
    await panel.settled();
    expect(panel.results()).toHaveLength(2);

    fake.searchError = new Error('fake: search failed');
    panel.submit('多模态');
    await panel.settled();
    expect(panel.status()).toBe(FAILED);
    expect(panel.results()).toEqual([]);
    expect(panel.more().hidden).toBe(true);
    expect(warn).toHaveBeenCalledWith('search failed', fake.searchError);

    fake.searchError = undefined;
    panel.submit('多模态');
    await panel.settled();
    expect(panel.status()).toBe('找到 2 段包含“多模态”的发言');
  });

  test('Pagefind that cannot be loaded shows the error message', async () => {
    const panel = await openPanel(undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    panel.submit('幻觉');
    await panel.settled();
    expect(panel.status()).toBe(FAILED);
    expect(warn).toHaveBeenCalledOnce();
  });

  test('Pagefind that fails to start shows the error message', async () => {
    const fake = new FakePagefind(turns);
    fake.initError = new Error('fake: WebAssembly failed');
    const panel = await openPanel(fake);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    panel.submit('幻觉');
    await panel.settled();
    expect(panel.status()).toBe(FAILED);
  });
});

describe('paging', () => {
  test('shows 10 results, then 10 more per click on 显示更多, then hides the button', async () => {
    const many = Array.from({ length: 25 }, (_, n): FakeTurn => ({
      talk: 'a',
      speaker: 'yao',
      text: `第${n + 1}段讲算力。`,
    }));
    const fake = new FakePagefind(many);
    const panel = await openPanel(fake);
    panel.submit('算力');
    await panel.settled();
    expect(panel.status()).toBe('找到 25 段包含“算力”的发言');
    expect(panel.results()).toHaveLength(10);
    expect(fake.fetched).toHaveLength(10);
    expect(panel.more().hidden).toBe(false);

    panel.more().dispatchEvent(new Event('click'));
    await panel.settled();
    expect(panel.results()).toHaveLength(20);
    expect(fake.fetched).toHaveLength(20);
    panel.more().dispatchEvent(new Event('click'));
    await panel.settled();
    expect(panel.results()).toHaveLength(25);
    expect(panel.results()[24]).toMatch(/#yao-25$/);
    expect(panel.more().hidden).toBe(true);
  });
});

describe('a search page in English on a site with an English edition', () => {
  const edition: FakeTurn[] = [
    { talk: 'a', speaker: 'yao', anchor: 't1', text: '幻觉和GAN。' },
    { talk: 'a', speaker: 'pan', anchor: 't2', text: 'DragGAN也用GAN。' },
    { talk: 'a', speaker: 'yao', anchor: 't1', language: 'en', translation: true, text: 'Hallucinations and GANs.' },
    { talk: 'a', speaker: 'pan', anchor: 't2', language: 'en', translation: true, text: 'DragGAN does too.' },
  ];
  const site = {
    speakers,
    editions: {
      en: [{ id: 'yao', name: 'Andrew Yao', latinName: 'Andrew Yao', aliases: ['姚期智'], initials: 'AY' }],
    },
    index: { meta: 'pagefind.x.pf_meta', wasm: 'wasm.unknown.pagefind', shards: [], languages: ['en', 'zh'] },
  };

  beforeEach(() => {
    page.document.documentElement.lang = 'en';
    vi.stubGlobal('fetch', () => Promise.resolve({ ok: true, json: () => Promise.resolve(site) }));
  });

  test('lists the English turns first; a Chinese one says so and carries its lang', async () => {
    const fake = new FakePagefind(edition);
    const panel = await openPanel(fake);
    panel.submit('gan');
    await panel.settled();
    expect(panel.results()).toEqual(['/en/a/?hl=gan#t1']);
    expect(panel.status()).toBe('1 turn with “gan”, and 2 turns in Chinese');
    // The Chinese ones wait for the reader to ask: their records are not fetched before.
    expect(fake.fetched).toEqual([fake.idOf('/en/a/#t1')]);
    const others = page.document.querySelector<HTMLButtonElement>('.search-others')!;
    expect(others.hidden).toBe(false);
    expect(others.textContent).toBe('Show 2 turns in Chinese');
    others.dispatchEvent(new Event('click'));
    await panel.settled();
    expect(others.hidden).toBe(true);
    expect(panel.results()).toEqual(['/en/a/?hl=gan#t1', '/a/?hl=gan#t1', '/a/?hl=gan#t2']);
    expect(panel.status()).toBe('1 turn with “gan”, and 2 turns in Chinese');
    const [english, chinese] = [...page.document.querySelectorAll('.search-result')];
    expect(english!.querySelector('.search-result-language')).toBeNull();
    expect(english!.querySelector('.search-result-excerpt')!.getAttribute('lang')).toBeNull();
    expect(chinese!.querySelector('.search-result-language')!.textContent).toBe('Shown in Chinese');
    expect(chinese!.querySelector('.search-result-excerpt')!.getAttribute('lang')).toBe('zh-CN');
    // Speakers are named as the English edition names them, on results in either language.
    const names = [...page.document.querySelectorAll('.search-result-speaker')].map((name) => name.textContent);
    expect(names).toEqual(['Andrew Yao', 'Andrew Yao', '潘新钢']);
    const facet = [...page.document.querySelectorAll('.search-facet-speaker .search-facet-option')];
    expect(facet.map((option) => option.textContent?.replace(/\s+/g, ' ').trim())).toContain('AYAndrew Yao1');
  });

  test('a Chinese query finds the Chinese turns, counted and said to be in Chinese', async () => {
    const panel = await openPanel(new FakePagefind(edition));
    panel.submit('幻觉');
    await panel.settled();
    expect(panel.results()).toEqual(['/a/?hl=幻觉#t1']);
    expect(page.document.querySelector<HTMLButtonElement>('.search-others')!.hidden).toBe(true);
    expect(panel.status()).toBe('1 turn with “幻觉” in Chinese');
  });

  test('the original name of a speaker still lists their turns, their English ones first', async () => {
    const panel = await openPanel(new FakePagefind(edition));
    panel.submit('姚期智');
    await panel.settled();
    expect(panel.results()).toEqual(['/en/a/#t1']);
    expect(panel.status()).toBe('Everything Andrew Yao said: 1 turn, and 1 turn in Chinese');
    page.document.querySelector('.search-others')!.dispatchEvent(new Event('click'));
    await panel.settled();
    expect(panel.results()).toEqual(['/en/a/#t1', '/a/#t1']);
  });
});

describe('how a result in another language says so', () => {
  const text = { shownIn: zhText.search.shownIn, languages: zhText.search.languages };
  /** The panel's module, imported once the test's page exists (it reads the page's language). */
  const panelModule = () => import('../../src/scripts/search-panel');
  test.each([
    [{ language: 'en', url: '/en/a/#t1', talk: 'a' }, 'zh-CN', { tag: 'en', label: '英文译文' }],
    [{ language: 'en', url: '/base/a/#t1', talk: 'a' }, 'zh-CN', { tag: 'en', label: '英文原文' }],
    [{ url: '/a/#t1', talk: 'a' }, 'zh-CN', null],
    [{ language: 'zh-TW', url: '/a/#t1', talk: 'a' }, 'zh-CN', null],
  ])('%j on a page in %s', async (hit, lang, expected) => {
    const { resultLanguage } = await panelModule();
    expect(resultLanguage(hit, lang, text)).toEqual(expected);
  });

  test('a language the dictionary does not name is named by the browser', async () => {
    const { languageName, resultLanguage } = await panelModule();
    expect(languageName('ja', 'en', enText.search.languages)).toBe('Japanese');
    expect(resultLanguage({ url: '/a/#t1', talk: 'a' }, 'en', enText.search)).toEqual({
      tag: 'zh-CN',
      label: 'Shown in Chinese',
    });
  });
});
