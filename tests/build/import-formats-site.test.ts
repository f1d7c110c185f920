/**
 * Adding a talk just works, whatever shape its transcript comes in: the same panel as plain
 * text with inline `Name (Affiliation):` labels and a MODERATOR role, as WebVTT with voice spans,
 * as a meeting-tool export and as Podcast Index JSON, and a Chinese panel with inline `姓名：`
 * labels and a 主持人 role (tests/fixtures/transcripts/, written for these tests). Each imports
 * with one command — plus --speaker for roles and Han names, --create-speakers for new people —
 * then, once an editor has filled in the blanks, builds, and every turn on every reader is
 * credited to the person who spoke it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { runImport } from '../../src/cli/import-command';
import { listFiles } from '../../src/lib/files';
import { PLACEHOLDER } from '../../src/lib/content/placeholder';
import {
  buildFixtureSite,
  makeFixtureRoot,
  prepareFixtureSite,
  type BuildResult,
  type FixtureSite,
} from '../helpers/fixture-build';
import { root } from '../helpers/paths';

const TRANSCRIPTS = path.join(root, 'tests/fixtures/transcripts');

// Who speaks each turn, read off the transcripts by hand (not by the importer under test).
const G = 'grace-whitfield';
const A = 'amara-nwosu';
const T = 'tomas-lindqvist';
const P = 'priya-raman';
const PANEL_EN = [G, A, T, P, G, P, A, G, T, G, A, P, T, G, P, A, T, G];
const PANEL_ZH = [
  'he-shu',
  'zhou-min',
  'chen-yifan',
  'lin-xiao',
  'he-shu',
  'lin-xiao',
  'zhou-min',
  'chen-yifan',
  'he-shu',
];

/** One import each, in this order (the first creates the English panel's people). */
const IMPORTS = [
  {
    slug: 'panel-text',
    file: 'panel-en.txt',
    args: ['--title', 'Who said what', '--date', '2024-05-02', '--speaker', `MODERATOR=${G}`, '--create-speakers'],
    speakers: PANEL_EN,
    language: 'en',
  },
  {
    slug: 'panel-vtt',
    file: 'panel-en.vtt',
    args: ['--title', 'Who said what', '--date', '2024-05-02'],
    speakers: PANEL_EN,
    language: 'en',
  },
  {
    slug: 'panel-meeting',
    file: 'panel-en-meeting.txt',
    args: ['--title', 'Who said what', '--date', '2024-05-02'],
    speakers: PANEL_EN,
    language: 'en',
  },
  {
    slug: 'panel-podcast',
    file: 'panel-en.json',
    args: ['--title', 'Who said what', '--date', '2024-05-02'],
    speakers: PANEL_EN,
    language: 'en',
  },
  {
    slug: 'panel-zh',
    file: 'panel-zh.txt',
    args: [
      '--title',
      '谁说了什么',
      '--date',
      '2024-06-01',
      '--speaker',
      '主持人=he-shu',
      '--speaker',
      '周敏=zhou-min',
      '--speaker',
      '陈一帆=chen-yifan',
      '--speaker',
      '林晓=lin-xiao',
      '--create-speakers',
    ],
    speakers: PANEL_ZH,
    language: 'zh-CN',
  },
] as const;

/** What the editor writes where a stub cannot know: the names a role label or a Han label hides. */
const NAMES: Record<string, [string, string]> = {
  [G]: ['Grace Whitfield', 'Grace Whitfield'],
  'he-shu': ['何舒', 'He Shu'],
  'zhou-min': ['周敏', 'Zhou Min'],
  'chen-yifan': ['陈一帆', 'Chen Yifan'],
  'lin-xiao': ['林晓', 'Lin Xiao'],
};

/** The editor's review, in short: names first, then every other blank gets a plain value. */
async function fillIn(contentDir: string): Promise<void> {
  for (const rel of await listFiles(contentDir)) {
    if (!rel.endsWith('.yaml')) continue;
    const file = path.join(contentDir, rel);
    let text = await readFile(file, 'utf8');
    if (!text.includes(PLACEHOLDER)) continue;
    const names = NAMES[path.basename(rel, '.yaml')];
    if (names)
      text = text
        .replace(`name: ${PLACEHOLDER}`, `name: ${names[0]}`)
        .replace(`latinName: ${PLACEHOLDER}`, `latinName: ${names[1]}`);
    await writeFile(file, text.replaceAll(PLACEHOLDER, 'Filled in by the test’s editor'));
  }
}

let site: FixtureSite;
let result: BuildResult;
const outputs = new Map<string, { code: number; out: string }>();

beforeAll(async () => {
  site = await prepareFixtureSite(await makeFixtureRoot(), 'import-formats');
  for (const { slug, file, args } of IMPORTS) {
    const out: string[] = [];
    const code = await runImport([path.join(TRANSCRIPTS, file), '--talk', slug, ...args], {
      cwd: site.dir,
      env: { HUITAN_CONTENT_DIR: site.contentDir },
      stdout: (text) => out.push(text),
      stderr: (text) => out.push(text),
    });
    outputs.set(slug, { code, out: out.join('\n') });
    // The people the first import of each panel created are filled in before the next import names them.
    await fillIn(site.contentDir);
  }
  result = await buildFixtureSite(site);
}, 400_000);

describe('five transcripts, five shapes', () => {
  test.each(IMPORTS.map((entry) => [entry.file, entry.slug]))('%s imports with one command', (_file, slug) => {
    const { code, out } = outputs.get(slug)!;
    expect(out).not.toContain('import stopped');
    expect(code).toBe(0);
  });

  test('the site builds', () => {
    expect(result.output).not.toMatch(/error/i);
    expect(result.exitCode).toBe(0);
  });

  test.each(IMPORTS.map((entry) => [entry.slug, entry.language, entry.speakers] as const))(
    '/%s/ credits every turn to the person who spoke it, in %s',
    async (slug, language, speakers) => {
      const html = await readFile(path.join(site.outDir, slug, 'index.html'), 'utf8');
      const { document } = parseHTML(html);
      const turns = [...document.querySelectorAll('article.turn')];
      expect(turns.map((turn) => turn.getAttribute('data-speaker'))).toEqual([...speakers]);
      const talkLang = document.querySelector('article.turn')!.closest('[lang]')!.getAttribute('lang');
      expect(talkLang).toBe(language);
    },
  );
});
