/**
 * A site with two talks, made the way docs/adding-a-talk.md says: the base fixture's talk is there; a new
 * speaker file is added (step 1), tests/fixtures/content/two-talks/transcript.txt is imported
 * with `npm run import` (step 2), the editor's reviewed talk.yaml replaces the generated one and
 * the site builds (step 3). Then: both talks on the home page, newest first; speaker pages
 * listing turns from both talks, every link landing on a turn.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport } from '../../src/cli/import-command';
import type { SearchSite } from '../../src/lib/search/site-json';
import { launchChromium } from '../helpers/browser';
import { readPage } from '../helpers/dist';
import { serveDist } from '../helpers/server';
import {
  buildFixtureSite,
  fixturesDir,
  makeFixtureRoot,
  prepareFixtureSite,
  type BuildResult,
  type FixtureSite,
} from '../helpers/fixture-build';

const FIXTURE = path.join(fixturesDir, 'two-talks');
const TIMEOUT = 300_000;

let parent: string;
let site: FixtureSite;
let imported: { code: number; stdout: string; stderr: string; generatedTalkYaml: string };
let build: BuildResult;

beforeAll(async () => {
  parent = await makeFixtureRoot();
  site = await prepareFixtureSite(parent, 'two-talks');
  await cp(path.join(FIXTURE, 'speakers'), path.join(site.contentDir, 'speakers'), { recursive: true });
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(
    [
      path.join(FIXTURE, 'transcript.txt'),
      '--talk',
      'fixture-followup',
      '--title',
      '第二场测试圆桌',
      '--date',
      '2024-09-10',
      '--start',
      '正文开始',
      '--end',
      '（完）',
    ],
    {
      cwd: site.dir,
      env: { HUITAN_CONTENT_DIR: site.contentDir },
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
    },
  );
  const talkYaml = path.join(site.contentDir, 'talks/fixture-followup/talk.yaml');
  imported = {
    code,
    stdout: out.join('\n'),
    stderr: err.join('\n'),
    generatedTalkYaml: code === 0 ? await readFile(talkYaml, 'utf8') : '',
  };
  await cp(path.join(FIXTURE, 'talk.yaml'), talkYaml);
  // One search-index shard per talk: the search tests below then run on merged shards, as on a large site.
  build = await buildFixtureSite(site, undefined, { HUITAN_SEARCH_SHARD_PAIRS: '1' });
}, TIMEOUT);

afterAll(async () => {
  if (parent) await rm(parent, { recursive: true, force: true });
});

const page = (urlPath: string) => readPage(urlPath, site.outDir);
const tail = (output: string) => output.trimEnd().split('\n').slice(-40).join('\n');

describe('a site with two talks', () => {
  test('the importer cuts the furniture at the given markers and writes five turns', () => {
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Cut lines 1–3 before the transcript (3 with text; marker "正文开始" on line 3)');
    expect(imported.stdout).toContain('Cut lines 19–21 after the transcript (2 with text; marker "（完）" on line 19)');
    expect(imported.stdout).toContain('5 turns, 3 speakers, 125 characters:');
  });

  test('the reviewed talk.yaml keeps the participants the importer found, in order', () => {
    const participants = (text: string) => (parseYaml(text) as { participants: unknown }).participants;
    expect(participants(readFileSync(path.join(FIXTURE, 'talk.yaml'), 'utf8'))).toEqual(
      participants(imported.generatedTalkYaml),
    );
  });

  test('builds without errors or warnings', () => {
    expect(build.exitCode, tail(build.output)).toBe(0);
    expect(build.output).not.toMatch(/\[ERROR\]|\[WARN\]/);
  });

  test('the home page lists both talks, newest first, with their participants', () => {
    const cards = [...page('/').querySelectorAll('.talk-card')];
    expect(
      cards.map((card) => [
        card.querySelector('h3 a')?.getAttribute('href'),
        card.querySelector('time')?.getAttribute('datetime'),
      ]),
    ).toEqual([
      ['/fixture-followup/', '2024-09-10'],
      ['/fixture-talk/', '2024-05-01'],
    ]);
    expect([...cards[0]!.querySelectorAll('.talk-card-people li')].map((li) => li.textContent?.trim())).toEqual([
      '何 何云 主持',
      '赵 赵岚',
      '宋 宋明',
    ]);
    // Key quotes are an editor's addition: the fresh import has none yet, the older talk has one.
    expect(cards[0]!.querySelector('blockquote')).toBeNull();
    expect(cards[1]!.querySelector('blockquote')?.textContent?.trim()).toBe('坏的内容永远不该发布。');
  });

  test('talks without a translation have no reading modes: no mode control, no bilingual page', () => {
    for (const talk of ['fixture-talk', 'fixture-followup']) {
      const reader = page(`/${talk}/`);
      expect(reader.querySelector('.reading-modes'), talk).toBeNull();
      expect(existsSync(path.join(site.outDir, talk, 'both')), talk).toBe(false);
      // The phone toolbar still opens the outline (if any) and the filter, not modes.
      const targets = [...reader.querySelectorAll('.reader-toolbar [popovertarget]')].map((b) =>
        b.getAttribute('popovertarget'),
      );
      expect(targets, talk).not.toContain('modes');
      expect(targets, talk).toContain('filter');
    }
    expect(existsSync(path.join(site.outDir, 'en'))).toBe(false);
  });

  test('the new talk’s reader has the imported turns with their generated anchors', () => {
    const turns = [...page('/fixture-followup/').querySelectorAll('article.turn')];
    expect(turns.map((turn) => [turn.id, turn.getAttribute('data-speaker')])).toEqual([
      ['he-yun-1', 'he-yun'],
      ['zhao-lan-1', 'zhao-lan'],
      ['song-ming-1', 'song-ming'],
      ['he-yun-2', 'he-yun'],
      ['zhao-lan-2', 'zhao-lan'],
    ]);
    expect([...turns[1]!.querySelectorAll('.turn-body p')].map((p) => p.textContent)).toEqual([
      '越小越好，但要覆盖每一种情况。',
      '一个夹具只说明一件事。',
    ]);
  });

  test('何云’s speaker page lists her turns from both talks, newest talk first, with her part in each', () => {
    const doc = page('/speakers/he-yun/');
    expect(doc.querySelector('.speaker-count')?.textContent).toBe('2 场对话，3 段发言');
    expect(
      [...doc.querySelectorAll('.speaker-talk')].map((section) => [
        section.querySelector('h2')?.textContent?.trim(),
        section.querySelector('.speaker-talk-part')?.textContent,
      ]),
    ).toEqual([
      ['第二场测试圆桌', '主持，2 段发言'],
      ['测试圆桌', '嘉宾，1 段发言'],
    ]);
    expect([...doc.querySelectorAll('.speaker-turn-link')].map((link) => link.getAttribute('href'))).toEqual([
      '/fixture-followup/#he-yun-1',
      '/fixture-followup/#he-yun-2',
      '/fixture-talk/#he-why-fixtures',
    ]);
  });

  test('every speaker page link lands on a turn of that speaker in the linked reader', () => {
    const readers = new Map<string, Document>();
    let count = 0;
    for (const id of ['lin-zhou', 'he-yun', 'song-ming', 'zhao-lan']) {
      for (const link of page(`/speakers/${id}/`).querySelectorAll('.speaker-turn-link')) {
        const [talkPath, anchor] = link.getAttribute('href')!.split('#') as [string, string];
        if (!readers.has(talkPath)) readers.set(talkPath, page(talkPath));
        const turn = readers.get(talkPath)!.getElementById(anchor);
        expect(
          turn?.matches('article.turn') && turn.getAttribute('data-speaker'),
          `${id}: ${link.getAttribute('href')}`,
        ).toBe(id);
        count += 1;
      }
    }
    expect(count).toBe(4 + 5);
  });

  test('the readers link participant names to the speaker pages', () => {
    expect(
      [...page('/fixture-followup/').querySelectorAll('.participant-name a')].map((link) => link.getAttribute('href')),
    ).toEqual(['/speakers/he-yun/', '/speakers/zhao-lan/', '/speakers/song-ming/']);
  });
});

describe('search across two talks', () => {
  test('indexes every turn of both talks, one shard each when shards are made that small', () => {
    const entry = (folder: string) =>
      JSON.parse(readFileSync(path.join(site.outDir, 'pagefind', folder, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
    expect(
      (JSON.parse(readFileSync(path.join(site.outDir, 'search/site.json'), 'utf8')) as SearchSite).index?.shards,
    ).toEqual(['shard-2/']);
    expect(entry('').languages).toEqual({ 'zh-cn': expect.objectContaining({ page_count: 5 }) });
    expect(entry('shard-2').languages).toEqual({ 'zh-cn': expect.objectContaining({ page_count: 4 }) });
    expect(readdirSync(path.join(site.outDir, 'pagefind/shard-2')).filter((file) => file.endsWith('.js'))).toEqual([]);
  });

  test('offers the talk facet on the search page only, not in the search dialog of every page', () => {
    const talkFacets = (url: string) => page(url).querySelectorAll('.search-facet-talk').length;
    expect(['/search/', '/', '/fixture-talk/', '/fixture-followup/', '/speakers/he-yun/'].map(talkFacets)).toEqual([
      1, 0, 0, 0, 0,
    ]);
  });

  test('finds a word in both talks and narrows to one with the talk facet', async () => {
    const [browser, server] = await Promise.all([launchChromium(), serveDist(site.outDir)]);
    try {
      const reader = await browser.newPage();
      await reader.goto(`${server.url}/search/?q=${encodeURIComponent('测试')}`);
      const settled = () =>
        reader.waitForFunction(() => {
          const panel = document.querySelector('ht-search-panel');
          return (
            panel !== null &&
            !panel.hasAttribute('aria-busy') &&
            panel.querySelector('.search-status')?.textContent !== ''
          );
        });
      await settled();
      const talksOf = async () =>
        (
          await reader
            .getByRole('list', { name: '搜索结果' })
            .getByRole('link')
            .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))
        ).sort();
      // 测试 is said in both talks.
      const bothTalks = await talksOf();
      expect(new Set(bothTalks)).toEqual(new Set(['/fixture-talk/', '/fixture-followup/']));
      const facet = reader.getByRole('group', { name: '实录' });
      expect(await facet.getByRole('radio').count()).toBe(3);
      await facet.getByRole('radio', { name: /^第二场测试圆桌/ }).check();
      expect(new Set(await talksOf())).toEqual(new Set(['/fixture-followup/']));
      expect(new URL(reader.url()).searchParams.get('talk')).toBe('fixture-followup');
      expect(await reader.getByRole('status').textContent()).toMatch(
        /^找到 \d+ 段包含“测试”的发言（《第二场测试圆桌》）$/,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
