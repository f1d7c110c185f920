/**
 * Loads Pagefind (its script, WebAssembly and index metadata) and /search/site.json once per
 * page. Part of the panel's chunk: one request fewer on a first search than a chunk of its own
 * (npm run bench: first query); the search field requests pagefind.js itself as the dialog opens.
 */
import { parseSite, sitePath, type SearchIndexFiles, type SearchSite } from '../lib/search/site-json';

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

export interface PagefindData {
  url: string;
  meta: Record<string, string>;
}

/** Facet counts: filter name → value → turns. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: PagefindResult[];
  /** Counts among the results once the search's filters are applied. */
  filters: FilterCounts;
  /** Counts among the results before the search's filters are applied. */
  totalFilters: FilterCounts;
}

export interface PagefindSearchOptions {
  /** A list must all match; `{ any: [...] }` any one of them. */
  filters?: Record<string, string | string[] | { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch | null>;
  /** Loads every filter's file (once) and returns each value's count over the whole index. */
  filters(): Promise<FilterCounts>;
  /** Loads the index chunks (and the filter files) a search for `term` needs, without searching. */
  preload(term: string | null, options?: PagefindSearchOptions): Promise<void>;
  /** Adds another bundle's index: searches then cover both, results sorted by score. */
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

let site: Promise<SearchSite> | undefined;

/**
 * /search/site.json, fetched once: the speakers (for the panel) and the index's start files and
 * shards. A site that cannot be read has no speakers and no list: search still works.
 */
export function loadSite(base: string): Promise<SearchSite> {
  site ??= fetch(sitePath(base))
    .then(async (response) => parseSite(response.ok ? await response.json() : null))
    .catch(() => parseSite(null));
  return site;
}

let api: Promise<PagefindApi> | undefined;

/**
 * Pagefind's start-up fetches its entry file, and only then its metadata and WebAssembly (the
 * file names are in the entry). site.json names them; when it arrives while pagefind.js is still
 * loading, preloading them takes a round trip off the first search on a real network.
 */
function preloadStartFiles(base: string, index: SearchIndexFiles): void {
  for (const file of [index.meta, index.wasm]) {
    // as=fetch with crossorigin matches Pagefind's fetch() (CORS mode, same-origin credentials).
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = `${base}pagefind/${file}`;
    document.head.append(link);
  }
}

/** Loads Pagefind once; nothing is fetched before the first call (when search opens). */
export function loadPagefind(base: string): Promise<PagefindApi> {
  api ??= (async () => {
    // site.json is a few hundred bytes, fetched alongside the script; its shards are needed only
    // once Pagefind has started, so it never holds up the start. Its start files are preloaded
    // only if it arrives before pagefind.js has loaded: once Pagefind starts, it fetches them
    // itself and a preload would fetch them twice.
    let started = false;
    const siteLoaded = loadSite(base).then(({ index }) => {
      if (index && !started) preloadStartFiles(base, index);
      return index?.shards ?? [];
    });
    const url = `${base}pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as PagefindApi;
    started = true;
    // noWorker: Pagefind 1.6 would search in a Web Worker, which costs a second script (about
    // 11 KB compressed) and a message round trip per call; a talk-sized index searches in well
    // under a millisecond on the main thread, so the worker only adds time (npm run bench).
    const options = { baseUrl: base, excerptLength: 0 };
    await module.options({ ...options, noWorker: true });
    await module.init();
    // A large site's other shards (whose records follow the first's: see lib/search/records.ts).
    await Promise.all((await siteLoaded).map((shard) => module.mergeIndex(`${base}pagefind/${shard}`, options)));
    return module;
  })();
  api.catch(() => {
    api = undefined; // a failed load may be retried
  });
  return api;
}
