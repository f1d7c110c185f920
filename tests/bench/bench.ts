/**
 * `npm run bench`: builds the site (several times, timed), builds the baseline (the same
 * transcript as one plain page with Pagefind's default UI) into a temp folder, serves both with
 * brotli on 127.0.0.1 and measures, for each: first-load bytes by type, Lighthouse's mobile run,
 * and search. Prints medians with min and max, our/baseline ratios and the budgets, and writes
 * everything to tests/bench/results/bench.json.
 *
 * Runs: BENCH_BUILDS (3), BENCH_RUNS (3 loads and searches of each query), BENCH_LH_RUNS (3).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './lib/browser';
import { distDir, root } from '../helpers/paths';
import { serveDist } from '../helpers/server';
import { buildBaseline } from './lib/baseline';
import { CATEGORIES, startLighthouse, type LighthouseRun } from './lib/lighthouse';
import { measureFirstLoad, TYPES, type Weight } from './lib/page-weight';
import {
  baselineResults,
  baselineTarget,
  measureSearch,
  siteResults,
  siteTarget,
  type SearchSample,
} from './lib/search-timing';
import { formatSpread, kb, median, spread, table } from './lib/stats';
import { timedBuild } from './lib/timed-build';

const BUILDS = Number(process.env['BENCH_BUILDS'] ?? 3);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const LH_RUNS = Number(process.env['BENCH_LH_RUNS'] ?? 3);
const TALK = 'waic-2023-roundtable';

interface PageFigures {
  weights: Weight[];
  lighthouse: LighthouseRun[];
}

/** One row of a table: a label and the samples of each column (undefined: not measured). */
type Row = [label: string, ...columns: (number[] | undefined)[]];

function pageRows(pages: PageFigures[]): Row[] {
  const weight = (pick: (w: Weight) => number) => pages.map((page) => page.weights.map(pick));
  const lh = (pick: (run: LighthouseRun) => number) => pages.map((page) => page.lighthouse.map(pick));
  return [
    ['first load, KB transferred', ...weight((w) => kb(w.transferred.total))],
    ...TYPES.map((type): Row => [`  ${type}`, ...weight((w) => kb(w.transferred[type]))]),
    ['first load, KB uncompressed', ...weight((w) => kb(w.uncompressed.total))],
    ['JS before search, KB transferred', ...weight((w) => kb(w.transferred.js))],
    ['JS before search, KB uncompressed', ...weight((w) => kb(w.uncompressed.js))],
    ['requests', ...weight((w) => w.requests)],
    ...CATEGORIES.map((category): Row => [`Lighthouse ${category}`, ...lh((run) => run.scores[category])]),
    ['LCP, ms (Lighthouse mobile)', ...lh((run) => run.lcpMs)],
    ['CLS', ...lh((run) => run.cls)],
    ['TBT, ms', ...lh((run) => run.tbtMs)],
  ];
}

function render(header: string[], rows: Row[]): string {
  return table(
    header,
    rows.map(([label, ...columns]) => [
      label,
      ...columns.map((values) =>
        values
          ? formatSpread(
              values,
              label.startsWith('CLS') ? 3 : label.includes('Lighthouse') || label === 'requests' ? 0 : 1,
              0,
            )
          : '',
      ),
    ]),
  );
}

const searchRows = (samples: SearchSample[]) => ({
  cold: samples.map((s) => s.coldMs),
  warm: samples.map((s) => s.warmMs),
  bytes: samples.map((s) => kb(s.coldBytes)),
});

async function main() {
  // 1. Builds: the site into dist/, as `npm run build` does.
  const builds = [];
  for (let run = 0; run < BUILDS; run += 1) {
    const build = await timedBuild();
    console.log(`build ${run + 1}/${BUILDS}: ${(build.ms / 1000).toFixed(1)} s, peak ${build.peakMb.toFixed(0)} MB`);
    builds.push(build);
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'huitan-bench-'));
  const baselineBuilds: number[] = [];
  let baselineDir = '';
  for (let run = 0; run < BUILDS; run += 1) {
    const started = performance.now();
    baselineDir = await buildBaseline(path.join(root, 'content'), TALK, path.join(scratch, `baseline-${run}`));
    baselineBuilds.push(performance.now() - started);
  }

  const [browser, site, baseline] = await Promise.all([
    launchChromium(),
    serveDist(distDir, { brotli: true }),
    serveDist(baselineDir, { brotli: true }),
  ]);
  const lighthouse = await startLighthouse();
  const reader: PageFigures = { weights: [], lighthouse: [] };
  const home: PageFigures = { weights: [], lighthouse: [] };
  const plain: PageFigures = { weights: [], lighthouse: [] };
  // The English reader (its default, single-language mode), when the talk has an English edition:
  // its first load is held to the Chinese reader's budget. First loads only, no Lighthouse runs.
  const readerEn: PageFigures = { weights: [], lighthouse: [] };
  const englishPath = `/en/${TALK}/`;
  const english = existsSync(path.join(distDir, englishPath, 'index.html'));
  const subjects: [PageFigures, string][] = [
    [reader, `${site.url}/${TALK}/`],
    [home, `${site.url}/`],
    [plain, `${baseline.url}/`],
  ];
  let ours: SearchSample[] = [];
  let theirs: SearchSample[] = [];
  try {
    // 2. First loads and Lighthouse, interleaved so that a busy moment of the machine hits all.
    for (let run = 0; run < RUNS; run += 1) {
      for (const [figures, url] of subjects) figures.weights.push(await measureFirstLoad(browser, url));
      if (english) readerEn.weights.push(await measureFirstLoad(browser, `${site.url}${englishPath}`));
    }
    for (let run = 0; run < LH_RUNS; run += 1) {
      for (const [figures, url] of subjects) figures.lighthouse.push(await lighthouse.run(url));
    }
    // 3. Search, from the reader page and from the baseline page.
    ours = await measureSearch(browser, siteTarget(`${site.url}/${TALK}/`), siteResults, RUNS);
    theirs = await measureSearch(browser, baselineTarget(`${baseline.url}/`), baselineResults, RUNS);
  } finally {
    await lighthouse.close();
    await browser.close();
    await site.close();
    await baseline.close();
    await rm(scratch, { recursive: true, force: true });
  }

  const buildSeconds = builds.map((b) => b.ms / 1000);
  const buildPeak = builds.map((b) => b.peakMb);
  const ourSearch = searchRows(ours);
  const theirSearch = searchRows(theirs);
  const lines: string[] = [];
  lines.push(`\nThis site (${BUILDS} builds, ${RUNS} loads, ${LH_RUNS} Lighthouse runs per page; median (min–max))`);
  lines.push(
    render(
      ['', `reader /${TALK}/`, 'home /'],
      [
        ...pageRows([reader, home]),
        ['search cold, ms', ourSearch.cold, undefined],
        ['search warm, ms', ourSearch.warm, undefined],
        ['first query, KB fetched', ourSearch.bytes, undefined],
        ['build, s', buildSeconds, undefined],
        ['build peak memory, MB', buildPeak, undefined],
      ],
    ),
  );
  if (english) {
    const weight = (pick: (w: Weight) => number) => readerEn.weights.map(pick);
    lines.push(`\nEnglish reader ${englishPath} (${RUNS} loads; median (min–max))`);
    lines.push(
      table(
        ['', `reader ${englishPath}`],
        [
          [
            'first load, KB transferred',
            formatSpread(
              weight((w) => kb(w.transferred.total)),
              1,
            ),
          ],
          [
            'JS before search, KB transferred',
            formatSpread(
              weight((w) => kb(w.transferred.js)),
              1,
            ),
          ],
          [
            'first load, KB uncompressed',
            formatSpread(
              weight((w) => kb(w.uncompressed.total)),
              1,
            ),
          ],
          [
            'requests',
            formatSpread(
              weight((w) => w.requests),
              0,
            ),
          ],
        ],
      ),
    );
  }
  lines.push(`\nBaseline: the same transcript as one plain page with Pagefind's default UI`);
  lines.push(
    render(
      ['', 'page /'],
      [
        ...pageRows([plain]),
        ['search cold, ms', theirSearch.cold],
        ['search warm, ms', theirSearch.warm],
        ['first query, KB fetched', theirSearch.bytes],
        ['index build, s', baselineBuilds.map((ms) => ms / 1000)],
      ],
    ),
  );
  const m = median;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const ratios: [string, number, number][] = [
    [
      'reader first load, KB transferred',
      kb(m(reader.weights.map((w) => w.transferred.total))),
      kb(m(plain.weights.map((w) => w.transferred.total))),
    ],
    [
      'reader first load, KB uncompressed',
      kb(m(reader.weights.map((w) => w.uncompressed.total))),
      kb(m(plain.weights.map((w) => w.uncompressed.total))),
    ],
    [
      'JavaScript before search, KB transferred',
      kb(m(reader.weights.map((w) => w.transferred.js))),
      kb(m(plain.weights.map((w) => w.transferred.js))),
    ],
    ['search cold, ms', m(ourSearch.cold), m(theirSearch.cold)],
    ['search warm, ms', m(ourSearch.warm), m(theirSearch.warm)],
    ['first query, KB fetched', m(ourSearch.bytes), m(theirSearch.bytes)],
  ];
  lines.push('\nOurs / baseline (medians; below 1 is better)');
  lines.push(
    table(
      ['', 'ours', 'baseline', 'ratio'],
      ratios.map(([label, a, b]) => [label, a.toFixed(1), b.toFixed(1), ratio(a, b)]),
    ),
  );

  const lhAll = (figures: PageFigures, category: (typeof CATEGORIES)[number]) =>
    m(figures.lighthouse.map((run) => run.scores[category]));
  const budgets: [string, number, string, boolean][] = [
    [
      'reader first load ≤ 20 KB transferred',
      kb(m(reader.weights.map((w) => w.transferred.total))),
      'KB',
      kb(m(reader.weights.map((w) => w.transferred.total))) <= 20,
    ],
    ...(english
      ? [
          ((value: number): [string, number, string, boolean] => [
            'English reader first load ≤ 20 KB transferred',
            value,
            'KB',
            value <= 20,
          ])(kb(m(readerEn.weights.map((w) => w.transferred.total)))),
        ]
      : []),
    [
      'reader JavaScript before search ≤ 4 KB transferred',
      kb(m(reader.weights.map((w) => w.transferred.js))),
      'KB',
      kb(m(reader.weights.map((w) => w.transferred.js))) <= 4,
    ],
    ...[reader, home].flatMap((figures, index) =>
      CATEGORIES.map((category): [string, number, string, boolean] => [
        `Lighthouse ${category} = 100 (${index === 0 ? 'reader' : 'home'})`,
        lhAll(figures, category),
        '',
        lhAll(figures, category) >= 100,
      ]),
    ),
    ...[reader, home].map((figures, index): [string, number, string, boolean] => {
      const lcp = m(figures.lighthouse.map((run) => run.lcpMs));
      return [`LCP ≤ 900 ms, Lighthouse mobile (${index === 0 ? 'reader' : 'home'})`, lcp, 'ms', lcp <= 900];
    }),
    ['search cold ≤ 120 ms', m(ourSearch.cold), 'ms', m(ourSearch.cold) <= 120],
    ['search warm ≤ 5 ms', m(ourSearch.warm), 'ms', m(ourSearch.warm) <= 5],
    ['first query ≤ 80 KB fetched', m(ourSearch.bytes), 'KB', m(ourSearch.bytes) <= 80],
    ['build ≤ 15 s', m(buildSeconds), 's', m(buildSeconds) <= 15],
  ];
  lines.push('\nBudgets');
  for (const [label, value, unit, pass] of budgets)
    lines.push(
      `${pass ? 'PASS' : 'FAIL'}  ${label}: ${value.toFixed(unit === 'ms' || unit === '' ? 0 : 1)}${unit ? ` ${unit}` : ''}`,
    );
  const findings = [...new Set([reader, home].flatMap((figures) => figures.lighthouse.flatMap((run) => run.findings)))];
  if (findings.length > 0)
    lines.push(`\nLighthouse findings (audits below full marks in any run):\n  ${findings.join('\n  ')}`);
  for (const [who, samples] of [
    ['this site', ours],
    ['the baseline', theirs],
  ] as const) {
    const empty = [...new Set(samples.filter((sample) => sample.results === 0).map((sample) => sample.query))];
    if (empty.length > 0) lines.push(`Note: ${who} showed no results for ${empty.join(', ')}`);
  }
  console.log(lines.join('\n'));

  const out = path.join(root, 'tests/bench/results');
  await mkdir(out, { recursive: true });
  const json = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGb: os.totalmem() / 2 ** 30,
      node: process.version,
    },
    runs: { builds: BUILDS, loads: RUNS, lighthouse: LH_RUNS },
    site: {
      build: { seconds: spread(buildSeconds), peakMb: spread(buildPeak) },
      reader,
      ...(english ? { readerEn } : {}),
      home,
      search: {
        samples: ours,
        coldMs: spread(ourSearch.cold),
        warmMs: spread(ourSearch.warm),
        firstQueryKb: spread(ourSearch.bytes),
      },
    },
    baseline: {
      indexBuildSeconds: spread(baselineBuilds.map((ms) => ms / 1000)),
      page: plain,
      search: {
        samples: theirs,
        coldMs: spread(theirSearch.cold),
        warmMs: spread(theirSearch.warm),
        firstQueryKb: spread(theirSearch.bytes),
      },
    },
    ratios: Object.fromEntries(ratios.map(([label, a, b]) => [label, a / b])),
    budgets: budgets.map(([label, value, unit, pass]) => ({ label, value, unit, pass })),
  };
  await writeFile(path.join(out, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(root, path.join(out, 'bench.json'))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
