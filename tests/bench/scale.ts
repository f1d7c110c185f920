/**
 * `npm run bench:scale -- --talks N[,N…]`: generates N synthetic talks (tests/bench/lib/synthetic-
 * talks.ts) into a temp content folder, builds them in isolation (HUITAN_CONTENT_DIR, _OUT_DIR,
 * _CACHE_DIR, from a temp working directory with --root, as tests/helpers/fixture-build.ts
 * explains), then builds again with the cache kept, and reports build times, peak memory, the
 * size and file count of the output, the index size, the social cards, and search: cold time and
 * bytes fetched per first query from a talk page, and where each build's time went (social cards,
 * share pages, other pages, the index: see lib/build-phases.ts). Writes
 * tests/bench/results/scale.json.
 * BENCH_RUNS (2) cold samples per query; BENCH_KEEP=1 keeps the temp folder.
 */
import { mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { root } from '../helpers/paths';
import { serveDist } from '../helpers/server';
import { launchChromium } from './lib/browser';
import { buildPhases } from './lib/build-phases';
import { byKindSummary, measureSearch, siteResults, siteTarget } from './lib/search-timing';
import { kb, median, table } from './lib/stats';
import { writeSyntheticTalks } from './lib/synthetic-talks';
import { timedBuild } from './lib/timed-build';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 2);
/** Words every synthetic talk draws from (the real transcript's), Chinese and Latin. */
const QUERIES = ['强化学习', '多模态', '幻觉', '扩散模型', 'GAN'];

function talkCounts(argv: readonly string[]): number[] {
  const at = argv.indexOf('--talks');
  const value = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--talks='))?.slice('--talks='.length);
  const counts = (value ?? '10').split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--talks: expected positive whole numbers, found ${JSON.stringify(value)}`);
  return counts;
}

async function tree(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

async function pngs(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.png')) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

async function scale(talks: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `huitan-scale-${talks}-`));
  const site = {
    contentDir: path.join(dir, 'content'),
    outDir: path.join(dir, 'out'),
    cacheDir: path.join(dir, 'cache'),
  };
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  try {
    await writeSyntheticTalks(path.join(root, 'content'), site.contentDir, talks);
    const env = { HUITAN_CONTENT_DIR: site.contentDir, HUITAN_OUT_DIR: site.outDir, HUITAN_CACHE_DIR: site.cacheDir };
    const cold = await timedBuild({ cwd: dir, env });
    console.log(`${talks} talks: first build ${(cold.ms / 1000).toFixed(1)} s, peak ${cold.peakMb.toFixed(0)} MB`);
    const again = await timedBuild({ cwd: dir, env });
    console.log(
      `${talks} talks: second build (cache kept) ${(again.ms / 1000).toFixed(1)} s, peak ${again.peakMb.toFixed(0)} MB`,
    );
    const phases = { build: buildPhases(cold.output), rebuild: buildPhases(again.output) };
    const processes = { build: cold.peakByProcessMb, rebuild: again.peakByProcessMb };
    const mb = (peaks: Record<string, number>) =>
      Object.entries(peaks)
        .map(([name, value]) => `${name} ${value.toFixed(0)} MB`)
        .join(', ');
    console.log(
      `${talks} talks: each process's peak, first build: ${mb(processes.build)}; rebuild: ${mb(processes.rebuild)}`,
    );
    const out = await tree(site.outDir);
    const index = await tree(path.join(site.outDir, 'pagefind'));
    const cards = await pngs(site.outDir);
    const [browser, server] = await Promise.all([launchChromium(), serveDist(site.outDir, { brotli: true })]);
    let samples;
    try {
      const first = `synthetic-${String(1).padStart(Math.max(4, String(talks).length), '0')}`;
      samples = await measureSearch(browser, siteTarget(`${server.url}/${first}/`), siteResults, RUNS, QUERIES);
    } finally {
      await browser.close();
      await server.close();
    }
    console.log(`${talks} talks: a cold query's requests and KB by file, medians: ${byKindSummary(samples)}`);
    return {
      talks,
      buildS: cold.ms / 1000,
      rebuildS: again.ms / 1000,
      peakMb: Math.max(cold.peakMb, again.peakMb),
      distMb: out.bytes / 2 ** 20,
      distFiles: out.files,
      indexKb: kb(index.bytes),
      indexFiles: index.files,
      cards: cards.files,
      cardsMb: cards.bytes / 2 ** 20,
      searchColdMs: median(samples.map((s) => s.coldMs)),
      searchWarmMs: median(samples.map((s) => s.warmMs)),
      firstQueryKb: median(samples.map((s) => kb(s.coldBytes))),
      maxQueryKb: Math.max(...samples.map((s) => kb(s.coldBytes))),
      queryByKind: byKindSummary(samples),
      phases,
      processes,
      results: Object.fromEntries(QUERIES.map((q) => [q, samples.find((s) => s.query === q)?.results ?? 0])),
    };
  } finally {
    if (process.env['BENCH_KEEP'] !== '1') await rm(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

async function main() {
  const results = [];
  for (const talks of talkCounts(process.argv.slice(2))) results.push(await scale(talks));
  console.log(
    `\nScale: synthetic talks (13 turns, 5 speakers, 3 key quotes each); search medians of ${RUNS} cold runs × ${QUERIES.length} queries`,
  );
  console.log(
    table(
      [
        'talks',
        'build s',
        'rebuild s',
        'peak MB',
        'dist MB',
        'dist files',
        'index KB',
        'cards',
        'cold ms',
        'warm ms',
        'query KB',
        'max query KB',
      ],
      results.map((r) => [
        String(r.talks),
        r.buildS.toFixed(1),
        r.rebuildS.toFixed(1),
        r.peakMb.toFixed(0),
        r.distMb.toFixed(1),
        String(r.distFiles),
        r.indexKb.toFixed(0),
        String(r.cards),
        r.searchColdMs.toFixed(0),
        r.searchWarmMs.toFixed(1),
        r.firstQueryKb.toFixed(1),
        r.maxQueryKb.toFixed(1),
      ]),
    ),
  );
  console.log(
    '\nWhere the time goes (seconds of page rendering per kind, and the Pagefind index), first build / rebuild',
  );
  const pair = (a: number, b: number) => `${a.toFixed(1)} / ${b.toFixed(1)}`;
  console.log(
    table(
      ['talks', 'cards', 'share pages', 'other pages', 'index'],
      results.map(({ talks, phases: { build, rebuild } }) => [
        String(talks),
        pair(build.cardsS, rebuild.cardsS),
        pair(build.sharePagesS, rebuild.sharePagesS),
        pair(build.otherPagesS, rebuild.otherPagesS),
        pair(build.indexS, rebuild.indexS),
      ]),
    ),
  );
  for (const r of results) {
    const targets = [
      `${r.talks} talks: ${r.buildS <= 300 ? 'PASS' : 'FAIL'} build ≤ 5 min (${r.buildS.toFixed(0)} s)`,
      `${r.peakMb <= 4096 ? 'PASS' : 'FAIL'} peak memory ≤ 4 GB (${r.peakMb.toFixed(0)} MB)`,
      `${r.maxQueryKb <= 300 ? 'PASS' : 'FAIL'} a query fetches ≤ 300 KB (max ${r.maxQueryKb.toFixed(0)} KB)`,
    ];
    console.log(targets.join('; '));
  }
  const out = path.join(root, 'tests/bench/results');
  await mkdir(out, { recursive: true });
  await writeFile(
    path.join(out, 'scale.json'),
    `${JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, node: process.version, results }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
