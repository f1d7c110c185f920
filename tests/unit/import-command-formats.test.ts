/**
 * `npm run import` on the fixture panels in tests/fixtures/transcripts/, run in-process against
 * a temporary content folder whose speakers the test writes: every turn credited to the right
 * person, the format and the cuts reported, the times written for a player, and the options
 * that only fit some formats refused.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { runImportIn } from '../helpers/import-run';
import { root } from '../helpers/paths';

const transcript = (name: string) => path.join(root, 'tests/fixtures/transcripts', name);

/** The panel's four fictional people, with the labels panel-en.txt writes as aliases. */
const PANEL_SPEAKERS: Record<string, { name: string; aliases: string[] }> = {
  'grace-whitfield': { name: 'Grace Whitfield', aliases: ['MODERATOR'] },
  'amara-nwosu': { name: 'Amara Nwosu', aliases: ['Dr. Amara Nwosu', 'Dr. Amara Nwosu (Kestrel Institute)'] },
  'tomas-lindqvist': { name: 'Tomás Lindqvist', aliases: ['Tomás Lindqvist (Northgate University)'] },
  'priya-raman': { name: 'Priya Raman', aliases: ['Priya Raman (Civic Data Trust)'] },
};

/** Who speaks each turn of the panel, in order. */
const PANEL_ORDER = [
  'grace-whitfield',
  'amara-nwosu',
  'tomas-lindqvist',
  'priya-raman',
  'grace-whitfield',
  'priya-raman',
  'amara-nwosu',
  'grace-whitfield',
  'tomas-lindqvist',
  'grace-whitfield',
  'amara-nwosu',
  'priya-raman',
  'tomas-lindqvist',
  'grace-whitfield',
  'priya-raman',
  'amara-nwosu',
  'tomas-lindqvist',
  'grace-whitfield',
];

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'huitan-import-formats-'));
  await mkdir(path.join(dir, 'content/speakers'), { recursive: true });
  for (const [id, { name, aliases }] of Object.entries(PANEL_SPEAKERS)) {
    const speaker = {
      name,
      latinName: name,
      aliases,
      color: 'slate',
      role: { text: 'Panellist', unverified: true },
      affiliation: { text: 'Fictional', unverified: true },
    };
    await writeFile(path.join(dir, 'content/speakers', `${id}.yaml`), stringify(speaker));
  }
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the importer with `dir` as the working directory and `content/` there as content. */
const run = (...argv: string[]) => runImportIn(dir, argv);

/** Each written turn file's front matter fields and body. */
async function writtenTurns(talk: string) {
  const turnsDir = path.join(dir, 'content/talks', talk, 'turns');
  const files = (await readdir(turnsDir)).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(turnsDir, file), 'utf8');
      const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text) ?? [];
      const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(frontMatter)?.[1];
      return {
        file,
        speaker: field('speaker'),
        sourceLabel: field('sourceLabel'),
        start: field('start'),
        paragraphStarts: field('paragraphStarts'),
        body,
      };
    }),
  );
}

describe('importing the English panel', () => {
  test('plain text with inline labels, titles, affiliations and a role label: every turn credited to the right person', async () => {
    const result = await run(transcript('panel-en.txt'), '--talk', 'archive-panel');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Format: plain-text (no other format fits: speaker labels and paragraphs; choose another with --format)',
    );
    const turns = await writtenTurns('archive-panel');
    expect(turns.map((turn) => turn.speaker)).toEqual(PANEL_ORDER);
    expect(turns.slice(0, 4).map((turn) => turn.sourceLabel)).toEqual([
      'MODERATOR',
      'Dr. Amara Nwosu (Kestrel Institute)',
      'Tomás Lindqvist (Northgate University)',
      'Priya Raman (Civic Data Trust)',
    ]);
    expect(turns[0]!.body).toBe(
      'Good afternoon, everyone, and welcome to the last panel of the day.\n\n\\[*Applause*\\]\n\nWe have three guests who work with public records from very different sides. Amara, would you start us off?\n',
    );
    expect(turns[2]!.body).toBe(
      'I teach archival science, so I spend my time worrying about what happens to those recordings in twenty years. (*laughs*) Somebody has to.\n',
    );
    expect(turns.every((turn) => turn.start === undefined)).toBe(true);
  });

  test.each([
    ['panel-en.vtt', 'webvtt (the file starts with "WEBVTT"'],
    ['panel-en-meeting.txt', 'meeting-export (18 lines are a name and a time'],
    ['panel-en.json', 'podcast-json (a JSON file whose segments have a "body"'],
  ])('%s: the same speakers in the same order, and the format named', async (name, format) => {
    const result = await run(transcript(name), '--talk', 'archive-panel');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Format: ${format}`);
    expect((await writtenTurns('archive-panel')).map((turn) => turn.speaker)).toEqual(PANEL_ORDER);
  });

  test("WebVTT: each turn keeps its start and its paragraphs' starts for a player", async () => {
    await run(transcript('panel-en.vtt'), '--talk', 'archive-panel');
    const turns = await writtenTurns('archive-panel');
    expect(turns.map((turn) => [turn.start, turn.paragraphStarts]).slice(0, 2)).toEqual([
      ['1', '[ 1, 4.4, 7.5 ]'],
      ['13.6', '[ 13.6 ]'],
    ]);
  });

  test('a meeting export: the footer is cut and reported like the marker cuts', async () => {
    const result = await run(transcript('panel-en-meeting.txt'), '--talk', 'archive-panel', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Cut lines 60–61 after the transcript (1 with text; the Otter.ai footer "Transcribed by https://otter.ai" on line 60):\n    | Transcribed by https://otter.ai',
    );
  });
});

describe('options that only fit some formats', () => {
  test('--format chooses the reader: the VTT read as plain text stops, saying what it expected', async () => {
    const result = await run(transcript('panel-en.vtt'), '--talk', 'archive-panel', '--format', 'plain-text');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unexpected text');
    expect(result.stderr).not.toContain('--start');
  });

  test('an unknown --format is bad usage', async () => {
    const result = await run(transcript('panel-en.vtt'), '--talk', 'archive-panel', '--format', 'docx');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'import: --format: expected one of plain-text, meeting-export, webvtt, srt, podcast-json, diarized-json, found "docx"',
    );
  });

  test('--start is refused for a caption file, whose cues mark where the transcript is', async () => {
    const result = await run(transcript('panel-en.vtt'), '--talk', 'archive-panel', '--start', 'WEBVTT');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'expected --start and --end only for plain text or a meeting export, found a webvtt file',
    );
  });

  test('an unknown speaker in a caption file stops the import, naming the line and label; nothing is written', async () => {
    await writeFile(
      path.join(dir, 'extra.vtt'),
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Grace Whitfield>Hello.\n\n00:00:03.000 --> 00:00:04.000\n<v Carla Diaz>Hi.\n',
    );
    const result = await run('extra.vtt', '--talk', 'archive-panel');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('import stopped: extra.vtt:7: Unexpected speaker label "Carla Diaz"');
    // The import lock lives in content/talks/; no talk, staging folder or lock is left there.
    expect(await readdir(path.join(dir, 'content/talks'))).toEqual([]);
  });
});
