/**
 * The search engine the UI uses: loads Pagefind on first use, turns each query word into an
 * exact-phrase search over bigram tokens and, where it has Latin letters or digits, a second one
 * over English word tokens (lib/search/words.ts), keeps the turns that match every word, and
 * checks each candidate's text in its own language so that a turn that does not say the words is
 * never shown. The one index holds every language's turns, so a query finds them all whatever
 * the page's language; each result says its language (Hit.language). On a site whose turns are in
 * several languages, the turns in the page's language are listed first and counted (see `Languages`).
 */
import { matchesAll, parseQuery, speakerNamed, type ParsedQuery, type SpeakerName } from '../lib/search/query';
import type { TurnRecord } from '../lib/search/records';
import { searchLanguage } from '../lib/search/records';
import { indexTokens, queryTokens } from '../lib/search/tokens';
import { wordIndexTokens, wordQueryTokens } from '../lib/search/words';
import type { PagefindApi, PagefindData, PagefindResult, PagefindSearch } from './pagefind-loader';

export { loadPagefind, loadSite } from './pagefind-loader';

/** A verified result: the record's metadata (lib/search/records.ts), its URL, its order as a number. */
export type Hit = Omit<TurnRecord['meta'], 'order'> & {
  url: string;
  /** Position of the turn in its talk, from 1. */
  order: number;
};

/** The facets chosen in the panel; '' is "all". */
export interface Facets {
  speaker: string;
  talk: string;
}

/** A matched turn whose text is loaded (and checked) only when it is shown. */
export interface Match {
  id: string;
  /** Pagefind's score for the turn (0 where it has none): orders the results of a word's two terms. */
  score: number;
  /** The turn, or undefined when its text does not contain the query's words after all. */
  load(): Promise<Hit | undefined>;
}

/**
 * The languages a search page tells apart: its own (a primary subtag, e.g. `en`, as records.ts
 * searchLanguage writes them) and every language the index's records are filtered by (site.json
 * `index.languages`; empty on a site in one language, where nothing is told apart).
 */
export interface Languages {
  page: string;
  all: readonly string[];
}

/** How a search on a site in several languages split its matches (SearchOutcome.languages). */
export interface LanguageSplit {
  /** The page's language: the first `leading` matches are in it, the rest in `others`. */
  page: string;
  leading: number;
  others: string[];
  /**
   * Whose turns the facet counts and `total` count: the page's language's, or, when no turn in it
   * matched whatever the facets (a Chinese query on the English page), the other languages'. Each
   * turn is in the index once per language, so counting both would count a turn twice.
   */
  counted: 'page' | 'others';
  /** Turns matched in the languages not counted, whatever the facets. */
  uncounted: number;
}

export interface SearchOutcome {
  query: ParsedQuery;
  /** Set when the query is a speaker's name: the matches are that speaker's turns. */
  speaker: SpeakerName | undefined;
  /** The turns the index matched within the chosen facets, in the order they are shown. */
  matches: Match[];
  /** Turns per speaker within the chosen talk, and per talk within the chosen speaker. */
  speakerCounts: Map<string, number>;
  talkCounts: Map<string, number>;
  /** Turns matched whatever the facets. */
  total: number;
  /** Set on a site in several languages: the page's language first (see LanguageSplit). */
  languages?: LanguageSplit;
}

/** A Pagefind filter value: one value, all of several, or any of several. */
type FilterValue = string | string[] | { any: string[] };
/** Filters every search of a query carries besides the facets: a speaker's turns, a language's. */
type BaseFilters = Record<string, FilterValue>;

/**
 * Matches loaded and checked at most per multi-word query: such a query intersects one search
 * per word, so Pagefind cannot count its facets and the candidates' speakers and talks are read
 * from their records instead.
 */
export const MAX_CANDIDATES = 200;

function toHit(data: PagefindData): Hit {
  const meta = data.meta;
  return {
    url: data.url,
    speaker: meta['speaker'] ?? '',
    speakerName: meta['speakerName'] ?? '',
    role: meta['role'] ?? '',
    color: meta['color'] ?? '',
    initials: meta['initials'] ?? '',
    talk: meta['talk'] ?? '',
    talkTitle: meta['talkTitle'] ?? '',
    section: meta['section'] ?? '',
    text: meta['text'] ?? '',
    order: Number(meta['order'] ?? 0),
    ...(meta['language'] ? { language: meta['language'] } : {}),
  };
}

/** Pagefind's phrase query for one word's bigram tokens (a lone token searches by prefix). */
function phrase(word: string): string {
  const tokens = queryTokens(word);
  return tokens.length === 1 ? tokens[0]! : `"${tokens.join(' ')}"`;
}

/**
 * Pagefind's queries for one word: its bigram phrase, which finds it in turns indexed by bigrams,
 * and its word phrase, which finds it in English turns (always quoted, so a word token matches
 * only itself, never as a prefix). They are one query when the word has no Latin letter or
 * digit. When they differ, they find disjoint turns: the first holds bigram tokens of Latin
 * characters, which only bigram-indexed turns have, the second word tokens, which only English
 * turns have; so their results and facet counts add up.
 */
export function termsFor(word: string): string[] {
  const bigrams = queryTokens(word);
  const { tokens } = wordQueryTokens(word);
  const same = tokens.length === bigrams.length && tokens.every((token, i) => token === bigrams[i]);
  return same || tokens.length === 0 ? [phrase(word)] : [phrase(word), `"${tokens.join(' ')}"`];
}

/** The base filters plus the chosen facets; a key in both must match both (Pagefind ANDs a list). */
function filtersFor(base: BaseFilters, facets: Partial<Facets>): Record<string, FilterValue> {
  const filters: Record<string, FilterValue> = {};
  for (const [key, value] of Object.entries(base)) filters[key] = typeof value === 'string' ? [value] : value;
  for (const [key, value] of Object.entries(facets)) {
    if (!value) continue;
    const before = filters[key];
    filters[key] =
      before === undefined
        ? [value]
        : typeof before === 'string' || Array.isArray(before)
          ? [...new Set([...[before].flat(), value])]
          : value; // no base filter is an `any` on a facet's key
  }
  return filters;
}

/** A facet's counts among a search's results (once its filters are applied). */
function counts(found: PagefindSearch | null | undefined, filter: string): Map<string, number> {
  return new Map(Object.entries(found?.filters[filter] ?? {}).filter(([, count]) => count > 0));
}

/**
 * Results shown first (the panel's page size, then 10 more per click on 显示更多): their records
 * are fetched first. Each record is a few KB (its text and its tokens), so the first page is most
 * of what a query fetches beyond the index: 10 rather than 20 saves about 34 KB a query.
 */
export const FIRST_PAGE = 10;

/** Records fetched so far, by Pagefind's page id: each is fetched once per page view. */
const records = new Map<string, Promise<PagefindData>>();

function record(result: PagefindResult): Promise<PagefindData> {
  let loaded = records.get(result.id);
  if (!loaded) {
    loaded = result.data();
    records.set(result.id, loaded);
    loaded.catch(() => records.delete(result.id)); // a failed fetch may be retried
  }
  return loaded;
}

/** A match that fetches its record (Pagefind's fragment) once, on first use. */
function lazyMatch(result: PagefindResult, keep: (hit: Hit) => boolean): Match {
  let loaded: Promise<Hit | undefined> | undefined;
  return {
    id: result.id,
    score: result.score,
    load: () =>
      (loaded ??= record(result).then((data) => {
        const hit = toHit(data);
        return keep(hit) ? hit : undefined;
      })),
  };
}

/**
 * Starts loading the index chunks the query's words need, while the reader is still typing (the
 * search itself waits for a pause): the search then finds them loaded.
 */
export async function preloadQuery(pagefind: PagefindApi, input: string): Promise<void> {
  await Promise.all(
    parseQuery(input)
      .words.flatMap(termsFor)
      .map((term) => pagefind.preload(term)),
  );
}

/**
 * One phrase (a single word) or a speaker's turns: Pagefind filters and counts the facets itself,
 * so nothing but the index is loaded until results are shown.
 */
async function indexed(
  pagefind: PagefindApi,
  term: string | null,
  base: BaseFilters,
  facets: Facets,
  keep: (hit: Hit) => boolean,
  counting: Counting,
  prefetch = true,
) {
  // Without words, Pagefind lists the records in the order they were indexed: transcript order
  // (lib/search/records.ts transcriptOrder).
  const search = (chosen: Partial<Facets>) => pagefind.search(term, { filters: filtersFor(base, chosen) });
  // With no facet chosen, the one search's counts are the facets' counts; otherwise each facet is
  // counted within the other, and the total whatever the facets.
  const faceted = facets.speaker !== '' || facets.talk !== '';
  // Pagefind counts only the filters whose files are loaded: load them (once), alongside the
  // index chunks the term needs. With no facet to filter by, the first page's records need not
  // wait for them: they are fetched as soon as the chunks are in, while the filters load.
  // The term's chunks are asked for first: Pagefind serves its calls in order. Without a talk
  // facet (the header's dialog) only the speakers' file is loaded: the talks' one lists every
  // turn under its talk (about 32 KB at 1,000 talks) for counts nobody would see.
  const chunksLoaded = term === null ? undefined : pagefind.preload(term);
  const filtersLoaded = counting.talks
    ? pagefind.filters()
    : // With the base's filters (a language's), so that their file loads alongside the speakers'.
      pagefind.preload(term, { filters: { ...filtersFor(base, {}), speaker: { any: [...counting.speakers] } } });
  if (term !== null && !faceted && prefetch) {
    await chunksLoaded;
    const unfaceted = filtersFor(base, {});
    const early =
      (
        await (Object.keys(unfaceted).length > 0
          ? pagefind.search(term, { filters: unfaceted })
          : pagefind.search(term))
      )?.results ?? [];
    for (const result of early.slice(0, FIRST_PAGE)) void record(result).catch(() => undefined);
  }
  await Promise.all([filtersLoaded, chunksLoaded]);
  const [shown, bySpeaker, byTalk, all] = await Promise.all([
    search(facets),
    faceted ? search({ talk: facets.talk }) : undefined,
    faceted ? search({ speaker: facets.speaker }) : undefined,
    faceted ? search({}) : undefined,
  ]);
  const results = shown?.results ?? [];
  return {
    matches: results.map((result) => lazyMatch(result, keep)),
    speakerCounts: counts(faceted ? bySpeaker : shown, 'speaker'),
    talkCounts: counts(faceted ? byTalk : shown, 'talk'),
    total: faceted ? (all?.results.length ?? 0) : results.length,
  };
}

/** Which facets to count: the speakers' always, the talks' when a talk facet is shown. */
export interface Counting {
  speakers: readonly string[];
  talks: boolean;
}

/** The results of every term of a word (termsFor), one list. */
async function searchWord(pagefind: PagefindApi, word: string): Promise<PagefindResult[]> {
  const found = await Promise.all(termsFor(word).map((term) => pagefind.search(term)));
  return found.flatMap((one) => one?.results ?? []);
}

/**
 * Several words: the turns every word's phrase matched, loaded and checked to count the facets.
 * `within` keeps only the turns of one group of languages (`split`): their records are loaded anyway.
 */
async function intersected(
  pagefind: PagefindApi,
  words: readonly string[],
  facets: Facets,
  within: (hit: Hit) => boolean = () => true,
) {
  let kept: PagefindResult[] | undefined;
  for (const word of words) {
    const found = await searchWord(pagefind, word);
    if (kept === undefined) {
      kept = found;
    } else {
      const ids = new Set(found.map((result) => result.id));
      kept = kept.filter((result) => ids.has(result.id));
    }
    if (kept.length === 0) break;
  }
  const loaded = await Promise.all(
    (kept ?? []).slice(0, MAX_CANDIDATES).map(async (result) => ({ id: result.id, data: await record(result) })),
  );
  const hits = loaded
    .map(({ id, data }) => ({ id, hit: toHit(data) }))
    .filter(({ hit }) => within(hit) && matchesAll(hit.text, words, hit.language));
  const count = (key: 'speaker' | 'talk', within: (hit: Hit) => boolean) => {
    const map = new Map<string, number>();
    for (const { hit } of hits) if (within(hit)) map.set(hit[key], (map.get(hit[key]) ?? 0) + 1);
    return map;
  };
  const inTalk = (hit: Hit) => !facets.talk || hit.talk === facets.talk;
  const bySpeaker = (hit: Hit) => !facets.speaker || hit.speaker === facets.speaker;
  return {
    matches: hits
      .filter(({ hit }) => inTalk(hit) && bySpeaker(hit))
      .map(({ id, hit }) => ({ id, score: 0, load: () => Promise.resolve(hit) })),
    speakerCounts: count('speaker', inTalk),
    talkCounts: count('talk', bySpeaker),
    total: hits.length,
  };
}

type Found = Awaited<ReturnType<typeof indexed>>;

/** Counts of two disjoint result lists, added up. */
function added(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const sum = new Map(a);
  for (const [key, count] of b) sum.set(key, (sum.get(key) ?? 0) + count);
  return sum;
}

/**
 * One word: each of its terms (termsFor) searched with Pagefind's facets, their disjoint results
 * put together, the better scored first.
 */
async function oneWord(
  pagefind: PagefindApi,
  word: string,
  facets: Facets,
  counting: Counting,
  base: BaseFilters = {},
  prefetch = true,
): Promise<Found> {
  const keep = (hit: Hit) => matchesAll(hit.text, [word], hit.language);
  const terms = termsFor(word);
  const found = await Promise.all(terms.map((term) => indexed(pagefind, term, base, facets, keep, counting, prefetch)));
  if (found.length === 1) return found[0]!;
  const [a, b] = found as [Found, Found];
  return {
    matches: [...a.matches, ...b.matches].sort((x, y) => y.score - x.score),
    speakerCounts: added(a.speakerCounts, b.speakerCounts),
    talkCounts: added(a.talkCounts, b.talkCounts),
    total: a.total + b.total,
  };
}

const NOTHING: Found = { matches: [], speakerCounts: new Map(), talkCounts: new Map(), total: 0 };

/** The language group a hit is in, as the index's language filter has it (records.ts searchLanguage). */
export const hitLanguage = (hit: Pick<Hit, 'language'>): string => searchLanguage(hit.language ?? '');

/**
 * A search run twice on a site in several languages: once for the turns in the page's language,
 * once for the others (each with the index's `language` filter, so Pagefind counts each apart),
 * the page's listed first. The facets count one of the two (LanguageSplit.counted).
 */
async function split(
  languages: Languages,
  run: (base: BaseFilters, group: (hit: Hit) => boolean, first: boolean) => Promise<Found>,
): Promise<Found & { languages: LanguageSplit }> {
  const others = languages.all.filter((language) => language !== languages.page);
  const inPage = languages.all.includes(languages.page);
  const [page, other] = await Promise.all([
    inPage ? run({ language: languages.page }, (hit) => hitLanguage(hit) === languages.page, true) : NOTHING,
    others.length === 0
      ? NOTHING
      : // Its first records are not fetched early: the page's language's are shown first.
        run(
          { language: others.length === 1 ? others[0]! : { any: others } },
          (hit) => hitLanguage(hit) !== languages.page,
          !inPage,
        ),
  ]);
  const counted = page.total > 0 || other.total === 0 ? 'page' : 'others';
  const [shown, uncounted] = counted === 'page' ? [page, other] : [other, page];
  return {
    matches: [...page.matches, ...other.matches],
    speakerCounts: shown.speakerCounts,
    talkCounts: shown.talkCounts,
    total: shown.total,
    languages: { page: languages.page, leading: page.matches.length, others, counted, uncounted: uncounted.total },
  };
}

/**
 * Searches the index for `input`. `languages` (site.json's, with the page's): on a site in several
 * languages, the turns in the page's language come first and are the ones counted (`split`).
 */
export async function search(
  pagefind: PagefindApi,
  input: string,
  speakers: readonly SpeakerName[],
  facets: Facets = { speaker: '', talk: '' },
  countTalks = true,
  languages?: Languages,
): Promise<SearchOutcome> {
  const query = parseQuery(input);
  const speaker = speakerNamed(query, speakers);
  if (query.words.length === 0) {
    return { query, speaker, matches: [], speakerCounts: new Map(), talkCounts: new Map(), total: 0 };
  }
  const counting = { speakers: speakers.map(({ id }) => id), talks: countTalks };
  const run = (base: BaseFilters, group: (hit: Hit) => boolean, first: boolean): Promise<Found> =>
    speaker
      ? // A speaker's turns read best in transcript order, the order they are indexed in.
        indexed(pagefind, null, { ...base, speaker: speaker.id }, facets, () => true, counting)
      : query.words.length === 1
        ? oneWord(pagefind, query.words[0]!, facets, counting, base, first)
        : intersected(pagefind, query.words, facets, group);
  // (Several words: each group intersects the same searches and checks the same records, fetched
  // once (`record`), keeping its own languages' turns.)
  if (languages && languages.all.length > 1) {
    return { query, speaker, ...(await split(languages, run)) };
  }
  return { query, speaker, ...(await run({}, () => true, true)) };
}

/** Turns in the whole index at most for warmUp to load it all (a few talks' worth). */
export const WARM_UP_LIMIT = 100;

/**
 * After the first results, on a small site: loads every record and every index chunk, so that the
 * next queries need no network (a query otherwise waits for its chunks, then its records). Does
 * nothing when the site has more than WARM_UP_LIMIT turns (`turns`, from the page: nothing is
 * loaded to count them); there a query loads what it needs. Resolves with the number of records
 * loaded. One preload for every word, on purpose: a warm-up in small steps lasted longer and
 * doubled the bench's warm median (docs/performance.md).
 */
export async function warmUp(pagefind: PagefindApi, speakers: readonly string[], turns: number): Promise<number> {
  if (turns === 0 || turns > WARM_UP_LIMIT) return 0;
  const all = (await pagefind.search(null, { filters: { speaker: { any: [...speakers] } } }))?.results ?? [];
  const data = await Promise.all(all.map(record));
  // The index's words are the records' tokens, but a query looks each word up in both forms
  // (termsFor: bigrams and English words), and a form no turn was indexed in (the English words
  // of a Chinese-only site) falls in a chunk of its own. Preloading both forms of every record's
  // text loads every chunk a query for words of the site can reach.
  const words = new Set(
    data.flatMap((item) => {
      const text = item.meta['text'] ?? '';
      return [...indexTokens(text), ...wordIndexTokens(text)];
    }),
  );
  if (words.size > 0) await pagefind.preload([...words].join(' '));
  return data.length;
}
