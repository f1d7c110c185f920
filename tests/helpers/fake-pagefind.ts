/**
 * A fake Pagefind for unit tests of the search engine (src/scripts/search-engine.ts): the part of
 * Pagefind's browser API the engine calls (PagefindApi in src/scripts/pagefind-loader.ts), over a
 * few turns held in memory, so that a change to the engine is caught without a build or a browser.
 *
 * It indexes the way the site does (lib/search/records.ts): a record per turn whose words are its
 * text's tokens in its language (bigrams, lib/search/tokens.ts, or English words,
 * lib/search/words.ts), filtered by speaker and talk, and by language when the turns are in more
 * than one (records.ts languageFiltered). It matches the way
 * Pagefind does for those tokens: an unquoted term is one token, matched as the prefix of a word;
 * a quoted term is a phrase, its tokens found as consecutive words. Without a term it lists every
 * record in index order. Like Pagefind, it counts a filter only once that filter's file is loaded
 * (by `filters()`, or by a search or preload that names the filter).
 *
 * Every call is logged, every record fetch too, and failures and slow answers can be staged.
 */
import type {
  FilterCounts,
  PagefindApi,
  PagefindData,
  PagefindResult,
  PagefindSearch,
  PagefindSearchOptions,
} from '../../src/scripts/pagefind-loader';
import { SEARCH_INDEX_LANGUAGE, searchLanguage } from '../../src/lib/search/records';
import { turnTokens } from '../../src/lib/search/words';

export interface FakeTurn {
  speaker: string;
  talk: string;
  text: string;
  /** The turn's anchor; `<speaker>-<order>` unless given. */
  anchor?: string;
  /** The turn's language (lower case); the index's (zh-cn) unless given. */
  language?: string;
  /** A translation's turn: its page is /<language>/<talk>/ rather than /<talk>/. */
  translation?: boolean;
}

interface FakeRecord {
  id: string;
  words: string[];
  data: PagefindData;
  filters: Record<string, string[]>;
}

export interface FakeCall {
  method: 'options' | 'init' | 'search' | 'preload' | 'filters' | 'mergeIndex';
  /** The search or preload term; for mergeIndex, the merged index's path. */
  term?: string | null | undefined;
  options?: unknown;
}

/** The records' ids are Pagefind-like and unique per fake, so no cache is shared by accident. */
let fakes = 0;

function wordsMatch(words: readonly string[], term: string): boolean {
  const quoted = /^"(.*)"$/su.exec(term);
  if (!quoted) return words.some((word) => word.startsWith(term));
  const phrase = quoted[1]!.split(' ').filter(Boolean);
  for (let at = 0; at + phrase.length <= words.length; at += 1) {
    if (phrase.every((token, offset) => words[at + offset] === token)) return true;
  }
  return false;
}

function filterMatches(values: readonly string[], wanted: string | string[] | { any: string[] }): boolean {
  if (typeof wanted === 'string') return values.includes(wanted);
  if (Array.isArray(wanted)) return wanted.every((value) => values.includes(value));
  return wanted.any.some((value) => values.includes(value));
}

export class FakePagefind implements PagefindApi {
  readonly calls: FakeCall[] = [];
  /** Ids of the records whose data() was called, in call order. */
  readonly fetched: string[] = [];
  /** Filter files loaded so far. */
  readonly loadedFilters = new Set<string>();
  /** When set, every search rejects with it. */
  searchError: Error | undefined;
  /** When set, init() rejects with it. */
  initError: Error | undefined;
  /** Ids whose next data() call rejects. */
  readonly failingData = new Set<string>();
  readonly #records: FakeRecord[];
  /** Filters a record can have: `language` only when the turns are in several languages. */
  readonly #filterNames: string[];
  /** Searches for these terms wait until the test releases them (see `hold`). */
  readonly #held = new Map<string, Promise<void>>();

  constructor(turns: readonly FakeTurn[]) {
    const fake = (fakes += 1);
    const orders = new Map<string, number>();
    const languages = new Set(turns.map((turn) => searchLanguage(turn.language ?? '')));
    this.#filterNames = languages.size > 1 ? ['speaker', 'talk', 'language'] : ['speaker', 'talk'];
    this.#records = turns.map((turn, index) => {
      const page = turn.translation ? `/${turn.language}/${turn.talk}/` : `/${turn.talk}/`;
      const order = (orders.get(page) ?? 0) + 1;
      orders.set(page, order);
      const anchor = turn.anchor ?? `${turn.speaker}-${order}`;
      return {
        id: `zh-cn_${fake}_${index}`,
        words: turnTokens(turn.text, turn.language),
        data: {
          url: `${page}#${anchor}`,
          meta: {
            speaker: turn.speaker,
            speakerName: turn.speaker.toUpperCase(),
            role: '',
            color: 'teal',
            initials: turn.speaker.slice(0, 1),
            talk: turn.talk,
            talkTitle: `Talk ${turn.talk}`,
            section: '',
            text: turn.text,
            order: String(order),
            ...(turn.language && turn.language !== SEARCH_INDEX_LANGUAGE ? { language: turn.language } : {}),
          },
        },
        filters: {
          speaker: [turn.speaker],
          talk: [turn.talk],
          ...(languages.size > 1 ? { language: [searchLanguage(turn.language ?? '')] } : {}),
        },
      };
    });
  }

  /** Makes searches for `term` wait; returns the function that lets them answer. */
  hold(term: string | null): () => void {
    let release!: () => void;
    this.#held.set(String(term), new Promise((resolve) => (release = resolve)));
    return release;
  }

  /** The Pagefind id of the record at `url` (e.g. /a/#pan-4). */
  idOf(url: string): string {
    const found = this.#records.find((record) => record.data.url === url);
    if (!found) throw new Error(`fake: no record at ${url}`);
    return found.id;
  }

  /** The terms searched for (not preloaded), in call order. */
  get searchedTerms(): (string | null | undefined)[] {
    return this.calls.filter((call) => call.method === 'search').map((call) => call.term);
  }

  async options(options: Record<string, unknown>): Promise<void> {
    this.calls.push({ method: 'options', options });
  }

  async init(): Promise<void> {
    this.calls.push({ method: 'init' });
    if (this.initError) throw this.initError;
  }

  async mergeIndex(path: string, options?: Record<string, unknown>): Promise<void> {
    this.calls.push({ method: 'mergeIndex', term: path, options });
  }

  async filters(): Promise<FilterCounts> {
    this.calls.push({ method: 'filters' });
    for (const name of this.#filterNames) this.loadedFilters.add(name);
    return this.#counts(this.#records);
  }

  async preload(term: string | null, options?: PagefindSearchOptions): Promise<void> {
    this.calls.push({ method: 'preload', term, options });
    for (const name of Object.keys(options?.filters ?? {})) this.loadedFilters.add(name);
  }

  async search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch | null> {
    this.calls.push({ method: 'search', term, options });
    await this.#held.get(String(term));
    if (this.searchError) throw this.searchError;
    const wanted = Object.entries(options?.filters ?? {});
    for (const [name] of wanted) this.loadedFilters.add(name);
    const found = this.#records.filter((record) => term === null || wordsMatch(record.words, term));
    const filtered = found.filter((record) =>
      wanted.every(([name, value]) => filterMatches(record.filters[name] ?? [], value)),
    );
    return {
      results: filtered.map((record) => this.#result(record)),
      filters: this.#counts(filtered),
      totalFilters: this.#counts(found),
    };
  }

  #result(record: FakeRecord): PagefindResult {
    return {
      id: record.id,
      score: 1,
      data: async () => {
        this.fetched.push(record.id);
        if (this.failingData.delete(record.id)) throw new Error(`fake: fetching ${record.id} failed`);
        return structuredClone(record.data);
      },
    };
  }

  /** Every loaded filter's values (all of them, as Pagefind lists them, zero or not) and their counts. */
  #counts(records: readonly FakeRecord[]): FilterCounts {
    const counts: FilterCounts = {};
    for (const name of this.loadedFilters) {
      const values = (counts[name] = {} as Record<string, number>);
      for (const record of this.#records) for (const value of record.filters[name] ?? []) values[value] ??= 0;
      for (const record of records) for (const value of record.filters[name] ?? []) values[value]! += 1;
    }
    return counts;
  }
}

/** The fake as the module pagefind.js is (its functions, unbound), for the loader to import. */
export function fakeModule(fake: FakePagefind): PagefindApi {
  return {
    options: (options) => fake.options(options),
    init: () => fake.init(),
    search: (term, options) => fake.search(term, options),
    filters: () => fake.filters(),
    preload: (term, options) => fake.preload(term, options),
    mergeIndex: (path, options) => fake.mergeIndex(path, options),
  };
}
