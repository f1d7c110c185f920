/**
 * /search/site.json as search reads it: the speakers (for the speaker facet and queries that
 * name a speaker), their names in each edition's language, and the index's start files. Pure, and apart from query.ts, which the
 * search-term marks share: only the search panel's chunk carries this.
 */
import { SHARD_FOLDER } from './pagefind-files';
import type { SpeakerName } from './query';

/** A speaker as search knows them (/search/site.json): names, and the facet's colour and initials. */
export interface SearchSpeaker extends SpeakerName {
  color: string;
  initials: string;
}

/**
 * The index's files search opens with, all under `pagefind/`: its metadata and WebAssembly (to
 * fetch while pagefind.js loads) and a large site's other shards (to merge once it has started).
 */
export interface SearchIndexFiles {
  meta: string;
  wasm: string;
  shards: string[];
  /**
   * The languages (primary subtags, e.g. en, zh) the records are filtered by when the site's turns
   * are in several (lib/search/records.ts languageFiltered); absent on a site in one language.
   */
  languages?: string[];
}

/** A speaker's names (and initials) in an edition's language: the facet and name queries there use them. */
export interface EditionSpeaker extends SpeakerName {
  initials: string;
}

/** /search/site.json: what search needs to know that is not in the index, read once as it opens. */
export interface SearchSite {
  speakers: SearchSpeaker[];
  /**
   * By edition language tag (catalog.translations: e.g. `en`), the speakers as that edition names
   * them; only speakers it names, and only on a site with translations.
   */
  editions?: Record<string, EditionSpeaker[]>;
  /** Absent until the index is built (`astro dev`) or when the file cannot be read. */
  index?: SearchIndexFiles;
}

/** site.json's path under the output folder and the base path (its endpoint: src/pages/search/site.json.ts). */
export const SITE_FILE = 'search/site.json';

/** Where search finds /search/site.json, under the site's base path. */
export const sitePath = (base: string) => `${base}${SITE_FILE}`;

const isText = (field: unknown): field is string => typeof field === 'string';

/** Whether `item` has every field of a speaker's names, plus `fields` (all text). */
function namesSpeaker(item: unknown, fields: readonly string[]): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const record = item as Record<string, unknown>;
  return (
    ['id', 'name', 'latinName', ...fields].every((field) => isText(record[field])) &&
    Array.isArray(record['aliases']) &&
    (record['aliases'] as unknown[]).every(isText)
  );
}

/** The speakers of a fetched site.json; anything not shaped like a speaker is left out. */
export function parseSpeakers(value: unknown): SearchSpeaker[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is SearchSpeaker => namesSpeaker(item, ['color', 'initials']));
}

/** A language tag as site.json writes one (`en`, `zh-cn`, `en-GB`). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** The editions of a fetched site.json: each tag's speakers shaped like EditionSpeaker, the rest left out. */
function parseEditions(value: unknown): Record<string, EditionSpeaker[]> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const editions: Record<string, EditionSpeaker[]> = {};
  for (const [tag, speakers] of Object.entries(value as Record<string, unknown>)) {
    if (!LANGUAGE_TAG.test(tag) || !Array.isArray(speakers)) continue;
    editions[tag.toLowerCase()] = speakers.filter((item): item is EditionSpeaker => namesSpeaker(item, ['initials']));
  }
  return Object.keys(editions).length > 0 ? editions : undefined;
}

/**
 * The speakers as a page in `lang` (its `<html lang>`) names them: where an edition in that
 * language (the same tag, or the same primary subtag) names a speaker, its name, Latin name,
 * aliases and initials, with the speaker's colour; everyone else as site.json lists them. An
 * edition's aliases keep the original names (lib/translation/edition.ts), so a query typed in the
 * original's script still names the speaker.
 */
export function speakersFor(site: SearchSite, lang: string): SearchSpeaker[] {
  const tag = lang.toLowerCase();
  const editions = Object.entries(site.editions ?? {});
  const edition =
    editions.find(([key]) => key === tag)?.[1] ??
    editions.find(([key]) => key.split('-')[0] === tag.split('-')[0])?.[1] ??
    [];
  const named = new Map(edition.map((speaker) => [speaker.id, speaker]));
  return site.speakers.map((speaker) => {
    const local = named.get(speaker.id);
    return local
      ? { ...speaker, name: local.name, latinName: local.latinName, aliases: local.aliases, initials: local.initials }
      : speaker;
  });
}

/** A file name under pagefind/ as Pagefind and the index integration write them: no path, no query. */
const INDEX_FILE = /^[\w-]+(\.[\w-]+)*$/;

/**
 * A fetched site.json as search uses it: its speakers (see parseSpeakers) and, when every name
 * in it is shaped like Pagefind's files, the index's files; anything else reads as no site.
 */
export function parseSite(value: unknown): SearchSite {
  if (typeof value !== 'object' || value === null) return { speakers: [] };
  const { speakers, editions, index } = value as Record<string, unknown>;
  const site: SearchSite = { speakers: parseSpeakers(speakers) };
  const named = parseEditions(editions);
  if (named) site.editions = named;
  if (typeof index === 'object' && index !== null) {
    const { meta, wasm, shards, languages } = index as Record<string, unknown>;
    if (
      isText(meta) &&
      INDEX_FILE.test(meta) &&
      isText(wasm) &&
      INDEX_FILE.test(wasm) &&
      Array.isArray(shards) &&
      shards.every((shard) => isText(shard) && SHARD_FOLDER.test(shard))
    ) {
      site.index = { meta, wasm, shards: shards as string[] };
      // Languages as records.ts searchLanguage writes them; a list that is not is left out (one language).
      if (Array.isArray(languages) && languages.every((tag) => isText(tag) && /^[a-z]{2,3}$/.test(tag))) {
        site.index.languages = languages as string[];
      }
    }
  }
  return site;
}
