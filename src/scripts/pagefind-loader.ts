/**
 * Loads Pagefind (its script, WebAssembly and index metadata) once per page. A module of its own
 * so that the search launcher can start the load as the dialog opens, in parallel with the
 * panel's code, rather than after it (search-launcher.ts).
 */
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

/** The other shards of a large site's index (src/integrations/pagefind-index.ts), or none. */
async function shardsOf(base: string): Promise<string[]> {
  try {
    const response = await fetch(`${base}pagefind/shards.json`);
    const shards: unknown = response.ok ? await response.json() : [];
    return Array.isArray(shards) ? shards.filter((shard): shard is string => typeof shard === 'string') : [];
  } catch {
    return [];
  }
}

let api: Promise<PagefindApi> | undefined;

interface PagefindEntry {
  languages?: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/**
 * Pagefind's start-up fetches its entry file, and only then its metadata and WebAssembly (the
 * file names are in the entry). Reading the entry here, while pagefind.js is still loading, and
 * preloading those two files takes a round trip off the first search (npm run bench: search
 * cold). The index is picked as Pagefind picks it (the page's lang, its language, else the
 * largest); a wrong guess only wastes the preload.
 */
async function preloadStartFiles(base: string): Promise<void> {
  const dir = `${base}pagefind/`;
  const entry = (await (await fetch(`${dir}pagefind-entry.json?ts=${Date.now()}`)).json()) as PagefindEntry;
  const languages = entry.languages ?? {};
  const lang = document.documentElement.lang.toLowerCase();
  const index = languages[lang] ?? languages[lang.split('-')[0]!] ?? Object.values(languages).sort((a, b) => b.page_count - a.page_count)[0];
  if (!index) return;
  for (const href of [`${dir}pagefind.${index.hash}.pf_meta`, `${dir}wasm.${index.wasm ?? 'unknown'}.pagefind`]) {
    // as=fetch with crossorigin matches Pagefind's fetch() (CORS mode, same-origin credentials).
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  }
}

/** Loads Pagefind once; nothing is fetched before the first call (when search opens). */
export function loadPagefind(base: string): Promise<PagefindApi> {
  api ??= (async () => {
    preloadStartFiles(base).catch(() => undefined); // Pagefind's own fetches report failures
    const url = `${base}pagefind/pagefind.js`;
    // The list of shards is a few bytes, fetched alongside the script and needed only once
    // Pagefind has started: it never holds up the start.
    const shardsLoaded = shardsOf(base);
    const module = (await import(/* @vite-ignore */ url)) as PagefindApi;
    // noWorker: Pagefind 1.6 would search in a Web Worker, which costs a second script (about
    // 11 KB compressed) and a message round trip per call; a talk-sized index searches in well
    // under a millisecond on the main thread, so the worker only adds time (npm run bench).
    const options = { baseUrl: base, excerptLength: 0 };
    await module.options({ ...options, noWorker: true });
    await module.init();
    // A large site's other shards (whose records follow the first's: see search-records.ts).
    await Promise.all((await shardsLoaded).map((shard) => module.mergeIndex(`${base}pagefind/${shard}`, options)));
    return module;
  })();
  api.catch(() => {
    api = undefined; // a failed load may be retried
  });
  return api;
}

