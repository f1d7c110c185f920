/**
 * Search records from a built reader page: one per turn (the markup contract: `article.turn`
 * with `id` = anchor and `data-speaker`), holding the turn's plain text and where it sits.
 * Text inside `[data-pagefind-ignore]` (editorial notes, labels) is left out. Reader pages are
 * `/<talk>/` and, for a translation, `/<lang>/<talk>/` (e.g. `/en/waic-2023-roundtable/`): both
 * give the talk's slug, so a talk's turns in every language share the talk and speaker facets.
 * A turn's words are tokenised for its language (words.ts turnTokens): bigrams, or stemmed words
 * for English.
 */
import { turnTokens } from './words';

/**
 * The one language of the search index, whatever the talks' and the pages' languages. Its tokens
 * are not words of any language (tokens.ts, words.ts: English words are stemmed by us, before
 * Pagefind sees them), so every talk must be analysed alike, and without a stemmer: Pagefind stems the words of an index in a language it has one for ("en" turns the
 * token qhehs into qheh and qhahy into qhahi, measured with 1.6.0), while a zh-cn index keeps
 * ASCII tokens whole; and it would write one index per language, of which a page loads only its
 * own (a merged one is searched with the first one's stemmer, so it would miss). One index in
 * zh-cn, the language the site has always indexed in, keeps a Chinese site's files as they were
 * and lets a search page in any language find every talk (Pagefind falls back to the only index).
 */
export const SEARCH_INDEX_LANGUAGE = 'zh-cn';

export interface TurnRecord {
  /** Permalink of the turn: the page URL plus `#anchor`. */
  url: string;
  /** Tokens of the text: bigrams (tokens.ts), or words for English (words.ts). */
  content: string;
  /** The language of the turn's words (its transcript's `lang`), lower case. */
  language: string;
  meta: {
    speaker: string;
    speakerName: string;
    role: string;
    color: string;
    initials: string;
    talk: string;
    talkTitle: string;
    section: string;
    /** The turn's plain text, paragraphs separated by newlines: excerpts are cut from it. */
    text: string;
    /** Position of the turn on its page, from 1 (Pagefind meta values are strings). */
    order: string;
    /** The turn's language when it is not the index's (so results can say so); absent otherwise. */
    language?: string;
  };
  /** `language` only on a site whose turns are in more than one language (see languageFiltered). */
  filters: { speaker: string[]; talk: string[]; language?: string[] };
}

/**
 * The language a search page groups a turn under: the primary subtag of its language (`en` for
 * en-GB, `zh` for zh-cn), as the page's `<html lang>` is compared with it. A turn without a tag is
 * in the index's language.
 */
export function searchLanguage(tag: string): string {
  return (tag || SEARCH_INDEX_LANGUAGE).toLowerCase().split('-')[0]!;
}

/**
 * The records with a `language` filter (searchLanguage) when their turns are in more than one
 * language, so that a search page can list (and count) the turns in its own language apart from
 * the others (src/scripts/search-engine.ts); and those languages, sorted. On a site in one language
 * the records are returned as they are and the list is empty: its index stays what it was, byte for
 * byte, and search asks for no filter it does not need.
 */
export function languageFiltered(records: readonly TurnRecord[]): { records: TurnRecord[]; languages: string[] } {
  const languages = [...new Set(records.map((record) => searchLanguage(record.language)))].sort();
  if (languages.length < 2) return { records: [...records], languages: [] };
  return {
    records: records.map((record) => ({
      ...record,
      filters: { ...record.filters, language: [searchLanguage(record.language)] },
    })),
    languages,
  };
}

/** Elements that mark a word or phrase inside a sentence: a `lang` on them is still the turn's text. */
const PHRASING = new Set(['SPAN', 'EM', 'I', 'B', 'STRONG', 'ABBR', 'CITE', 'Q', 'CODE', 'A', 'DFN', 'SMALL']);

/**
 * The visible text of an element, without ignored parts, paragraphs on their own lines. Given the
 * turn's `language`, a block in another language inside it (the original beside a translation,
 * when a reader shows both) is left out too, so each language's record holds only its own words.
 */
export function plainText(element: Element, language?: string): string {
  const copy = element.cloneNode(true) as Element;
  for (const ignored of copy.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  for (const other of copy.querySelectorAll('[lang]')) {
    const tag = other.getAttribute('lang')?.toLowerCase();
    if (language && tag !== language && !PHRASING.has(other.tagName.toUpperCase())) other.remove();
  }
  const paragraphs = [...copy.querySelectorAll('p')];
  const blocks = paragraphs.length > 0 ? paragraphs : [copy];
  return blocks
    .map((block) => (block.textContent ?? '').replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Records for every turn on one page. `pagePath` is the page's URL path without the base
 * (e.g. "/waic-2023-roundtable/" or "/en/waic-2023-roundtable/"); `talk` is its slug, the
 * path's last segment.
 */
export function turnRecords(document: Document, pagePath: string): TurnRecord[] {
  const talkTitle = document.querySelector('.talk-title')?.textContent?.trim() ?? '';
  const talk = pagePath.split('/').filter(Boolean).at(-1) ?? '';
  // A page that only repeats readers' words (the bilingual page) marks its transcript ignored.
  const turns = [...document.querySelectorAll('article.turn')].filter(
    (turn) => !turn.closest('[data-pagefind-ignore]'),
  );
  return turns.map((turn, index) => {
    const body = turn.querySelector('.turn-body');
    const speaker = turn.getAttribute('data-speaker') ?? '';
    // The transcript's lang, or the page's (languages.ts: a talk's words carry their own).
    const tag = turn.closest('[lang]')?.getAttribute('lang') ?? '';
    const language = tag.toLowerCase();
    const text = body ? plainText(body, language) : '';
    return {
      url: `${pagePath}#${turn.id}`,
      content: turnTokens(text, language).join(' '),
      language,
      meta: {
        speaker,
        speakerName: turn.querySelector('.turn-name')?.textContent?.trim() ?? '',
        role: turn.querySelector('.turn-role')?.textContent?.trim() ?? '',
        color: turn.getAttribute('data-color') ?? '',
        initials: turn.querySelector('.avatar')?.textContent?.trim() ?? '',
        talk,
        talkTitle,
        section: turn.closest('section.talk-section')?.querySelector('.section-title')?.textContent?.trim() ?? '',
        text,
        order: String(index + 1),
        ...(language === SEARCH_INDEX_LANGUAGE || tag === '' ? {} : { language: tag }),
      },
      filters: { speaker: [speaker], talk: [talk] },
    };
  });
}

/**
 * Pagefind splits its word index into chunks of about this many word positions (its default is
 * 20,000) and a query loads only the chunks its words fall in. Small chunks mean a query loads
 * little, but the list of chunks (in the metadata every search loads first) grows with their
 * number: the size that balances the two grows with the square root of the index. Measured
 * (npm run bench:search): one talk, 3,600 positions → chunks of 200 (the floor), 51 files; a query
 * loads one to five chunks of about 0.5–1 KB instead of the whole index (27 KB, brotli). 100
 * talks → chunks of about 1,200.
 */
export function indexChunkSize(records: readonly TurnRecord[]): number {
  const positions = records.reduce((sum, record) => sum + record.content.split(' ').length, 0);
  return Math.max(200, Math.round(Math.sqrt(4 * positions)));
}

/** The page a record is on: its URL without the anchor. */
const pageOf = (record: TurnRecord) => record.url.slice(0, record.url.indexOf('#'));

/**
 * Where a record's page sorts within its talk: the original (`/<talk>/`) first, then each
 * translation (`/<lang>/<talk>/`) by path, so a talk's turns in one language stay together.
 */
const pageRank = (record: TurnRecord) => (pageOf(record) === `/${record.meta.talk}/` ? '' : pageOf(record));

/**
 * Records in transcript order: by talk, then by page (the original, then its translations), then
 * by position in the talk. Pagefind lists a search without words (a speaker's turns) in the order
 * its records were added, shard after shard, so indexing in this order lists a speaker's turns as
 * they were spoken, a translation's after the original's rather than interleaved with them. (A Pagefind sort key would
 * do the same within one shard, but merged shards interleave its ranks, and its list of every
 * record costs about 2 bytes a turn in the metadata every search loads.)
 */
export function transcriptOrder(records: readonly TurnRecord[]): TurnRecord[] {
  const byTalk = (a: TurnRecord, b: TurnRecord) => (a.meta.talk < b.meta.talk ? -1 : a.meta.talk > b.meta.talk ? 1 : 0);
  const byPage = (a: TurnRecord, b: TurnRecord) => (pageRank(a) < pageRank(b) ? -1 : pageRank(a) > pageRank(b) ? 1 : 0);
  return [...records].sort((a, b) => byTalk(a, b) || byPage(a, b) || Number(a.meta.order) - Number(b.meta.order));
}

/**
 * Pagefind's indexer holds about 0.8 KB per (word, record) pair while it writes an index, all at
 * once (measured with Pagefind 1.6: 13,000 turns of the scale bench, 6.6 million pairs, took
 * 5.2 GB, beside the 2.2–2.5 GB Astro's process still holds). So a large site is indexed in
 * shards, one after another, each with at most about this many pairs (1.2–1.4 GB), and the
 * browser merges them (Pagefind's mergeIndex, src/scripts/pagefind-loader.ts). Each shard costs
 * a query its metadata and chunk list, so shards are as large as memory allows. A site of up to a
 * few hundred talks is one shard.
 */
export const SHARD_PAIRS = 1_500_000;

/** The (word, record) pairs a record adds to the index: its distinct tokens. */
export function wordPairs(record: TurnRecord): number {
  return new Set(record.content.split(' ')).size;
}

/**
 * Splits records (in the order given) into shards of whole talks: as few as `maxPairs` allows,
 * balanced (each about the total over their number; one may exceed `maxPairs` by half a talk).
 * Equal shards rather than full ones and a remainder: at 1,000 talks, five shards of 1.3 million
 * pairs instead of four of 1.5 and one of 0.5 keep the indexer's peak lower at no extra cost.
 * Keeping a talk in one shard keeps its turns together.
 */
export function shardRecords(records: readonly TurnRecord[], maxPairs = SHARD_PAIRS): TurnRecord[][] {
  const talks: { records: TurnRecord[]; pairs: number }[] = [];
  for (const record of records) {
    const last = talks.at(-1);
    if (last && last.records[0]!.meta.talk === record.meta.talk) {
      last.records.push(record);
      last.pairs += wordPairs(record);
    } else {
      talks.push({ records: [record], pairs: wordPairs(record) });
    }
  }
  const total = talks.reduce((sum, talk) => sum + talk.pairs, 0);
  const count = Math.max(1, Math.ceil(total / maxPairs));
  const target = total / count;
  const shards: TurnRecord[][] = Array.from({ length: count }, () => []);
  let before = 0;
  for (const talk of talks) {
    // The shard whose share of the pairs holds the talk's middle.
    shards[Math.min(count - 1, Math.floor((before + talk.pairs / 2) / target))]!.push(...talk.records);
    before += talk.pairs;
  }
  return shards.filter((shard) => shard.length > 0);
}
