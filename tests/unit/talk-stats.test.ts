/** Who spoke how much (src/lib/content/talk-stats.ts), checked against counts done by hand here. */
import { describe, expect, test } from 'vitest';
import {
  countWords,
  formatShare,
  measureFor,
  measureText,
  readingMinutes,
  READING_SPEED_WPM,
  speakerShares,
  timeline,
  totalLength,
} from '../../src/lib/content/talk-stats';

const host = { id: 'host' };
const guest = { id: 'guest' };
const silent = { id: 'silent' };
const turn = (position: number, speaker: { id: string }, length: number) => ({
  anchor: `t${position}`,
  position,
  speaker,
  length,
});
// The host asks three short questions (10 + 20 + 30), the guest answers twice (100 + 240).
const turns = [turn(1, host, 10), turn(2, guest, 100), turn(3, host, 20), turn(4, guest, 240), turn(5, host, 30)];

describe('speakerShares', () => {
  test('gives each speaker turns, length and their shares, in the order given', () => {
    expect(speakerShares([host, guest, silent], turns)).toEqual([
      { speaker: host, turns: 3, length: 60, turnShare: 3 / 5, lengthShare: 60 / 400 },
      { speaker: guest, turns: 2, length: 340, turnShare: 2 / 5, lengthShare: 340 / 400 },
      { speaker: silent, turns: 0, length: 0, turnShare: 0, lengthShare: 0 },
    ]);
  });

  test('gives zero shares for a talk without turns', () => {
    expect(speakerShares([host], [])).toEqual([{ speaker: host, turns: 0, length: 0, turnShare: 0, lengthShare: 0 }]);
  });
});

describe('timeline', () => {
  test('lays the turns end to end, each as wide as its share of the talk', () => {
    expect(timeline(turns).map(({ turn: t, start, width }) => [t.anchor, start, width])).toEqual([
      ['t1', 0, 0.025],
      ['t2', 0.025, 0.25],
      ['t3', 0.275, 0.05],
      ['t4', 0.325, 0.6],
      ['t5', 0.925, 0.075],
    ]);
  });
});

describe('reading time and length', () => {
  test.each([
    [0, 0],
    [1, 1],
    [199, 1],
    [600, 2],
    [3856, 10],
  ])('%i characters take %i minutes at 400 a minute', (characters, minutes) => {
    expect(readingMinutes(characters)).toBe(minutes);
  });

  test('uses another speed when asked', () => {
    expect(readingMinutes(900, 300)).toBe(3);
  });

  test('adds up lengths and shows shares as whole percentages', () => {
    expect(totalLength(turns)).toBe(400);
    expect([formatShare(0.125), formatShare(0.6), formatShare(1 / 3)]).toEqual(['13%', '60%', '33%']);
  });
});

describe('measuring a talk by its language', () => {
  test.each([
    ['zh-CN', 'characters', 400],
    ['zh-Hant-TW', 'characters', 400],
    ['ja', 'characters', 400],
    ['en', 'words', 238],
    ['en-GB', 'words', 238],
    ['de', 'words', 238],
  ])('%s is counted in %s at %i a minute', (language, unit, perMinute) => {
    expect(measureFor(language)).toEqual({ unit, perMinute });
  });

  test('counts words as a reader would: contractions whole, punctuation and Markdown marks not at all', () => {
    expect(countWords("We don't know yet — GPT-4, *really*?", 'en')).toBe(7);
    expect(countWords('', 'en')).toBe(0);
  });

  test('measures Chinese in characters without whitespace and English in words', () => {
    expect(measureText('大模型 的幻觉\n\n问题', 'zh-CN')).toBe(8);
    expect(measureText('The model hallucinates.\n\nIt is a known problem.', 'en')).toBe(8);
  });

  test('an English talk of 2,380 words reads in 10 minutes', () => {
    expect(readingMinutes(2380, READING_SPEED_WPM)).toBe(10);
  });
});
