/**
 * Fixture-site builds: copy a content tree into a temp dir, apply an error case to it, and run
 * `astro build` on it with its own content, output and cache dirs (see astro.config.mjs).
 *
 * A case folder (tests/fixtures/content/errors/<case>/ or check-errors/<case>/) holds the files that differ from
 * base, an optional `_delete.txt` (paths to remove, one a line, relative to the content dir)
 * and `expected.txt` (lines the build output, or the content check's message, must contain, one a line).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listFiles } from '../../src/lib/files';
import { root, testContentDir } from './paths';

export const fixturesDir = path.join(root, 'tests/fixtures/content');
export const baseFixture = path.join(fixturesDir, 'base');
/** Cases whose point is that `astro build` stops (tests/build/content-errors.test.ts). */
export const errorCasesDir = path.join(fixturesDir, 'errors');
/** Cases the content check alone reports, checked without a build (tests/unit/content-errors.test.ts). */
export const checkCasesDir = path.join(fixturesDir, 'check-errors');

/** Files of a case folder that describe the case rather than overlay the content. */
const CASE_META = new Set(['expected.txt', '_delete.txt']);

export interface ErrorCase {
  name: string;
  dir: string;
  /** Content files the case replaces or adds, relative to the content dir, '/'-separated. */
  overlay: string[];
  /** Paths the case removes, relative to the content dir. */
  deleted: string[];
  /** Lines the build output must contain. */
  expected: string[];
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');

export async function listErrorCases(casesDir = errorCasesDir): Promise<string[]> {
  const entries = await readdir(casesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function readErrorCase(name: string, casesDir = errorCasesDir): Promise<ErrorCase> {
  const dir = path.join(casesDir, name);
  const files = await listFiles(dir);
  const expectedFile = path.join(dir, 'expected.txt');
  if (!existsSync(expectedFile)) throw new Error(`expected ${expectedFile}, found none`);
  const deleteFile = path.join(dir, '_delete.txt');
  return {
    name,
    dir,
    overlay: files.filter((file) => !CASE_META.has(file)),
    deleted: existsSync(deleteFile) ? lines(await readFile(deleteFile, 'utf8')) : [],
    expected: lines(await readFile(expectedFile, 'utf8')),
  };
}

export interface FixtureSite {
  /** Temp folder holding content/, out/, cache/ and the node_modules link. */
  dir: string;
  contentDir: string;
  outDir: string;
  cacheDir: string;
}

/**
 * Copies base (and the case, if any) into a fresh folder under `parent`. The folder gets a
 * `node_modules` link to the project's: Astro runs the prerender chunks it writes to the out
 * dir, and they import packages by name.
 */
export async function prepareFixtureSite(parent: string, name: string, errorCase?: ErrorCase): Promise<FixtureSite> {
  const dir = await mkdtemp(path.join(parent, `${name}-`));
  const site: FixtureSite = {
    dir,
    contentDir: path.join(dir, 'content'),
    outDir: path.join(dir, 'out'),
    cacheDir: path.join(dir, 'cache'),
  };
  await cp(baseFixture, site.contentDir, { recursive: true });
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (errorCase) {
    for (const rel of errorCase.deleted) {
      const target = path.resolve(site.contentDir, rel);
      if (!target.startsWith(site.contentDir + path.sep))
        throw new Error(
          `${errorCase.name}/_delete.txt: expected a path inside the content dir, found ${JSON.stringify(rel)}`,
        );
      if (!existsSync(target))
        throw new Error(
          `${errorCase.name}/_delete.txt: expected ${JSON.stringify(rel)} to exist in base, found nothing`,
        );
      await rm(target, { recursive: true });
    }
    for (const rel of errorCase.overlay) {
      const target = path.join(site.contentDir, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await cp(path.join(errorCase.dir, rel), target);
    }
  }
  return site;
}

/**
 * A temp folder to build the project's own content into (content/, or HUITAN_TEST_CONTENT, read in place), for
 * builds that must not touch dist/: a second clean build, a build under a base path.
 */
export async function prepareProjectBuild(parent: string, name: string): Promise<FixtureSite> {
  const dir = await mkdtemp(path.join(parent, `${name}-`));
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { dir, contentDir: testContentDir, outDir: path.join(dir, 'out'), cacheDir: path.join(dir, 'cache') };
}

export interface BuildResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr interleaved as they arrived, without ANSI colour codes. */
  output: string;
  durationMs: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * Runs `node node_modules/astro/astro.js build` for the project at the repository root, on a
 * fixture site. The process runs in the site's temp folder with `--root <repo>`, not in the
 * repository: for an out dir outside the working directory, Astro 5 stages the prerender build
 * in `<cwd>/.astro/`, copies it to the out dir and deletes `<cwd>/.astro/`, so two fixture
 * builds started from the repository would delete each other's staging folder (and the
 * project's generated types). With the out dir inside the working directory Astro builds in
 * place, as it does for `dist/`.
 */
const VITEST_ENV = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']);

export function buildFixtureSite(
  site: FixtureSite,
  timeoutMs = 180_000,
  extraEnv: Record<string, string> = {},
): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Vitest sets NODE_ENV=test, VITEST* and Vite's import.meta.env keys (BASE_URL=/, MODE, DEV,
  // PROD, SSR, TEST) in process.env; the child is a production build like `npm run build`, and
  // an inherited BASE_URL would override the base it is built with.
  for (const key of Object.keys(env)) if (VITEST_ENV.has(key) || key.startsWith('VITEST')) delete env[key];
  Object.assign(env, {
    HUITAN_CONTENT_DIR: site.contentDir,
    HUITAN_OUT_DIR: site.outDir,
    HUITAN_CACHE_DIR: site.cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    ...extraEnv,
  });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/astro/astro.js'), 'build', '--root', root], {
      cwd: site.dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        output: Buffer.concat(chunks).toString('utf8').replace(ANSI, ''),
        durationMs: performance.now() - started,
      });
    });
  });
}

/** Runs async jobs with at most `limit` at a time, in the order they were queued. */
export function createLimiter(limit: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= limit) return;
    const start = queue.shift();
    if (start) {
      active += 1;
      start();
    }
  };
  return function run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(() => {
        job()
          .then(resolve, reject)
          .finally(() => {
            active -= 1;
            next();
          });
      });
      next();
    });
  };
}

/** A fresh parent folder for fixture sites under the OS temp dir. */
export function makeFixtureRoot(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'huitan-fixture-'));
}
