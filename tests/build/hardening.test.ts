/**
 * What the build does for a site that keeps its promises (docs/security.md): a talk that allows
 * images shows its own image as a working <img> under the strict CSP, and the addresses it
 * publishes join content/permalinks.json by themselves. (What the build refuses is in
 * content-errors.test.ts, a broken permalink and a bad redirect, and in
 * tests/unit/content-errors.test.ts, remote images and unsafe URLs.)
 *
 * One fixture build: the base fixture (which has no permalinks.json yet) with
 * tests/fixtures/content/with-images/ laid over it. It is also the build that shows the base
 * fixture publishes (the error cases of content-errors.test.ts are that base with one mistake).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSite } from '../../src/cli/check-site';
import { listFiles } from '../../src/lib/files';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/build/deploy';
import { formatPermalinks, readPermalinks } from '../../src/lib/sharing/permalinks';
import { readPage } from '../helpers/dist';
import {
  buildFixtureSite,
  fixturesDir,
  makeFixtureRoot,
  prepareFixtureSite,
  type BuildResult,
  type FixtureSite,
} from '../helpers/fixture-build';
import { publishedUrls } from '../helpers/published';

const TIMEOUT = 300_000;
const OPTIONS = { base: '/', site: 'http://127.0.0.1:4321/', lang: 'zh-CN' };

let parent: string;
let site: FixtureSite;
let build: BuildResult;

beforeAll(async () => {
  parent = await makeFixtureRoot();
  site = await prepareFixtureSite(parent, 'with-images');
  await cp(path.join(fixturesDir, 'with-images'), site.contentDir, { recursive: true });
  build = await buildFixtureSite(site);
}, TIMEOUT);

afterAll(async () => {
  if (parent) await rm(parent, { recursive: true, force: true });
});

const tail = (output: string) => output.trimEnd().split('\n').slice(-40).join('\n');

describe('the valid fixture', () => {
  test('builds: exit 0, no logged errors or warnings', () => {
    expect(build.exitCode, tail(build.output)).toBe(0);
    expect(build.output).not.toMatch(/\[ERROR\]|\[WARN\]/);
  });

  test('publishes the home page, and a reader page with every turn, its speaker and words, quote and section', () => {
    expect(existsSync(path.join(site.outDir, 'index.html'))).toBe(true);
    const document = readPage('/fixture-talk/', site.outDir);
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
  });

  test('has no translation, so no English edition: no /en/ at all, no language switch, no hreflang', async () => {
    expect(existsSync(path.join(site.contentDir, 'talks/fixture-talk/translations'))).toBe(false);
    expect(existsSync(path.join(site.outDir, 'en'))).toBe(false);
    const pages = (await listFiles(site.outDir)).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const document = readPage(`/${page}`, site.outDir);
      const marks =
        '[data-language-switch], .language-switch, [hreflang], meta[property="og:locale:alternate"], .edition-notice';
      expect(document.querySelector(marks)?.outerHTML, page).toBeUndefined();
      expect(document.querySelector('a[href^="/en/"], form[action^="/en/"]'), page).toBeNull();
      expect(document.documentElement.getAttribute('lang'), page).toBe('zh-CN');
    }
  });
});

describe('a talk with an image of its own', () => {
  test('renders the image as a working <img>: a file of the site, described, sized, never Astro’s placeholder', () => {
    const turn = readPage('/fixture-talk/', site.outDir).querySelector('#lin-asks-song .turn-body')!;
    const images = [...turn.querySelectorAll('img')];
    expect(images).toHaveLength(1);
    const img = images[0]!;
    expect(img.getAttribute('alt')).toBe('一张红色的测试图表');
    expect(img.getAttribute('src')).toMatch(/^\/_astro\/chart\.[\w-]+\.webp$/);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['48', '24']);
    expect(img.hasAttribute('title')).toBe(false);
    expect(existsSync(path.join(site.outDir, img.getAttribute('src')!))).toBe(true);
    expect(readFileSync(path.join(site.outDir, 'fixture-talk/index.html'), 'utf8')).not.toContain('__ASTRO_IMAGE_');
  });

  test('the image is one the CSP allows: same origin, and the policy’s img-src is still only self and data:', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data:");
    const img = readPage('/fixture-talk/', site.outDir).querySelector('.turn-body img')!;
    expect(new URL(img.getAttribute('src')!, OPTIONS.site).origin).toBe(new URL(OPTIONS.site).origin);
  });

  test('the built site passes the post-build check, held to the permalink file the build wrote', async () => {
    const report = await checkSite(site.outDir, OPTIONS, readPermalinks(site.contentDir));
    expect(report.problems).toEqual([]);
  });
});

describe('new addresses join content/permalinks.json', () => {
  test('the build wrote the file: every address it publishes, sorted, no redirects', () => {
    const file = path.join(site.contentDir, 'permalinks.json');
    expect(existsSync(file)).toBe(true);
    const permalinks = readPermalinks(site.contentDir);
    expect(permalinks.published).toEqual(publishedUrls(site.outDir));
    expect(permalinks.published).toContain('/fixture-talk/#song-limits');
    expect(permalinks.published).toContain('/fixture-talk/q/bad-content-never-publishes/');
    expect(permalinks.redirects).toEqual({});
    expect(readFileSync(file, 'utf8')).toBe(formatPermalinks(permalinks));
  });

  test('and said so in one line, to commit it', () => {
    const count = readPermalinks(site.contentDir).published.length;
    const lines = build.output.split('\n').filter((line) => line.includes('content/permalinks.json'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `[huitan:permalink-lock] ${count} new addresses added to ${path.join(site.contentDir, 'permalinks.json')}: commit the file with the content`,
    );
  });
});
