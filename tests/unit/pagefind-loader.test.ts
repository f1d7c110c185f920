/**
 * Loading Pagefind and /search/site.json (src/scripts/pagefind-loader.ts) with a fake pagefind.js
 * (tests/helpers/fake-pagefind.ts) put at the URL the loader imports: how Pagefind is started,
 * that it is loaded once, and that a failed load is reported and can be retried.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FakePagefind, fakeModule } from '../helpers/fake-pagefind';

const BASE = '/fake-site/';
const PAGEFIND_JS = `${BASE}pagefind/pagefind.js`;
const index = { meta: 'pagefind.zh-cn_abc.pf_meta', wasm: 'wasm.unknown.pagefind', shards: ['shard-2/', 'shard-3/'] };
const speaker = { id: 'yao', name: '姚期智', latinName: 'Yao Qizhi', aliases: [], color: 'teal', initials: '姚' };

/** fetch() answering site.json with `body` (or failing), recording what was asked. */
function stubFetch(answer: () => Promise<{ ok: boolean; json(): Promise<unknown> }>): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    asked.push(url);
    return answer();
  });
  return asked;
}

const siteJson = (body: unknown) => () => Promise.resolve({ ok: true, json: () => Promise.resolve(body) });

/** The loader as a page would first load it: no Pagefind, no site.json yet. */
const freshLoader = () => import('../../src/scripts/pagefind-loader');

let fake: FakePagefind;

beforeEach(() => {
  vi.resetModules();
  fake = new FakePagefind([{ talk: 'a', speaker: 'yao', text: '多模态。' }]);
  vi.doMock(PAGEFIND_JS, () => fakeModule(fake));
  vi.stubGlobal('document', parseHTML('<html><head></head><body></body></html>').document);
});

afterEach(() => {
  vi.doUnmock(PAGEFIND_JS);
  vi.unstubAllGlobals();
});

describe('loadPagefind', () => {
  test('starts Pagefind on the main thread without excerpts, then merges a large site’s other shards', async () => {
    const asked = stubFetch(siteJson({ speakers: [speaker], index }));
    const { loadPagefind } = await freshLoader();
    await loadPagefind(BASE);
    expect(asked).toEqual([`${BASE}search/site.json`]);
    expect(fake.calls).toEqual([
      { method: 'options', options: { baseUrl: BASE, excerptLength: 0, noWorker: true } },
      { method: 'init' },
      { method: 'mergeIndex', term: `${BASE}pagefind/shard-2/`, options: { baseUrl: BASE, excerptLength: 0 } },
      { method: 'mergeIndex', term: `${BASE}pagefind/shard-3/`, options: { baseUrl: BASE, excerptLength: 0 } },
    ]);
  });

  test('loads once however often it is asked', async () => {
    const asked = stubFetch(siteJson({ speakers: [speaker] }));
    const { loadPagefind, loadSite } = await freshLoader();
    const [first, second] = await Promise.all([loadPagefind(BASE), loadPagefind(BASE)]);
    expect(second).toBe(first);
    expect(await loadPagefind(BASE)).toBe(first);
    expect((await loadSite(BASE)).speakers).toEqual([speaker]);
    expect(fake.calls.filter((call) => call.method === 'init')).toHaveLength(1);
    expect(asked).toHaveLength(1);
  });

  test('preloads the index’s start files when site.json arrives before pagefind.js', async () => {
    stubFetch(siteJson({ speakers: [], index: { ...index, shards: [] } }));
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    vi.doMock(PAGEFIND_JS, async () => {
      await arrived;
      return fakeModule(fake);
    });
    const { loadPagefind } = await freshLoader();
    const loaded = loadPagefind(BASE);
    await vi.waitFor(() => expect(document.head.querySelectorAll('link[rel="preload"]')).toHaveLength(2));
    arrive();
    await loaded;
    // linkedom reflects href and rel as attributes, but not `as` and `crossOrigin`: read the properties.
    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')];
    expect(links.map((link) => [link.getAttribute('href'), link.as, link.crossOrigin])).toEqual([
      [`${BASE}pagefind/${index.meta}`, 'fetch', 'anonymous'],
      [`${BASE}pagefind/${index.wasm}`, 'fetch', 'anonymous'],
    ]);
  });

  test('preloads nothing when site.json arrives after Pagefind has started (it fetches its files itself)', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    stubFetch(async () => {
      await answered;
      return { ok: true, json: () => Promise.resolve({ speakers: [], index: { ...index, shards: [] } }) };
    });
    const { loadPagefind } = await freshLoader();
    const loaded = loadPagefind(BASE);
    await vi.waitFor(() => expect(fake.calls.map((call) => call.method)).toContain('init'));
    answer();
    await loaded;
    expect(document.head.querySelectorAll('link')).toHaveLength(0);
  });

  test.each([
    ['fetch fails', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['site.json is missing', () => Promise.resolve({ ok: false, json: () => Promise.reject(new Error('not JSON')) })],
    [
      'site.json is not JSON',
      () => Promise.resolve({ ok: true, json: () => Promise.reject(new SyntaxError('bad JSON')) }),
    ],
    [
      'site.json names a shard outside pagefind/',
      siteJson({ speakers: [speaker], index: { ...index, shards: ['../x/'] } }),
    ],
  ])('still starts Pagefind when %s, with no speakers or shards from it', async (_name, answer) => {
    stubFetch(answer);
    const { loadPagefind, loadSite } = await freshLoader();
    await expect(loadPagefind(BASE)).resolves.toBeDefined();
    expect(fake.calls.map((call) => call.method)).toEqual(['options', 'init']);
    const site = await loadSite(BASE);
    expect(site.index).toBeUndefined();
  });
});

describe('a failed load', () => {
  test('rejects when pagefind.js cannot be loaded', async () => {
    stubFetch(siteJson({ speakers: [] }));
    const { loadPagefind } = await freshLoader();
    await expect(loadPagefind('/no-such-site/')).rejects.toThrow();
  });

  test('rejects when Pagefind fails to start, and the next call starts it again', async () => {
    stubFetch(siteJson({ speakers: [] }));
    fake.initError = new Error('fake: WebAssembly failed');
    const { loadPagefind } = await freshLoader();
    await expect(loadPagefind(BASE)).rejects.toThrow('fake: WebAssembly failed');
    fake.initError = undefined;
    await expect(loadPagefind(BASE)).resolves.toBeDefined();
    expect(fake.calls.filter((call) => call.method === 'init')).toHaveLength(2);
  });
});
