/**
 * `npm run bench:search`: how fast search answers, measured as `npm run bench` does (see
 * tests/bench/lib/search-timing.ts) against the built site in dist/, served with brotli on
 * 127.0.0.1: from the reader page, the dialog opened and the query submitted at once (cold, in a
 * fresh browser context), then the queries again (warm). Prints medians with min and max and
 * writes tests/bench/results/search.json. BENCH_RUNS (5) cold samples per query.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { distDir, root } from '../helpers/paths';
import { serveDist } from '../helpers/server';
import { launchChromium } from './lib/browser';
import { byKindSummary, measureSearch, SEARCH_QUERIES, siteResults, siteTarget } from './lib/search-timing';
import { formatSpread, kb, spread, table } from './lib/stats';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const PAGE = process.env['BENCH_PAGE'] ?? '/waic-2023-roundtable/';

async function main() {
  if (!existsSync(path.join(distDir, 'pagefind', 'pagefind.js'))) {
    throw new Error(`expected a built site with a search index in ${distDir}, found none: run \`npm run build\` first`);
  }
  const [browser, server] = await Promise.all([launchChromium(), serveDist(distDir, { brotli: true })]);
  try {
    const samples = await measureSearch(browser, siteTarget(`${server.url}${PAGE}`), siteResults, RUNS);
    const rows = [...SEARCH_QUERIES, 'all queries'].map((query) => {
      const mine = query === 'all queries' ? samples : samples.filter((sample) => sample.query === query);
      return {
        query,
        cold: mine.map((s) => s.coldMs),
        warm: mine.map((s) => s.warmMs),
        kb: mine.map((s) => kb(s.coldBytes)),
        results: mine[0]?.results ?? 0,
      };
    });
    console.log(
      `search benchmark: ${RUNS} runs per query from ${PAGE}, fresh browser context each run; median (min–max)`,
    );
    console.log(
      table(
        ['query', 'cold ms', 'warm ms', 'first-query KB', 'results'],
        rows.map((row) => [
          row.query,
          formatSpread(row.cold, 1, 0),
          formatSpread(row.warm, 2, 0),
          formatSpread(row.kb, 1, 0),
          row.query === 'all queries' ? '' : String(row.results),
        ]),
      ),
    );
    console.log(`a cold query's requests and KB by file, medians: ${byKindSummary(samples)}`);
    const out = path.join(root, 'tests/bench/results');
    await mkdir(out, { recursive: true });
    const medians = {
      coldMs: spread(rows.at(-1)!.cold),
      warmMs: spread(rows.at(-1)!.warm),
      firstQueryKb: spread(rows.at(-1)!.kb),
    };
    await writeFile(
      path.join(out, 'search.json'),
      `${JSON.stringify({ runs: RUNS, page: PAGE, rows, medians, samples }, null, 2)}\n`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
