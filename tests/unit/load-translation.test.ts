/**
 * Reading a talk and its translation from a content folder (src/lib/translation/load-translation.ts):
 * missing files and front matter that does not fit are problems with the file and field; a
 * participant without a translated speaker file is one.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadTranslation, translationProblems } from '../../src/lib/translation/load-translation';

let content = '';
const shown = (rel: string) => path.relative(process.cwd(), path.join(content, rel)).split(path.sep).join('/');

const FILES: Record<string, string> = {
  'speakers/lin.yaml':
    'name: 林岚\nlatinName: Lin Lan\ncolor: blue\nrole:\n  text: 主持人\n  source: transcript\naffiliation:\n  text: 某大学\n  source: https://example.org/lin\n',
  'talks/t/talk.yaml': [
    'title: 标题',
    'summary: 摘要',
    'event: { name: E, fullName: 某大会 }',
    'date: { text: 2023-07-06, source: transcript }',
    'venue: { text: 上海, source: transcript }',
    'session: { text: 圆桌, source: transcript }',
    'participants: [{ speaker: lin, part: host }]',
    'source: { publisher: { text: 某号, unverified: true }, title: 文章 }',
    'outline: [{ id: opening, title: 开场, start: lin-opening }]',
    '',
  ].join('\n'),
  'talks/t/turns/01-lin-opening.md': '---\nanchor: lin-opening\nposition: 1\nspeaker: lin\n---\n\n大家好。\n',
  'talks/t/translations/en/talk.yaml': [
    'translation: { by: Huitan, date: 2026-12-04, notice: A translation; the Chinese is authoritative. }',
    'title: Title',
    'summary: Summary',
    'event: { name: E, fullName: A conference }',
    'venue: { text: Shanghai, source: https://example.org/other }',
    'session: { text: Roundtable, source: transcript }',
    'source: { publisher: { text: An account, unverified: true }, title: Article }',
    'outline: [{ id: opening, title: Opening }]',
    '',
  ].join('\n'),
  'talks/t/translations/en/turns/01-lin-opening.md':
    '---\nanchor: lin-opening\nposition: 1\nspeaker: lin\nlang: en\n---\n\nHello, everyone.\n',
};

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'huitan-translation-'));
  for (const [rel, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(content, rel)), { recursive: true });
    await writeFile(path.join(content, rel), text);
  }
});

afterAll(async () => {
  await rm(content, { recursive: true, force: true });
});

describe('loadTranslation', () => {
  test('reports unfit front matter, a missing speaker file and a fact with another source', async () => {
    const problems = await translationProblems(content, 't', 'en');
    expect(problems.map(({ file, field, message }) => `${file} ${field}: ${message}`)).toEqual([
      `${shown('talks/t/translations/en/turns/01-lin-opening.md')} lang: expected one of: anchor, position, speaker, sourceLabel, quotes, found field "lang"`,
      `${shown('translations/en/speakers/lin.yaml')} file: expected a file here, found none`,
      `${shown('talks/t/translations/en/turns')}/01-lin-opening.md file: expected a translation of ${shown('talks/t/turns/01-lin-opening.md')} (anchor "lin-opening"), found no translated turn with that anchor`,
      `${shown('talks/t/translations/en/talk.yaml')} venue.source: expected source "transcript", as in the original, found source "https://example.org/other"`,
    ]);
  });

  test('refuses a language without a note dialect', async () => {
    await expect(loadTranslation(content, 't', 'xx')).rejects.toThrow(
      'expected a language with a note dialect (en), found "xx"',
    );
  });
});
