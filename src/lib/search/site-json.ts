/**
 * /search/site.json as search reads it: the speakers (for the speaker facet and queries that
 * name a speaker) and the index's start files. Pure, and apart from query.ts, which the
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
}

/** /search/site.json: what search needs to know that is not in the index, read once as it opens. */
export interface SearchSite {
  speakers: SearchSpeaker[];
  /** Absent until the index is built (`astro dev`) or when the file cannot be read. */
  index?: SearchIndexFiles;
}

/** site.json's path under the output folder and the base path (its endpoint: src/pages/search/site.json.ts). */
export const SITE_FILE = 'search/site.json';

/** Where search finds /search/site.json, under the site's base path. */
export const sitePath = (base: string) => `${base}${SITE_FILE}`;

const isText = (field: unknown): field is string => typeof field === 'string';

/** The speakers of a fetched site.json; anything not shaped like a speaker is left out. */
export function parseSpeakers(value: unknown): SearchSpeaker[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is SearchSpeaker =>
      typeof item === 'object' &&
      item !== null &&
      [item.id, item.name, item.latinName, item.color, item.initials].every(isText) &&
      Array.isArray(item.aliases) &&
      (item.aliases as unknown[]).every(isText),
  );
}

/** A file name under pagefind/ as Pagefind and the index integration write them: no path, no query. */
const INDEX_FILE = /^[\w-]+(\.[\w-]+)*$/;

/**
 * A fetched site.json as search uses it: its speakers (see parseSpeakers) and, when every name
 * in it is shaped like Pagefind's files, the index's files; anything else reads as no site.
 */
export function parseSite(value: unknown): SearchSite {
  if (typeof value !== 'object' || value === null) return { speakers: [] };
  const { speakers, index } = value as Record<string, unknown>;
  const site: SearchSite = { speakers: parseSpeakers(speakers) };
  if (typeof index === 'object' && index !== null) {
    const { meta, wasm, shards } = index as Record<string, unknown>;
    if (
      isText(meta) &&
      INDEX_FILE.test(meta) &&
      isText(wasm) &&
      INDEX_FILE.test(wasm) &&
      Array.isArray(shards) &&
      shards.every((shard) => isText(shard) && SHARD_FOLDER.test(shard))
    ) {
      site.index = { meta, wasm, shards: shards as string[] };
    }
  }
  return site;
}
