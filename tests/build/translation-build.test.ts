/**
 * A broken translation stops `astro build` itself, not only the unit checks: the base fixture
 * with its English translation (tests/fixtures/content/translated/) minus one translated turn.
 * Every other translation problem is checked without a build (tests/unit/edition.test.ts), by
 * the same catalog step the build runs.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { listFiles } from '../../src/lib/files';
import {
  buildFixtureSite,
  fixturesDir,
  makeFixtureRoot,
  prepareFixtureSite,
  type ErrorCase,
} from '../helpers/fixture-build';

const TRANSLATED = path.join(fixturesDir, 'translated');
const MISSING = 'talks/fixture-talk/translations/en/turns/04-song-limits.md';
let fixtureRoot: string | undefined;

afterAll(async () => {
  if (fixtureRoot) await rm(fixtureRoot, { recursive: true, force: true });
});

test('a translation missing a turn stops the build, naming the file, field, expected and found', async () => {
  fixtureRoot = await makeFixtureRoot();
  const overlay = (await listFiles(TRANSLATED)).filter((rel) => rel !== 'README.md' && rel !== MISSING);
  expect(overlay.length, 'the translated fixture is laid over base').toBeGreaterThan(5);
  const translationCase: ErrorCase = {
    name: 'translation-turn-missing',
    dir: TRANSLATED,
    overlay,
    deleted: [],
    expected: [],
  };
  const site = await prepareFixtureSite(fixtureRoot, translationCase.name, translationCase);
  const result = await buildFixtureSite(site);
  expect(result.exitCode, result.output.slice(-3000)).not.toBe(0);
  // Astro names the original's file relative to the project root (the repository), the
  // translation's reader relative to the working folder (the fixture site's): the same in `npm run build`.
  expect(result.output).toMatch(
    new RegExp(
      `content/${MISSING} field "file": expected a translation of \\S*content/talks/fixture-talk/turns/04-song-limits\\.md ` +
        `\\(anchor "song-limits"\\), found no translated turn with that anchor`,
    ),
  );
  expect(result.output, 'a stack trace was printed').not.toMatch(/Stack trace:|^\s+at \S/m);
  expect(existsSync(path.join(site.outDir, 'fixture-talk/index.html')), 'the reader was published').toBe(false);
}, 300_000);
