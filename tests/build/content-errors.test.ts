/**
 * Bad content must never publish. Each case in tests/fixtures/content/errors/ is the valid
 * base fixture with one mistake; building it must fail, print the case's expected lines, name
 * the file (and the field, what was expected and what was found), and leave no reader page.
 * The unmodified base must build, so the failures come from the cases.
 *
 * Builds run at most two at a time (CI machines have two cores), all started in beforeAll;
 * each test awaits its own build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
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
  /** Why the build does not fail (known src gap): the build test is `test.fails`. */
  buildGap?: string;
  /** Why the message is poor (known src gap): the message test is `test.fails`. */
  messageGap?: string;
  /** A path, relative to the fixture site's folder (the output folder's parent), the build must not write. */
  outside?: string;
}

const TURNS = 'talks/fixture-talk/turns';

const CASES: Record<string, CaseSpec> = {
  'unknown-speaker': { file: `${TURNS}/04-song-limits.md`, field: 'speaker' },
  'not-a-participant': { file: `${TURNS}/04-song-limits.md`, field: 'speaker' },
  'duplicate-anchor': { file: `${TURNS}/04-song-limits.md`, field: 'anchor' },
  'duplicate-position': { file: `${TURNS}/04-song-limits.md`, field: 'position' },
  'quote-span-missing': { file: `${TURNS}/02-he-why-fixtures.md`, field: 'quotes[0].span' },
  'quote-span-twice': { file: `${TURNS}/02-he-why-fixtures.md`, field: 'quotes[0].span' },
  'empty-turn': { file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'hard-wrapped-paragraph': { file: `${TURNS}/04-song-limits.md`, field: 'body' },
  'unknown-field': { file: `${TURNS}/01-lin-opening.md`, field: 'mood' },
  'speaker-unknown-field': { file: 'speakers/he-yun.yaml', field: 'weibo' },
  'wrong-type': { file: `${TURNS}/02-he-why-fixtures.md`, field: 'position' },
  'talk-without-turns': { file: 'talks/fixture-talk/talk.yaml', field: 'turns' },
  'outline-missing-turn': { file: 'talks/fixture-talk/talk.yaml', field: 'outline[1].start' },
  'malformed-front-matter': { file: `${TURNS}/03-lin-asks-song.md`, field: 'front matter' },
  'missing-required-field': { file: `${TURNS}/03-lin-asks-song.md`, field: 'speaker' },
  'invalid-anchor': { file: `${TURNS}/04-song-limits.md`, field: 'anchor' },
  'fact-without-source': { file: 'speakers/song-ming.yaml', field: 'role.source' },
  'raw-html-script': { file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'raw-html-onerror': { file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'raw-html-iframe': { file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'raw-html-style': { file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'javascript-link': { file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'unsafe-source-url': { file: 'talks/fixture-talk/talk.yaml', field: 'source.url' },
  'remote-image': { file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'permalink-removed': { file: 'permalinks.json', field: 'permalink "/fixture-talk/#old-turn-name"' },
  'redirect-traversal': {
    file: 'permalinks.json',
    field: 'redirects["/../traversal-demo/"]',
    outside: 'traversal-demo',
  },
  'quote-span-crosses-formatting': { file: `${TURNS}/02-he-why-fixtures.md`, field: 'quotes[0].span' },
  'import-placeholder': { file: 'talks/fixture-talk/talk.yaml', field: 'summary' },
  'note-reference-undefined': { file: `${TURNS}/04-song-limits.md`, field: 'body' },
  'note-definition-unused': { file: `${TURNS}/04-song-limits.md`, field: 'body' },
  'note-kind-unknown': { file: `${TURNS}/04-song-limits.md`, field: 'body' },
  'paragraph-starts-backwards': { file: `${TURNS}/04-song-limits.md`, field: 'paragraphStarts' },
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
  queue('base', (parent) => prepareFixtureSite(parent, 'base'));
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

  test(
    'the unmodified base builds: exit 0, no logged errors, reader page with its turns',
    async () => {
      const { site, result } = await buildOf('base');
      expect(result.exitCode, tail(result.output)).toBe(0);
      expect(result.output).not.toMatch(/\[ERROR\]|\[WARN\]/);
      const page = path.join(site.outDir, READER_PAGE);
      expect(existsSync(page), `expected ${page}`).toBe(true);
      const { document } = parseHTML(readFileSync(page, 'utf8'));
      const turns = [...document.querySelectorAll('article.turn')];
      expect(turns.map((turn) => turn.id)).toEqual(['lin-opening', 'he-why-fixtures', 'lin-asks-song', 'song-limits']);
      expect(turns.map((turn) => turn.getAttribute('data-speaker'))).toEqual([
        'lin-zhou',
        'he-yun',
        'lin-zhou',
        'song-ming',
      ]);
      for (const turn of turns) {
        expect(turn.querySelector('.turn-body')?.textContent?.trim(), `body of #${turn.id}`).not.toBe('');
      }
      expect(document.querySelector('#song-limits .turn-body')?.textContent).toContain(
        '所以每发现一种新的错误，就应该补上一个新的测试用例。',
      );
      expect(document.querySelector('mark#quote-bad-content-never-publishes')?.textContent).toBe(
        '坏的内容一旦发布，就很难收回',
      );
      expect([...document.querySelectorAll('section.talk-section[id]')].map((section) => section.id)).toEqual([
        'why-fixtures',
        'limits',
      ]);
      expect(existsSync(path.join(site.outDir, 'index.html'))).toBe(true);
    },
    TEST_TIMEOUT,
  );

  for (const [name, spec] of Object.entries(CASES)) {
    const buildTest = spec.buildGap ? test.fails : test;
    buildTest(
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

    const messageTest = spec.messageGap ? test.fails : test;
    messageTest(
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
