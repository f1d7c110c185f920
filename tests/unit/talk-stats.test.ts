/** Who spoke how much (src/lib/talk-stats.ts), checked against counts done by hand here. */
import { describe, expect, test } from 'vitest';
import { formatShare, readingMinutes, speakerShares, timeline, totalCharacters } from '../../src/lib/talk-stats';

const host = { id: 'host' };
const guest = { id: 'guest' };
const silent = { id: 'silent' };
const turn = (position: number, speaker: { id: string }, characters: number) => ({ anchor: `t${position}`, position, speaker, characters });
// The host asks three short questions (10 + 20 + 30), the guest answers twice (100 + 240).
const turns = [turn(1, host, 10), turn(2, guest, 100), turn(3, host, 20), turn(4, guest, 240), turn(5, host, 30)];

describe('speakerShares', () => {
  test('gives each speaker turns, characters and their shares, in the order given', () => {
    expect(speakerShares([host, guest, silent], turns)).toEqual([
      { speaker: host, turns: 3, characters: 60, turnShare: 3 / 5, characterShare: 60 / 400 },
      { speaker: guest, turns: 2, characters: 340, turnShare: 2 / 5, characterShare: 340 / 400 },
      { speaker: silent, turns: 0, characters: 0, turnShare: 0, characterShare: 0 },
    ]);
  });

  test('gives zero shares for a talk without turns', () => {
    expect(speakerShares([host], [])).toEqual([{ speaker: host, turns: 0, characters: 0, turnShare: 0, characterShare: 0 }]);
  });
});

describe('timeline', () => {
  test('lays the turns end to end, each as wide as its share of the characters', () => {
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

  test('adds up characters and shows shares as whole percentages', () => {
    expect(totalCharacters(turns)).toBe(400);
    expect([formatShare(0.125), formatShare(0.6), formatShare(1 / 3)]).toEqual(['13%', '60%', '33%']);
  });
});
