/**
 * The published turns are the source's words: splitting the source transcript at its speaker
 * lines and applying the documented normalisation gives exactly the committed turn bodies,
 * once the editorial notes (footnote references and definitions, see src/lib/content/notes.ts) are
 * taken out. The notes add to the text; they never change a word of it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stripNotes } from '../../src/lib/content/notes';
import { normalizeLine } from '../../src/lib/text/typography';
import { root } from '../helpers/paths';

const talkDir = path.join(root, 'content/talks/waic-2023-roundtable');
const source = readFileSync(path.join(talkDir, 'source.txt'), 'utf8');
const turnFiles = readdirSync(path.join(talkDir, 'turns')).sort();

/** Speaker lines of this source: a name (or 植麟 for 杨植麟), with or without a colon. */
const SPEAKER_LINE = /^(徐立|姚期智|袁洋|植麟|潘新钢)\s*[:：]?\s*$/;

function sourceTurns(): { label: string; paragraphs: string[] }[] {
  const transcript = source.split('以下为圆桌论坛实录:')[1]?.split('Read More')[0];
  if (!transcript) throw new Error('expected the source to hold the transcript markers, found none');
  const turns: { label: string; paragraphs: string[] }[] = [];
  for (const raw of transcript.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const speaker = SPEAKER_LINE.exec(line);
    if (speaker) turns.push({ label: speaker[1]!, paragraphs: [] });
    else turns.at(-1)!.paragraphs.push(normalizeLine(line));
  }
  return turns;
}

function committedTurn(file: string) {
  const text = readFileSync(path.join(talkDir, 'turns', file), 'utf8');
  const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const label = /^sourceLabel: (.+)$/m.exec(frontMatter)?.[1];
  return {
    label,
    paragraphs: stripNotes(body)
      .split('\n')
      .filter((line) => line.trim() !== ''),
  };
}

describe('the WAIC 2023 roundtable content', () => {
  test('has the 13 turns of the source, in order, with the source’s words', () => {
    const expected = sourceTurns();
    expect(expected).toHaveLength(13);
    expect(turnFiles).toHaveLength(13);
    turnFiles.forEach((file, index) => {
      expect(committedTurn(file).paragraphs, file).toEqual(expected[index]!.paragraphs);
    });
  });

  test('carries editorial notes in 8 of its 13 turns', () => {
    const withNotes = turnFiles.filter((file) =>
      /\[\^[a-z0-9-]+\]/.test(readFileSync(path.join(talkDir, 'turns', file), 'utf8')),
    );
    expect(withNotes).toHaveLength(8);
  });

  test('records the source’s speaker label where it is not the speaker’s name', () => {
    const labels = turnFiles.map((file) => committedTurn(file).label);
    const expected = sourceTurns().map((turn) => (turn.label === '植麟' ? '植麟' : undefined));
    expect(labels).toEqual(expected);
  });
});
