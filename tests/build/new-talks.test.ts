/**
 * Adding a talk just works. A copy of content/ gets two talks the way an editor adds them
 * (tests/helpers/new-talks.ts: speaker files, today's importer, the reviewed talk.yaml): one in
 * English, the newest, without key quotes; one in Chinese, with 徐立 of the WAIC talk. The site
 * builds, passes the site check, shows each talk in its language and measure, and search finds
 * both languages from one page. Then the build-level suites that read a built site run against
 * it (HUITAN_TEST_DIST), and with the two talks removed again the site builds byte for byte as
 * dist/ (run `npm run build` first; `npm test` does).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSite, formatReport, optionsFromEnv } from '../../src/cli/check-site';
import { stripNotes } from '../../src/lib/content/notes';
import { listFilesSync } from '../../src/lib/files';
import { countWords } from '../../src/lib/content/talk-stats';
import { launchChromium } from '../helpers/browser';
import { readPage } from '../helpers/dist';
import { buildFixtureSite, makeFixtureRoot, type BuildResult, type FixtureSite } from '../helpers/fixture-build';
import {
  addNewTalks,
  joinNewPermalinks,
  NEW_TALKS,
  NEW_TALKS_FIXTURE,
  prepareContentCopy,
  type ImportReport,
} from '../helpers/new-talks';
import { distDir, root } from '../helpers/paths';
import { serveDist } from '../helpers/server';

const TIMEOUT = 600_000;
/** The build suites that read a built site (the others build fixture sites of their own). */
const SITE_SUITES = ['reader', 'annotations', 'search-index', 'security', 'speaker-pages', 'sharing'].map(
  (name) => `tests/build/${name}.test.ts`,
);

let parent: string;
let site: FixtureSite;
let imports: ImportReport[];
let build: BuildResult;

beforeAll(async () => {
  parent = await makeFixtureRoot();
  site = await prepareContentCopy(parent, 'new-talks');
  imports = await addNewTalks(site);
  build = await buildFixtureSite(site, TIMEOUT);
  // What the build is to do itself (another change): list the new addresses as published.
  if (build.exitCode === 0) await joinNewPermalinks(site);
}, TIMEOUT);

afterAll(async () => {
  if (parent) await rm(parent, { recursive: true, force: true });
});

const page = (urlPath: string) => readPage(urlPath, site.outDir);
const tail = (output: string) => output.trimEnd().split('\n').slice(-40).join('\n');
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Runs vitest's build project on `files` against the new site; resolves with its exit code and output. */
function runSuites(files: readonly string[]): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUITAN_TEST_DIST: site.outDir,
    HUITAN_TEST_CONTENT: site.contentDir,
    NO_COLOR: '1',
  };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV') delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'tests/vitest.config.ts',
        '--project',
        'build',
        ...files,
      ],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** sha256 of every file under dir, by path relative to it. */
function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else
        hashes.set(
          child,
          createHash('sha256')
            .update(readFileSync(path.join(dir, child)))
            .digest('hex'),
        );
    }
  };
  walk('');
  return hashes;
}

describe('two talks added to the site', () => {
  test('import with today’s importer, labels alone on their lines', () => {
    for (const report of imports) {
      expect(report.stderr, report.slug).toBe('');
      expect(report.code, report.slug).toBe(0);
      expect(report.stdout, report.slug).toContain('4 turns, 2 speakers');
    }
  });

  test('build without errors or warnings, one search index for both languages', () => {
    expect(build.exitCode, tail(build.output)).toBe(0);
    expect(build.output).not.toMatch(/\[ERROR\]|\[WARN\]/);
    // One record per turn of every reader page: the originals' and the translations' (/en/<talk>/).
    const turnFiles = listFilesSync(path.join(site.contentDir, 'talks')).filter((file) =>
      /^[^/]+\/(translations\/[^/]+\/)?turns\/[^/]+\.md$/.test(file.split(path.sep).join('/')),
    );
    expect(turnFiles.length).toBeGreaterThanOrEqual(21);
    expect(build.output).toContain(
      `indexed ${turnFiles.length} turns (talks in en, zh-cn, one zh-cn index, one shard)`,
    );
  });

  test('pass the site check: valid HTML, links, fragments, lang, titles, Chinese spacing', async () => {
    const options = optionsFromEnv({});
    const report = await checkSite(site.outDir, options);
    console.log(formatReport(site.outDir, options, report));
    expect(report.problems).toEqual([]);
  });
});

describe('a talk in English', () => {
  const READER = '/open-data-panel/';

  test('marks its words English on pages whose own words stay Chinese', () => {
    const reader = page(READER);
    expect(reader.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(reader.querySelector('.transcript')?.getAttribute('lang')).toBe('en');
    expect(reader.querySelector('h1.talk-title')?.getAttribute('lang')).toBe('en');
    expect(reader.querySelector('.talk-summary')?.getAttribute('lang')).toBe('en');
    const heads = [...reader.querySelectorAll('.turn-head')];
    expect(heads).toHaveLength(4);
    for (const head of heads) expect(head.getAttribute('lang')).toBe('zh-CN');
    for (const url of [`${READER}about/`, `${READER}cite/`]) {
      expect(page(url).querySelector('.kicker a')?.getAttribute('lang'), url).toBe('en');
    }
    expect(page(`${READER}cite/`).querySelector('.cite-excerpt')?.getAttribute('lang')).toBe('en');
    const card = page('/').querySelector(`.talk-card:has(a[href="${READER}"])`);
    expect(card?.querySelector('.talk-card-title')?.getAttribute('lang')).toBe('en');
    expect(page('/speakers/sam-okafor/').querySelector('.speaker-turn-excerpt')?.getAttribute('lang')).toBe('en');
    // The Chinese talk's pages carry no lang but the page's.
    expect(page('/data-and-evaluation/').querySelector('.talk-title')?.hasAttribute('lang')).toBe(false);
  });

  test('counts words, read at 238 a minute, where a Chinese talk counts characters', async () => {
    const turns = path.join(site.contentDir, 'talks/open-data-panel/turns');
    const bodies = await Promise.all(
      (await readdir(turns)).map(async (file) =>
        (await readFile(path.join(turns, file), 'utf8')).split('---\n').slice(2).join('---\n'),
      ),
    );
    const words = bodies.reduce((sum, body) => sum + countWords(stripNotes(body), 'en'), 0);
    expect(words).toBeGreaterThan(60);
    expect(text(page(READER).querySelector('.talk-meta div:nth-child(3) dd'))).toBe(
      `全文${words}词，4段发言，约1分钟读完`,
    );
    expect(text(page(`${READER}about/`).querySelector('.talk-length'))).toBe(
      `全文${words}词，4段发言，约1分钟读完（按每分钟238词计）`,
    );
    expect(text(page('/data-and-evaluation/').querySelector('.talk-meta div:nth-child(3) dd'))).toMatch(
      /^全文\d+字，4段发言，约1分钟读完$/,
    );
  });

  test('names a speaker once when the Latin name is the name, and takes “Sam” for Sam Okafor’s alias, not a mistake', () => {
    const names = [...page(READER).querySelectorAll('.participant-name')].map(text);
    expect(names).toEqual(['Jane Doe 主持', 'Sam Okafor']);
    const about = page(`${READER}about/`);
    expect(about.querySelector('#corrections')).toBeNull();
    expect([...about.querySelectorAll('#speaker-labels li')].map(text)).toEqual([
      '“Sam”：Sam Okafor的另一称呼，见第4段。',
    ]);
    expect(page(READER).querySelector('#sam-okafor-2 .turn-source-label')?.getAttribute('href')).toBe(
      `${READER}about/#speaker-labels`,
    );
  });

  test('is the newest talk: first on the home page, which unfurls with the site’s card as it has no key quote', () => {
    const home = page('/');
    expect([...home.querySelectorAll('.talk-card-title a')].map((link) => link.getAttribute('href'))).toEqual([
      '/open-data-panel/',
      '/data-and-evaluation/',
      '/waic-2023-roundtable/',
    ]);
    expect(home.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(
      'http://127.0.0.1:4321/card.png',
    );
    expect(existsSync(path.join(site.outDir, 'card.png'))).toBe(true);
  });

  test('徐立’s page lists his turns in both Chinese talks, newest first', () => {
    const talks = [...page('/speakers/xu-li/').querySelectorAll('.speaker-talk-title a')].map((link) =>
      link.getAttribute('href'),
    );
    expect(talks).toEqual(['/data-and-evaluation/', '/waic-2023-roundtable/']);
  });
});

describe('search over talks in two languages', () => {
  test(
    'one search page finds English and Chinese words, and so would a page in English',
    async () => {
      const [browser, server] = await Promise.all([launchChromium(), serveDist(site.outDir)]);
      try {
        const search = async (query: string, lang?: string) => {
          const tab = await browser.newPage();
          // A later English interface: the page's own language must not narrow the index.
          if (lang)
            await tab.addInitScript(
              (tag) =>
                document.addEventListener(
                  'readystatechange',
                  () => document.documentElement.setAttribute('lang', tag),
                  { once: true },
                ),
              lang,
            );
          await tab.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
          await tab.waitForFunction(() => {
            const panel = document.querySelector('ht-search-panel');
            return (
              panel !== null &&
              !panel.hasAttribute('aria-busy') &&
              panel.querySelector('.search-status')?.textContent !== ''
            );
          });
          const found = await tab
            .getByRole('list', { name: '搜索结果' })
            .getByRole('link')
            .evaluateAll((links) =>
              links.map((link) => ({
                path: new URL((link as HTMLAnchorElement).href).pathname,
                lang: link.querySelector('.search-result-excerpt')?.getAttribute('lang') ?? null,
              })),
            );
          const pageLang = await tab.evaluate(() => document.documentElement.lang);
          await tab.close();
          return { found, pageLang };
        };
        const english = await search('transcript');
        expect(english.found.map((hit) => hit.path)).toEqual(['/open-data-panel/']);
        expect(english.found.map((hit) => hit.lang)).toEqual(['en']);
        const chinese = await search('评测数据');
        expect(chinese.found.map((hit) => hit.path)).toEqual(['/data-and-evaluation/', '/data-and-evaluation/']);
        // A Chinese turn on a Chinese page needs no lang of its own.
        expect(chinese.found.map((hit) => hit.lang)).toEqual([null, null]);
        const fromEnglishPage = await search('评测', 'en');
        expect(fromEnglishPage.pageLang).toBe('en');
        expect(new Set(fromEnglishPage.found.map((hit) => hit.path))).toEqual(new Set(['/data-and-evaluation/']));
        expect((await search('recording', 'en')).found.map((hit) => hit.path)).toEqual(['/open-data-panel/']);
      } finally {
        await browser.close();
        await server.close();
      }
    },
    TIMEOUT,
  );
});

describe('the site-wide test suites', () => {
  test(
    `pass on the site with the new talks: ${SITE_SUITES.map((file) => path.basename(file)).join(', ')}`,
    async () => {
      const { code, output } = await runSuites(SITE_SUITES);
      expect(code, tail(output)).toBe(0);
      expect(output).toMatch(/Test Files\s+6 passed/);
    },
    TIMEOUT,
  );
});

describe('the talks removed again', () => {
  test(
    'the site builds byte for byte as dist/, with the same cache',
    async () => {
      expect(
        existsSync(path.join(distDir, 'index.html')),
        `expected ${distDir} built from content/ (npm run build)`,
      ).toBe(true);
      for (const talk of NEW_TALKS) await rm(path.join(site.contentDir, 'talks', talk.slug), { recursive: true });
      for (const file of await readdir(path.join(NEW_TALKS_FIXTURE, 'speakers')))
        await rm(path.join(site.contentDir, 'speakers', file));
      await cp(path.join(root, 'content/permalinks.json'), path.join(site.contentDir, 'permalinks.json'));
      const again = { ...site, outDir: path.join(site.dir, 'out-again') };
      const result = await buildFixtureSite(again, TIMEOUT);
      expect(result.exitCode, tail(result.output)).toBe(0);
      const [built, published] = [hashTree(again.outDir), hashTree(distDir)];
      const differ = [...new Set([...built.keys(), ...published.keys()])].filter(
        (file) => built.get(file) !== published.get(file),
      );
      expect(differ).toEqual([]);
    },
    TIMEOUT,
  );
});
