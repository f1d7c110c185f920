/** The search index in dist/pagefind: one language-neutral index for every talk, and one record per turn. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFragment } from '../../src/lib/search/pagefind-files';
import { PAGEFIND_PATCHES } from '../../src/lib/search/pagefind-patch';
import { SEARCH_INDEX_LANGUAGE, searchLanguage } from '../../src/lib/search/records';
import { parseSite, type SearchIndexFiles } from '../../src/lib/search/site-json';
import { readPage } from '../helpers/dist';
import { distDir } from '../helpers/paths';
import { indexedTurnCount, readerPages, sitePages } from '../helpers/site-pages';

const pagefindDir = path.join(distDir, 'pagefind');

describe('the search index', () => {
  test('is one index in one language whatever the talks’ languages, with one record per turn of every reader', () => {
    const entry = JSON.parse(readFileSync(path.join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number; wasm: string | null }>;
    };
    // Every shard's records: the first bundle's fragments plus any other shard's.
    const shards = [
      '',
      ...readdirSync(pagefindDir)
        .filter((name) => name.startsWith('shard-'))
        .map((name) => `${name}/`),
    ];
    const fragments = shards.reduce(
      (sum, shard) => sum + readdirSync(path.join(pagefindDir, shard, 'fragment')).length,
      0,
    );
    const turns = indexedTurnCount(sitePages());
    expect(Object.keys(entry.languages)).toEqual([SEARCH_INDEX_LANGUAGE]);
    // No stemmer: the tokens are not words of any language (lib/search/records.ts SEARCH_INDEX_LANGUAGE).
    expect(entry.languages[SEARCH_INDEX_LANGUAGE]!.wasm).toBeNull();
    expect(fragments).toBe(turns);
    if (shards.length === 1) expect(entry.languages[SEARCH_INDEX_LANGUAGE]!.page_count).toBe(turns);
  });

  test('is split into small chunks, so a query loads only the few its words fall in', () => {
    // One chunk of 27 KB without the chunk size the indexer sets (src/lib/search/records.ts).
    const sizes = readdirSync(path.join(pagefindDir, 'index')).map(
      (file) => statSync(path.join(pagefindDir, 'index', file)).size,
    );
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.max(...sizes)).toBeLessThan(5_000);
  });

  test('publishes each record without the token stream it was indexed from, its text kept for excerpts', () => {
    const folder = path.join(pagefindDir, 'fragment');
    const fragments = readdirSync(folder).map((file) =>
      parseFragment(gunzipSync(readFileSync(path.join(folder, file))).toString('utf8')),
    );
    expect(fragments.length).toBeGreaterThan(0);
    for (const fragment of fragments) {
      expect(fragment.content, fragment.url).toBe('');
      expect((fragment as { meta?: { text?: string } }).meta?.text?.length, fragment.url).toBeGreaterThan(0);
    }
  });

  test('publishes Pagefind’s WebAssembly recompressed: gzip still, smaller than Pagefind writes it', () => {
    const wasm = readFileSync(path.join(pagefindDir, 'wasm.unknown.pagefind'));
    expect([...wasm.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    // Pagefind 1.6 writes this file at 55,386 bytes; Zopfli's gzip of the same bytes is 52,840.
    expect(wasm.length).toBeLessThan(54_000);
    expect(gunzipSync(wasm).subarray(0, 12).toString()).toBe('pagefind_dcd');
  });

  test('publishes Pagefind’s search API but not its unused ready-made UIs', () => {
    expect(existsSync(path.join(pagefindDir, 'pagefind.js'))).toBe(true);
    expect(readdirSync(pagefindDir).filter((file) => /ui|highlight/.test(file))).toEqual([]);
  });

  test('publishes Pagefind’s script minified, its two wait loops checking every millisecond, without Intl.Segmenter, inflating its WebAssembly natively', () => {
    const script = readFileSync(path.join(pagefindDir, 'pagefind.js'), 'utf8');
    for (const patch of PAGEFIND_PATCHES) expect(script.includes(patch.find), patch.name).toBe(false);
    expect(script).toMatch(/for\([^;]*;this\.raw_ptr===null;\)\{[^}]*await \w+\(1\)\}/);
    expect(script).toMatch(/for\([^;]*;this\.primary\.wasm===null;\)await \w+\(1\)/);
    expect(script).not.toContain('asyncSleep');
    expect(script).not.toContain('Intl.Segmenter');
    expect(script).toContain('new DecompressionStream("gzip")');
  });

  test('lists every speaker for the search panel in /search/site.json, not in every page', () => {
    const { speakers } = JSON.parse(readFileSync(path.join(distDir, 'search/site.json'), 'utf8')) as {
      speakers: { id: string; name: string }[];
    };
    const participants = [...readPage('/waic-2023-roundtable/').querySelectorAll('.participant')].map((item) =>
      item.id.replace(/^speaker-/, ''),
    );
    const speakerPages = readdirSync(path.join(distDir, 'speakers')).sort();
    expect(speakers.map((speaker) => speaker.id).sort()).toEqual(speakerPages);
    // In the order they appear on stage: the talk's participants keep theirs, whatever other talks list.
    expect(speakers.map((speaker) => speaker.id).filter((id) => participants.includes(id))).toEqual(participants);
    expect(speakers.find((speaker) => speaker.id === 'yang-zhilin')).toMatchObject({
      name: '杨植麟',
      aliases: ['植麟'],
      color: 'violet',
      initials: '杨',
    });
    for (const page of ['/', '/waic-2023-roundtable/', '/search/']) {
      expect(readPage(page).querySelectorAll('[data-speakers], .search-facet-option[data-facet]'), page).toHaveLength(
        0,
      );
    }
  });

  test('names the speakers in /search/site.json as each edition does: the WAIC talk’s English edition', () => {
    const site = parseSite(JSON.parse(readFileSync(path.join(distDir, 'search/site.json'), 'utf8')));
    const english = site.editions?.['en'] ?? [];
    expect(english.find((speaker) => speaker.id === 'yang-zhilin')).toEqual({
      id: 'yang-zhilin',
      name: 'Yang Zhilin',
      latinName: 'Yang Zhilin',
      aliases: expect.arrayContaining(['杨植麟', '植麟']),
      initials: 'YZ',
    });
    const ids = new Set(site.speakers.map((speaker) => speaker.id));
    expect(english.length).toBeGreaterThan(0);
    expect(english.every((speaker) => ids.has(speaker.id))).toBe(true);
  });

  test('publishes /en/search/ in English, the counterpart of /search/ and back', () => {
    const en = readPage('/en/search/');
    const zh = readPage('/search/');
    expect(en.documentElement.getAttribute('lang')).toBe('en');
    const alternates = (page: Document) =>
      [...page.querySelectorAll('link[rel="alternate"][hreflang]')].map(
        (link) => `${link.getAttribute('hreflang')} ${new URL(link.getAttribute('href')!).pathname}`,
      );
    expect(alternates(en)).toEqual(['en /en/search/', 'zh-CN /search/', 'x-default /search/']);
    expect(alternates(zh)).toEqual(['zh-CN /search/', 'en /en/search/', 'x-default /search/']);
    expect(en.querySelector('form.search-form')?.getAttribute('action')).toBe('/en/search/');
    expect(en.querySelector('.language-switch a')?.getAttribute('href')).toBe('/search/');
  });

  test('names in /search/site.json the metadata and WebAssembly Pagefind’s entry file names, and no shard', () => {
    const { index } = JSON.parse(readFileSync(path.join(distDir, 'search/site.json'), 'utf8')) as {
      index: SearchIndexFiles;
    };
    const entry = JSON.parse(readFileSync(path.join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    // The languages the records are filtered by: listed only when the readers' turns are in several.
    const languages = [
      ...new Set(
        readerPages(sitePages()).flatMap((page) =>
          [...page.document.querySelectorAll('article.turn')]
            .filter((turn) => !turn.closest('[data-pagefind-ignore]'))
            .map((turn) => searchLanguage(turn.closest('[lang]')?.getAttribute('lang') ?? '')),
        ),
      ),
    ].sort();
    expect(index).toEqual({
      meta: `pagefind.${entry.languages['zh-cn']!.hash}.pf_meta`,
      wasm: 'wasm.unknown.pagefind',
      shards: [],
      ...(languages.length > 1 ? { languages } : {}),
    });
    expect(parseSite({ speakers: [], index }).index).toEqual(index);
    for (const file of [index.meta, index.wasm]) expect(existsSync(path.join(pagefindDir, file)), file).toBe(true);
  });

  test('the reader page loads no search code until search is opened', () => {
    const page = readPage('/waic-2023-roundtable/');
    expect(
      [...page.querySelectorAll('script[src], link[href]')].filter((tag) =>
        /pagefind|search/.test(tag.getAttribute('src') ?? tag.getAttribute('href') ?? ''),
      ),
    ).toEqual([]);
    // The site's inline script imports the panel and Pagefind only as the dialog opens (the
    // panel's entry is the search page view's script, SearchView.astro).
    const site = page.querySelector('script')?.textContent ?? '';
    expect(site).toMatch(/import\("\/_astro\/SearchView\.astro[^"]*\.js"\)/);
    expect(site).not.toMatch(/^import\b|[;}]import[\s{"']/);
  });
});
