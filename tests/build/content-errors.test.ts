/**
 * Bad content must never publish. Each case in tests/fixtures/content/errors/ is the valid
 * base fixture with one mistake; building it must fail, print the case's expected lines, name
 * the file (and the field, what was expected and what was found), and leave no reader page.
 * That the base itself is valid is checked without a build (tests/unit/content-errors.test.ts)
 * and by building it with one image added (tests/build/hardening.test.ts), so the failures
 * come from the cases.
 *
 * Builds run at most two at a time (CI machines have two cores), all started in beforeAll;
 * each test awaits its own build.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildFixtureSite,
  createLimiter,
  listErrorCases,
  makeFixtureRoot,
  prepareFixtureSite,
  readErrorCase,
  type BuildResult,
  type FixtureSite,
} from '../helpers/fixture-build';

const READER_PAGE = 'fixture-talk/index.html';
const TEST_TIMEOUT = 300_000;

interface CaseSpec {
  /** The file the message must name, relative to the content dir. */
  file: string;
  /** The field the message must name (on the same line as "expected" and "found"). */
  field: string;
  /** A path, relative to the fixture site's folder (the output folder's parent), the build must not write. */
  outside?: string;
}

const TURNS = 'talks/fixture-talk/turns';

/**
 * One case per stage of the content check, and the cases whose point is the build itself. Every
 * other message is checked without a build, from the same kind of case folder, by
 * tests/unit/content-errors.test.ts (tests/fixtures/content/check-errors/).
 */
const CASES: Record<string, CaseSpec> = {
  // YAML syntax: Astro's own parser and error location, rephrased by src/lib/content/checked-glob.ts.
  'malformed-front-matter': { file: `${TURNS}/03-lin-asks-song.md`, field: 'front matter' },
  // Schema: zod through the content loader, with Astro's heading and Astro's own type message.
  'wrong-type': { file: `${TURNS}/02-he-why-fixtures.md`, field: 'position' },
  // Catalog: cross-file checks in src/lib/content/site.ts, which every page awaits; a wrong speaker above all.
  'unknown-speaker': { file: `${TURNS}/04-song-limits.md`, field: 'speaker' },
  // Markdown: Astro's loader only logs a render error and goes on, so the catalog must stop it, at the file's line.
  'raw-html-script': { file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  // The permalink lock (src/integrations/permalink-lock.ts) runs after the pages are written and empties the output.
  'permalink-removed': { file: 'permalinks.json', field: 'permalink "/fixture-talk/#old-turn-name"' },
  // The lock checks redirects before any page is written: nothing may land outside the output folder.
  'redirect-traversal': {
    file: 'permalinks.json',
    field: 'redirects["/../traversal-demo/"]',
    outside: 'traversal-demo',
  },
};

interface Built {
  site: FixtureSite;
  result: BuildResult;
}

const limit = createLimiter(Math.max(1, Math.min(2, os.availableParallelism())));
const builds = new Map<string, Promise<Built>>();
let fixtureRoot: string | undefined;
let startedAt = 0;

function buildOf(name: string): Promise<Built> {
  const build = builds.get(name);
  if (!build) throw new Error(`expected a build for ${name}, found none (did beforeAll run?)`);
  return build;
}

function queue(name: string, prepare: (parent: string) => Promise<FixtureSite>) {
  const build = limit(async () => {
    const site = await prepare(fixtureRoot!);
    return { site, result: await buildFixtureSite(site) };
  });
  build.catch(() => {}); // reported by the test that awaits it
  builds.set(name, build);
}

/** The last lines of the output, for assertion messages. */
const tail = (output: string, count = 40) => output.trimEnd().split('\n').slice(-count).join('\n');

beforeAll(async () => {
  fixtureRoot = await makeFixtureRoot();
  startedAt = performance.now();
  for (const name of Object.keys(CASES)) {
    queue(name, async (parent) => prepareFixtureSite(parent, name, await readErrorCase(name)));
  }
});

afterAll(async () => {
  const settled = await Promise.allSettled(builds.values());
  const totalMs = performance.now() - startedAt;
  const names = [...builds.keys()];
  const rows = settled.map((outcome, index) =>
    outcome.status === 'fulfilled'
      ? `  ${names[index]}: exit ${outcome.value.result.exitCode} in ${(outcome.value.result.durationMs / 1000).toFixed(1)} s`
      : `  ${names[index]}: ${String(outcome.reason)}`,
  );
  console.log(`${builds.size} fixture builds in ${(totalMs / 1000).toFixed(1)} s (wall time)\n${rows.join('\n')}`);
  if (fixtureRoot) await rm(fixtureRoot, { recursive: true, force: true });
}, TEST_TIMEOUT);

describe('fixture content builds', () => {
  test('every case folder has a spec here, and every spec a folder', async () => {
    expect(await listErrorCases()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, spec] of Object.entries(CASES)) {
    test(
      `${name}: build fails, prints expected.txt, names ${spec.file}, publishes no reader page`,
      async () => {
        const errorCase = await readErrorCase(name);
        const { site, result } = await buildOf(name);
        expect(result.signal, `build killed (timeout?)\n${tail(result.output)}`).toBeNull();
        expect(result.exitCode, `expected a failed build, found exit 0\n${tail(result.output)}`).not.toBe(0);
        for (const line of errorCase.expected) {
          expect(result.output, `expected.txt line missing from the output`).toContain(line);
        }
        expect(result.output, 'the output names the file').toContain(spec.file);
        // The message is the editor's to act on: no stack trace of the site's code under it.
        expect(result.output, `a stack trace was printed\n${tail(result.output)}`).not.toMatch(
          /Stack trace:|^\s+at \S/m,
        );
        expect(existsSync(path.join(site.outDir, READER_PAGE)), `${READER_PAGE} was published`).toBe(false);
        expect(existsSync(path.join(site.outDir, 'index.html')), 'index.html was published').toBe(false);
        expect(existsSync(path.join(site.outDir, '404.html')), '404.html was published').toBe(false);
        if (spec.outside)
          expect(
            existsSync(path.join(site.dir, spec.outside)),
            `${spec.outside} was written outside the output folder`,
          ).toBe(false);
      },
      TEST_TIMEOUT,
    );

    test(
      `${name}: a message line names field ${JSON.stringify(spec.field)}, what was expected and what was found`,
      async () => {
        const { result } = await buildOf(name);
        const lines = result.output
          .split('\n')
          .filter(
            (line) =>
              line.includes(spec.field) && /\bexpected\b/i.test(line) && /\b(found|received|unexpected)\b/i.test(line),
          );
        expect(lines, `no line names the field, "expected" and "found"\n${tail(result.output)}`).not.toEqual([]);
      },
      TEST_TIMEOUT,
    );
  }
});
