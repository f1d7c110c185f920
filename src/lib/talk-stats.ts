/**
 * Who spoke how much, and how long a talk takes to read: pure numbers from the catalog's turns
 * (TurnView.characters counts the speaker's words without whitespace or notes).
 */

/**
 * Silent reading speed assumed for Chinese text, in characters per minute. Measured reading
 * *aloud* is about 255 ± 29 characters a minute (IReST, Trauzettel-Klosinski & Dietz 2012,
 * https://iovs.arvojournals.org/article.aspx?articleid=2166061); silent reading is faster, and
 * 300–700 is the range commonly given for native readers. 400 is a deliberately modest middle.
 */
export const READING_SPEED_CPM = 400;

/** The parts of a turn the statistics read. */
export interface StatTurn {
  anchor: string;
  position: number;
  characters: number;
  speaker: { id: string };
}

export interface SpeakerShare<S extends { id: string }> {
  speaker: S;
  turns: number;
  characters: number;
  /** Share of all turns, 0–1. */
  turnShare: number;
  /** Share of all characters, 0–1. */
  characterShare: number;
}

/**
 * Per speaker, in the order given (the talk's participants): turns, characters and their
 * shares of the talk. A speaker with no turns gets zeros; an empty talk gives zero shares.
 */
export function speakerShares<S extends { id: string }>(speakers: readonly S[], turns: readonly StatTurn[]): SpeakerShare<S>[] {
  const totalTurns = turns.length;
  const totalCharacters = turns.reduce((sum, turn) => sum + turn.characters, 0);
  return speakers.map((speaker) => {
    const own = turns.filter((turn) => turn.speaker.id === speaker.id);
    const characters = own.reduce((sum, turn) => sum + turn.characters, 0);
    return {
      speaker,
      turns: own.length,
      characters,
      turnShare: totalTurns === 0 ? 0 : own.length / totalTurns,
      characterShare: totalCharacters === 0 ? 0 : characters / totalCharacters,
    };
  });
}

export interface TimelineSegment<T extends StatTurn> {
  turn: T;
  /** Where the turn starts, as a share of the talk's characters (0–1). */
  start: number;
  /** The turn's share of the talk's characters (0–1). */
  width: number;
}

/** The talk as consecutive segments, each as long as its turn's share of the characters. */
export function timeline<T extends StatTurn>(turns: readonly T[]): TimelineSegment<T>[] {
  const total = turns.reduce((sum, turn) => sum + turn.characters, 0);
  let before = 0;
  return turns.map((turn) => {
    const segment = { turn, start: total === 0 ? 0 : before / total, width: total === 0 ? 0 : turn.characters / total };
    before += turn.characters;
    return segment;
  });
}

/** Whole minutes to read `characters`, rounded to nearest, at least 1 for any text. */
export function readingMinutes(characters: number, speed = READING_SPEED_CPM): number {
  if (characters <= 0) return 0;
  return Math.max(1, Math.round(characters / speed));
}

/** Characters of some turns. */
export function totalCharacters(turns: readonly { characters: number }[]): number {
  return turns.reduce((sum, turn) => sum + turn.characters, 0);
}

/** "23%": a share as a whole percentage. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
