/**
 * Astro integration: after the build, index every turn of every reader page with Pagefind's
 * Node API, one custom record per turn (URL = the turn's permalink, speaker and talk filters),
 * in shards of whole talks on a large site (see SHARD_PAIRS). Any error Pagefind reports fails
 * the build, and Pagefind is always closed. Its browser script gets two latency fixes and is
 * minified (src/lib/search/pagefind-patch.ts).
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import * as pagefind from 'pagefind';
import { listFiles } from '../lib/files';
import { parseFragment, shardFolder, slimFragment } from '../lib/search/pagefind-files';
import { publishPagefindScript } from '../lib/search/pagefind-patch';
import { zopfliFile } from '../lib/search/wasm-zopfli';
import { SITE_FILE, type SearchIndexFiles, type SearchSite } from '../lib/search/site-json';
import {
  indexChunkSize,
  languageFiltered,
  SEARCH_INDEX_LANGUAGE,
  SHARD_PAIRS,
  shardRecords,
  transcriptOrder,
  turnRecords,
  type TurnRecord,
} from '../lib/search/records';

const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

function check(what: string, errors: readonly string[]) {
  if (errors.length > 0) throw new Error(`Pagefind could not ${what}:\n  ${errors.join('\n  ')}`);
}

/** Collects the turn records of every built page that has turns. */
export async function collectRecords(outDir: string): Promise<TurnRecord[]> {
  const records: TurnRecord[] = [];
  for (const relative of (await listFiles(outDir)).filter((file) => file.endsWith('.html'))) {
    const html = await readFile(path.join(outDir, relative), 'utf8');
    if (!html.includes('class="turn"')) continue;
    const pagePath = `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
    records.push(...turnRecords(parseHTML(html).document, pagePath));
  }
  return records;
}

/** Files Pagefind writes into every bundle that this site does not publish (see writeShard). */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;
/** What a merged shard does not need either: the browser runs the first bundle's script and WebAssembly. */
const SHARD_UNUSED = /^(pagefind(-worker)?\.js|wasm\..*\.pagefind)$/;

/** The ids of the records in a written bundle: the names of its fragment files. */
async function fragmentIds(output: string): Promise<string[]> {
  return (await readdir(path.join(output, 'fragment')))
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => name.slice(0, -'.pf_fragment'.length));
}

/** The URL stored in a record's (gzipped) fragment. */
async function fragmentUrl(output: string, id: string): Promise<string> {
  return (
    parseFragment(gunzipSync(await readFile(path.join(output, 'fragment', `${id}.pf_fragment`))).toString('utf8'))
      .url ?? ''
  );
}

/** Rewrites each fragment of a written bundle without the token stream nobody reads (slimFragment). */
async function slimFragments(output: string): Promise<void> {
  for (const id of await fragmentIds(output)) {
    const file = path.join(output, 'fragment', `${id}.pf_fragment`);
    const slim = slimFragment(gunzipSync(await readFile(file)).toString('utf8'));
    // Node's gzip writes no time or name into its header: the same fragment gives the same bytes.
    await writeFile(file, gzipSync(slim, { level: constants.Z_BEST_COMPRESSION }));
  }
}

/** Indexes `records` into `output` with a Pagefind service of its own, closed afterwards (its memory freed). */
async function writeShard(records: readonly TurnRecord[], output: string, first: boolean): Promise<string[]> {
  // Pagefind 1.6 reads the chunk size only from this (documented as unstable) variable of the
  // service it starts on the first call; without it the index is one chunk per 20,000 positions.
  process.env[CHUNK_SIZE_VARIABLE] = String(indexChunkSize(records));
  try {
    // Every record in the one index language, whatever its talk's (see SEARCH_INDEX_LANGUAGE).
    const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_INDEX_LANGUAGE });
    check('start an index', errors);
    if (!index) throw new Error('Pagefind could not start an index: no index returned');
    for (const record of records) {
      const added = await index.addCustomRecord({ ...record, language: SEARCH_INDEX_LANGUAGE });
      check(`index ${record.url}`, added.errors);
    }
    const written = await index.writeFiles({ outputPath: output });
    check('write the index', written.errors);
    await slimFragments(output);
  } finally {
    await pagefind.close();
  }
  // Pagefind always writes its ready-made UIs; this site has its own, so they are not published.
  for (const file of await readdir(output)) {
    if (UNUSED.test(file) || (!first && SHARD_UNUSED.test(file))) await rm(path.join(output, file));
  }
  if (first) {
    const script = path.join(output, 'pagefind.js');
    await writeFile(script, await publishPagefindScript(await readFile(script, 'utf8'), script));
    for (const file of await readdir(output))
      if (/^wasm\..*\.pagefind$/.test(file)) await zopfliFile(path.join(output, file));
  }
  return fragmentIds(output);
}

/**
 * Adds to SITE_FILE (written by src/pages/search/site.json.ts) the files a first search needs
 * from `<outDir>/pagefind/`: the first bundle's metadata and WebAssembly in `language` (named in
 * Pagefind's entry file, which the browser would otherwise read before it can fetch them) and the
 * other shards' folders, and on a site in several languages the languages its records are filtered by
 * (records.ts languageFiltered). Search fetches this one file as it opens (pagefind-loader.ts).
 */
export async function addIndexToSite(
  outDir: string,
  language: string,
  shards: readonly string[],
  languages: readonly string[] = [],
): Promise<SearchIndexFiles> {
  const entryFile = path.join(outDir, 'pagefind', 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as {
    languages?: Record<string, { hash?: unknown; wasm?: unknown }>;
  };
  const start = entry.languages?.[language];
  if (typeof start?.hash !== 'string') {
    throw new Error(`${entryFile}: expected languages.${language}.hash, found ${JSON.stringify(start)}`);
  }
  const index: SearchIndexFiles = {
    meta: `pagefind.${start.hash}.pf_meta`,
    wasm: `wasm.${typeof start.wasm === 'string' ? start.wasm : 'unknown'}.pagefind`,
    shards: [...shards],
    // Only on a site in several languages: the others' site.json stays as it was.
    ...(languages.length > 0 ? { languages: [...languages] } : {}),
  };
  const siteFile = path.join(outDir, SITE_FILE);
  const site = JSON.parse(
    await readFile(siteFile, 'utf8').catch(() => {
      throw new Error(`${siteFile}: expected the file src/pages/search/site.json.ts writes, found none`);
    }),
  ) as SearchSite;
  await writeFile(siteFile, JSON.stringify({ ...site, index }));
  return index;
}

/**
 * Writes the index for `records` into `<outDir>/pagefind/`: one Pagefind bundle per shard
 * (`shardRecords`), all in SEARCH_INDEX_LANGUAGE whatever the talks' languages, and adds its
 * files (the shards to merge among them) to SITE_FILE. Returns the talks' languages and the
 * number of shards.
 */
export async function writeIndex(
  records: readonly TurnRecord[],
  outDir: string,
  maxPairs = SHARD_PAIRS,
): Promise<{ languages: string[]; shards: number }> {
  const languages = [...new Set(records.map((record) => record.language))].sort();
  const root = path.join(outDir, 'pagefind');
  const filtered = languageFiltered(records);
  const shards = shardRecords(transcriptOrder(filtered.records), maxPairs);
  const previous = process.env[CHUNK_SIZE_VARIABLE];
  try {
    const taken = new Set<string>();
    for (const [i, records] of shards.entries()) {
      const output = path.join(root, shardFolder(i + 1));
      let shard = records;
      let ids = await writeShard(shard, output, i === 0);
      // A record's id is a short hash of it, unique within its bundle but not across bundles, and
      // the browser keeps loaded records by id. Two records of different shards with one id (about
      // one chance in five somewhere among 13,000 turns) get a salt and the shard is written again.
      for (let attempt = 1; ids.some((id) => taken.has(id)); attempt += 1) {
        if (attempt > 3) throw new Error(`Pagefind gave records of two shards the same id after ${attempt - 1} salts`);
        const clashing = new Set(
          await Promise.all(ids.filter((id) => taken.has(id)).map((id) => fragmentUrl(output, id))),
        );
        shard = shard.map((record) =>
          clashing.has(record.url) ? { ...record, meta: { ...record.meta, salt: String(attempt) } } : record,
        );
        await rm(output, { recursive: true, force: true });
        ids = await writeShard(shard, output, false);
      }
      for (const id of ids) taken.add(id);
    }
    // An empty index has no language in Pagefind's entry file: search then starts without the list.
    if (records.length > 0)
      await addIndexToSite(
        outDir,
        SEARCH_INDEX_LANGUAGE,
        shards.slice(1).map((_, i) => shardFolder(i + 2)),
        filtered.languages,
      );
  } finally {
    if (previous === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = previous;
  }
  return { languages, shards: shards.length };
}

export interface PagefindIndexOptions {
  /** Pairs per shard at most (default SHARD_PAIRS); tests set a tiny one to build several shards. */
  shardPairs?: number | undefined;
}

export default function pagefindIndex({ shardPairs = SHARD_PAIRS }: PagefindIndexOptions = {}): AstroIntegration {
  return {
    name: 'huitan:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const records = await collectRecords(outDir);
        const { languages, shards } = await writeIndex(records, outDir, shardPairs);
        const ms = Math.round(performance.now() - started);
        const talks =
          languages.length > 1
            ? `talks in ${languages.join(', ')}, one ${SEARCH_INDEX_LANGUAGE} index`
            : languages.join('') || 'no language';
        logger.info(
          `indexed ${records.length} turns (${talks}, ${shards === 1 ? 'one shard' : `${shards} shards`}) in ${ms} ms`,
        );
      },
    },
  };
}
