/**
 * Astro integration: after the build, index every turn of every reader page with Pagefind's
 * Node API, one custom record per turn (URL = the turn's permalink, speaker and talk filters).
 * Any error Pagefind reports fails the build, and Pagefind is always closed. Its browser script
 * gets one latency fix (src/lib/pagefind-patch.ts).
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import * as pagefind from 'pagefind';
import { listFiles } from '../lib/files';
import { patchPagefindScript } from '../lib/pagefind-patch';
import { indexChunkSize, turnRecords, type TurnRecord } from '../lib/search-records';

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

/** Writes the index for `records` into `<outDir>/pagefind/`. */
export async function writeIndex(records: readonly TurnRecord[], outDir: string): Promise<{ languages: string[] }> {
  const languages = [...new Set(records.map((record) => record.language))];
  if (languages.length > 1) {
    throw new Error(`expected one language on every page, found ${languages.join(', ')}: the index would split`);
  }
  // Pagefind 1.6 reads the chunk size only from this (documented as unstable) variable of the
  // service it starts on the first call; without it the index is one chunk per 20,000 positions.
  const previous = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = String(indexChunkSize(records));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: languages[0] ?? 'zh-cn' });
    check('start an index', errors);
    if (!index) throw new Error('Pagefind could not start an index: no index returned');
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      check(`index ${record.url}`, added.errors);
    }
    const output = path.join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath: output });
    check('write the index', written.errors);
    // Pagefind always writes its ready-made UIs; this site has its own, so they are not published.
    for (const file of await readdir(output)) {
      if (/^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(file)) await rm(path.join(output, file));
    }
    const script = path.join(output, 'pagefind.js');
    await writeFile(script, patchPagefindScript(await readFile(script, 'utf8'), script));
  } finally {
    await pagefind.close();
    if (previous === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = previous;
  }
  return { languages };
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'huitan:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const records = await collectRecords(outDir);
        const { languages } = await writeIndex(records, outDir);
        const ms = Math.round(performance.now() - started);
        logger.info(`indexed ${records.length} turns (${languages.join(', ') || 'no language'}) in ${ms} ms`);
      },
    },
  };
}
