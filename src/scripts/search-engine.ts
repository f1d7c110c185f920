/**
 * The search engine the UI uses: loads Pagefind on first use, turns each query word into an
 * exact-phrase search over bigram tokens, keeps the turns that match every word, and checks
 * each candidate's text so that a turn that does not say the words is never shown.
 */
import { containsAll, parseQuery, speakerNamed, type ParsedQuery, type SpeakerName } from '../lib/search-query';
import type { TurnRecord } from '../lib/search-records';
import { queryTokens } from '../lib/search-tokens';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

interface PagefindData {
  url: string;
  meta: Record<string, string>;
}

interface PagefindSearch {
  results: PagefindResult[];
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string | string[]> }): Promise<PagefindSearch | null>;
}

/** A verified result: the record's metadata (search-records.ts), its URL, its order as a number. */
export type Hit = Omit<TurnRecord['meta'], 'order'> & {
  url: string;
  /** Position of the turn in its talk, from 1. */
  order: number;
};

export interface SearchOutcome {
  query: ParsedQuery;
  /** Set when the query is a speaker's name: the hits are that speaker's turns. */
  speaker: SpeakerName | undefined;
  /** Every verified hit, before the speaker facet is applied. */
  hits: Hit[];
  /** True when more candidates matched than were checked (MAX_CANDIDATES). */
  truncated: boolean;
  /** Turns Pagefind matched before the text check: how precise the index alone is. */
  candidates: number;
}

/** Candidates checked per query at most; beyond this, results are cut (and said to be). */
export const MAX_CANDIDATES = 200;

let api: Promise<PagefindApi> | undefined;

/** Loads Pagefind once. Nothing is fetched until the first search. */
export function loadPagefind(base: string): Promise<PagefindApi> {
  api ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as PagefindApi;
    // noWorker: Pagefind 1.6 would search in a Web Worker, which costs a second script (about
    // 11 KB compressed) and a message round trip per call; a talk-sized index searches in well
    // under a millisecond on the main thread, so the worker only adds time (npm run bench).
    await module.options({ baseUrl: base, excerptLength: 0, noWorker: true });
    await module.init();
    return module;
  })();
  api.catch(() => {
    api = undefined; // a failed load may be retried
  });
  return api;
}

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
  };
}

/** Pagefind's phrase query for one word's tokens. */
function phrase(word: string): string {
  const tokens = queryTokens(word);
  return tokens.length === 1 ? tokens[0]! : `"${tokens.join(' ')}"`;
}

async function candidates(pagefind: PagefindApi, words: readonly string[]): Promise<PagefindResult[]> {
  let kept: PagefindResult[] | undefined;
  for (const word of words) {
    const found = (await pagefind.search(phrase(word)))?.results ?? [];
    if (kept === undefined) {
      kept = found;
    } else {
      const ids = new Set(found.map((result) => result.id));
      kept = kept.filter((result) => ids.has(result.id));
    }
    if (kept.length === 0) break;
  }
  return kept ?? [];
}

export async function search(
  pagefind: PagefindApi,
  input: string,
  speakers: readonly SpeakerName[],
): Promise<SearchOutcome> {
  const query = parseQuery(input);
  const speaker = speakerNamed(query, speakers);
  if (query.words.length === 0) return { query, speaker, hits: [], truncated: false, candidates: 0 };

  const results = speaker
    ? ((await pagefind.search(null, { filters: { speaker: speaker.id } }))?.results ?? [])
    : await candidates(pagefind, query.words);
  const data = await Promise.all(results.slice(0, MAX_CANDIDATES).map((result) => result.data()));
  const hits = data.map(toHit).filter((hit) => speaker !== undefined || containsAll(hit.text, query.words));
  // A speaker's turns read best in transcript order; text matches keep Pagefind's ranking.
  if (speaker) hits.sort((a, b) => a.talk.localeCompare(b.talk) || a.order - b.order);
  return { query, speaker, hits, truncated: results.length > MAX_CANDIDATES, candidates: results.length };
}
