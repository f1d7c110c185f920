/**
 * What the importer writes, the build must accept as written: speech that looks like a note
 * call (`[^1]`, `[^note]`) is imported escaped and published as the words, not refused as a
 * note without a definition. And a talk that an interrupted import moved aside (only its
 * `.previous` folder left) stops the build instead of vanishing from the site.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport } from '../../src/cli/import-command';
import {
  buildFixtureSite,
  createLimiter,
  makeFixtureRoot,
  prepareFixtureSite,
  type BuildResult,
  type FixtureSite,
} from '../helpers/fixture-build';

const TIMEOUT = 300_000;
const limit = createLimiter(2);
let parent: string;
let notes: Promise<{ site: FixtureSite; result: BuildResult; importOutput: string }>;
let movedAside: Promise<{ site: FixtureSite; result: BuildResult }>;

// Turn 2 keeps the fixture's quoted span, so the re-import keeps its key quote.
const TRANSCRIPT = [
  '林舟：',
  '脚注写成[^1]这样。',
  '何云：',
  '坏的内容一旦发布，就很难收回。还有[^note]这种写法，以及\\[^x]。',
  '林舟：',
  '好。',
  '宋明：',
  '同意。',
  '',
].join('\n');

beforeAll(async () => {
  parent = await makeFixtureRoot();
  notes = limit(async () => {
    const site = await prepareFixtureSite(parent, 'import-notes');
    await writeFile(path.join(site.dir, 't.txt'), TRANSCRIPT);
    const out: string[] = [];
    const code = await runImport(['t.txt', '--talk', 'fixture-talk', '--force'], {
      cwd: site.dir,
      env: { HUITAN_CONTENT_DIR: site.contentDir },
      stdout: (text) => out.push(text),
      stderr: (text) => out.push(text),
    });
    if (code !== 0) throw new Error(`import failed:\n${out.join('\n')}`);
    return { site, result: await buildFixtureSite(site), importOutput: out.join('\n') };
  });
  movedAside = limit(async () => {
    const site = await prepareFixtureSite(parent, 'moved-aside');
    const talks = path.join(site.contentDir, 'talks');
    await rename(path.join(talks, 'fixture-talk'), path.join(talks, '.fixture-talk.import-a1b2c3.previous'));
    return { site, result: await buildFixtureSite(site) };
  });
  // Failures surface in the tests that await them.
  notes.catch(() => {});
  movedAside.catch(() => {});
}, TIMEOUT);

afterAll(async () => {
  await Promise.allSettled([notes, movedAside]);
  await rm(parent, { recursive: true, force: true });
});

describe('speech that looks like a note call', () => {
  test(
    'is imported escaped, builds, and reads as written on the page',
    async () => {
      const { site, result } = await notes;
      expect(result.output).not.toContain('Content check failed');
      expect(result.exitCode).toBe(0);
      const turn = await readFile(path.join(site.contentDir, 'talks/fixture-talk/turns/01-lin-opening.md'), 'utf8');
      expect(turn).toContain('脚注写成\\[^1\\]这样。');
      const { document } = parseHTML(await readFile(path.join(site.outDir, 'fixture-talk/index.html'), 'utf8'));
      const text = document.querySelector('main')!.textContent!;
      expect(text).toContain('脚注写成[^1]这样。');
      expect(text).toContain('还有[^note]这种写法，以及\\[^x]。');
      expect(document.querySelectorAll('[id^="note-"]')).toHaveLength(0);
    },
    TIMEOUT,
  );
});

describe('a talk moved aside by an interrupted import', () => {
  test(
    'stops the build, naming the folder and the way back',
    async () => {
      const { site, result } = await movedAside;
      expect(result.exitCode).not.toBe(0);
      expect(result.output).toContain(
        'content/talks/.fixture-talk.import-a1b2c3.previous: expected the talk folder content/talks/fixture-talk beside it, found none (an import was stopped while replacing the talk). Run any import (e.g. `npm run import -- --recover`) to restore it, or rename the folder back to fixture-talk by hand',
      );
      expect(existsSync(path.join(site.outDir, 'index.html'))).toBe(false);
    },
    TIMEOUT,
  );
});
