/**
 * `npm run bench:search`: how fast search answers, measured in headless Chromium against the
 * built site served with brotli on 127.0.0.1. For each query and run, a fresh browser context
 * (empty cache) opens /search/, then times the first query (cold: Pagefind's start-up, its
 * WebAssembly, the index and the result fragments) and the same query again plus the other
 * queries (warm). Bytes are what the network transferred for the first query. Prints medians
 * with min and max and writes tests/bench/results/search.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { distDir, root } from '../helpers/paths';
import { serveDist } from '../helpers/server';

const QUERIES = ['幻觉', '多模态', '自主学习各种', 'DragGAN', 'moe', 'GAN 扩散模型', '杨植麟'];
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

interface Sample {
  coldMs: number;
  warmMs: number;
  coldBytes: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Runs one query through the page's search form and resolves with its duration in ms. */
function timeQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (q) =>
      new Promise<number>((resolve) => {
        const panel = document.querySelector('ht-search-panel')!;
        const input = panel.querySelector<HTMLInputElement>('.search-input')!;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!panel.hasAttribute('aria-busy')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(panel, { attributes: true, attributeFilter: ['aria-busy'] });
        input.value = q;
        input.form!.requestSubmit();
      }),
    query,
  );
}

async function sample(browser: Browser, baseUrl: string, query: string): Promise<Sample> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/search/`, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => customElements.get('ht-search-panel') !== undefined);
  let bytes = 0;
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }),
    );
  });
  const coldMs = await timeQuery(page, query);
  await Promise.all(pending);
  const coldBytes = bytes;
  const warm: number[] = [];
  for (const other of [query, ...QUERIES.filter((q) => q !== query)]) warm.push(await timeQuery(page, other));
  await context.close();
  return { coldMs, warmMs: median(warm), coldBytes };
}

const format = (values: number[], digits = 1) =>
  `${median(values).toFixed(digits).padStart(8)} ${Math.min(...values).toFixed(digits).padStart(8)} ${Math.max(...values).toFixed(digits).padStart(8)}`;

async function main() {
  if (!existsSync(path.join(distDir, 'pagefind', 'pagefind.js'))) {
    throw new Error(`expected a built site with a search index in ${distDir}, found none: run \`npm run build\` first`);
  }
  const [browser, server] = await Promise.all([launchChromium(), serveDist(distDir, { brotli: true })]);
  try {
    const rows: { query: string; cold: number[]; warm: number[]; bytes: number[] }[] = [];
    for (const query of QUERIES) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run += 1) samples.push(await sample(browser, server.url, query));
      rows.push({
        query,
        cold: samples.map((s) => s.coldMs),
        warm: samples.map((s) => s.warmMs),
        bytes: samples.map((s) => s.coldBytes / 1024),
      });
    }
    const lines = [
      `search benchmark: ${RUNS} runs per query, fresh browser context each run (median, min, max)`,
      `${'query'.padEnd(14)} ${'cold ms'.padStart(26)} ${'warm ms'.padStart(26)} ${'first-query KB'.padStart(26)}`,
      ...rows.map(
        (row) => `${row.query.padEnd(14)} ${format(row.cold)} ${format(row.warm, 2)} ${format(row.bytes)}`,
      ),
    ];
    const all = {
      cold: median(rows.flatMap((row) => row.cold)),
      warm: median(rows.flatMap((row) => row.warm)),
      bytes: median(rows.flatMap((row) => row.bytes)),
    };
    lines.push(
      `${'all queries'.padEnd(14)} ${all.cold.toFixed(1).padStart(8)} ms cold, ${all.warm.toFixed(2)} ms warm, ${all.bytes.toFixed(1)} KB for the first query (medians)`,
    );
    console.log(lines.join('\n'));
    const out = path.join(root, 'tests/bench/results');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'search.json'), `${JSON.stringify({ runs: RUNS, rows, medians: all }, null, 2)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
