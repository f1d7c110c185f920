/**
 * Search timing in a real browser, the same way for the site and for the baseline.
 *
 * Cold: a fresh browser context (empty cache) loads a reader page and waits for the network to
 * settle; the clock then starts, the search UI is opened and the query submitted at once (no
 * typing delay), and stops when the results are on screen. It therefore includes everything
 * search needs that the page did not load: for this site the dialog's code and Pagefind's
 * start-up (its script, WebAssembly and index), for the baseline Pagefind's start-up. Bytes are
 * what the network transferred from the start of the clock until the results showed.
 * Warm: the same query again and then the other queries, on the same page.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { median } from './stats';

export interface SearchTarget {
  /** The page a reader searches from. */
  url: string;
  /** Opens the search UI, runs `query` and resolves with its duration in ms, measured in the page. */
  query(page: Page, query: string, first: boolean): Promise<number>;
}

export interface SearchSample {
  query: string;
  coldMs: number;
  warmMs: number;
  coldBytes: number;
  /** The cold query's requests and bytes by kind of file (see `fileKind`): what its cost is made of. */
  coldByKind: Record<string, { requests: number; bytes: number }>;
  /** Results shown for the cold query (a sanity check that the search found something). */
  results: number;
}

/**
 * What a fetched URL is, for the byte breakdown: Pagefind's script, WebAssembly, metadata, index
 * chunks, filter files and fragments (one per record), or anything else (the panel's code).
 */
export function fileKind(url: string): string {
  const file = new URL(url).pathname.split('/').pop() ?? '';
  if (file === 'pagefind.js') return 'pagefind.js';
  if (file.startsWith('wasm.')) return 'wasm';
  const extension = /\.pf_(meta|index|filter|fragment)$/.exec(file)?.[1];
  return extension ?? 'other';
}

export const SEARCH_QUERIES = ['幻觉', '多模态', '自主学习各种', 'DragGAN', 'moe', 'GAN 扩散模型', '杨植麟'] as const;

/** This site: the header field's dialog (<ht-search-field>), its panel signals the end by dropping aria-busy. */
export function siteTarget(url: string): SearchTarget {
  return {
    url,
    query: (page, query, first) =>
      page.evaluate(
        async ({ q, open }) => {
          const started = performance.now();
          if (open) {
            const launcher = document.querySelector('ht-search-field') as
              (HTMLElement & { open(initial: string): Promise<void> }) | null;
            if (!launcher) throw new Error('expected <ht-search-field> on the page, found none');
            await customElements.whenDefined('ht-search-field');
            // open('') shows the dialog and imports the panel; the query is then submitted at once.
            await launcher.open('');
            await customElements.whenDefined('ht-search-panel');
          }
          const panel = document.querySelector('dialog ht-search-panel') ?? document.querySelector('ht-search-panel');
          if (!panel) throw new Error('expected <ht-search-panel>, found none');
          const input = panel.querySelector<HTMLInputElement>('.search-input')!;
          await new Promise<void>((resolve) => {
            const observer = new MutationObserver(() => {
              if (!panel.hasAttribute('aria-busy')) {
                observer.disconnect();
                resolve();
              }
            });
            observer.observe(panel, { attributes: true, attributeFilter: ['aria-busy'] });
            input.value = q;
            input.form!.requestSubmit();
          });
          return performance.now() - started;
        },
        { q: query, open: first },
      ),
  };
}

/** Results the site's panel shows. */
export const siteResults = (page: Page) => page.locator('dialog ht-search-panel .search-result').count();

/**
 * The baseline: Pagefind's default UI. Its input is debounced (debounceTimeoutMs, set to 0 on
 * the baseline page so no delay is timed); the search is done when the message announces the
 * count for this query and every result's title has loaded (the UI shows placeholders first).
 */
export function baselineTarget(url: string): SearchTarget {
  return {
    url,
    query: (page, query) =>
      page.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
        if (!input) throw new Error('expected Pagefind UI’s search input, found none');
        const root = document.querySelector('.pagefind-ui')!;
        // The UI ignores a query equal to the last one: clear it first (untimed) so it searches again.
        if (input.value === q) {
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const started = performance.now();
        const done = () => {
          const message = root.querySelector('.pagefind-ui__message')?.textContent ?? '';
          if (!message.includes(q) || /正在搜索|Searching/.test(message)) return false;
          const results = root.querySelectorAll('.pagefind-ui__result');
          return [...results].every((result) => result.querySelector('.pagefind-ui__result-link') !== null);
        };
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`Pagefind UI showed no results for ${q} within 10 s`)),
            10_000,
          );
          const observer = new MutationObserver(() => {
            if (done()) {
              clearTimeout(timer);
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
        return performance.now() - started;
      }, query),
  };
}

export const baselineResults = (page: Page) => page.locator('.pagefind-ui__result').count();

async function sampleOnce(
  browser: Browser,
  target: SearchTarget,
  query: string,
  queries: readonly string[],
  countResults: (page: Page) => Promise<number>,
): Promise<SearchSample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(target.url, { waitUntil: 'networkidle' });
    let bytes = 0;
    const byKind: Record<string, { requests: number; bytes: number }> = {};
    const pending: Promise<void>[] = [];
    const count = (request: Request) => {
      pending.push(
        request.sizes().then((sizes) => {
          const size = sizes.responseBodySize + sizes.responseHeadersSize;
          bytes += size;
          const kind = (byKind[fileKind(request.url())] ??= { requests: 0, bytes: 0 });
          kind.requests += 1;
          kind.bytes += size;
        }),
      );
    };
    page.on('requestfinished', count);
    const coldMs = await target.query(page, query, true);
    // Only the cold query's requests count. Left listening, a request of the warm queries (or of
    // the index loading after the first results) could still be reading its sizes as the context
    // closes, and its rejection would end the bench.
    page.off('requestfinished', count);
    await Promise.all(pending);
    const coldBytes = bytes;
    const coldByKind = structuredClone(byKind);
    const results = await countResults(page);
    const warm: number[] = [];
    for (const other of [query, ...queries.filter((q) => q !== query)])
      warm.push(await target.query(page, other, false));
    return { query, coldMs, warmMs: median(warm), coldBytes, coldByKind, results };
  } finally {
    await context.close();
  }
}

/** Median requests and KB per kind of file over `samples`' cold queries, e.g. "fragment 20 × 61.2 KB". */
export function byKindSummary(samples: readonly SearchSample[]): string {
  const kinds = [...new Set(samples.flatMap((sample) => Object.keys(sample.coldByKind)))].sort();
  return kinds
    .map((kind) => {
      const of = samples.map((sample) => sample.coldByKind[kind] ?? { requests: 0, bytes: 0 });
      return `${kind} ${median(of.map((o) => o.requests))} × ${(median(of.map((o) => o.bytes)) / 1024).toFixed(1)} KB`;
    })
    .join(', ');
}

/** `runs` cold samples per query, each in a fresh context. */
export async function measureSearch(
  browser: Browser,
  target: SearchTarget,
  countResults: (page: Page) => Promise<number>,
  runs: number,
  queries: readonly string[] = SEARCH_QUERIES,
): Promise<SearchSample[]> {
  const samples: SearchSample[] = [];
  for (let run = 0; run < runs; run += 1) {
    for (const query of queries) samples.push(await sampleOnce(browser, target, query, queries, countResults));
  }
  return samples;
}
