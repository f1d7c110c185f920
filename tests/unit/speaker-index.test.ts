/** A speaker across talks: their talks newest first, their turns in order, and the links. */
import { describe, expect, test } from 'vitest';
import { buildCatalog, type EntryInput } from '../../src/lib/content/catalog';
import { appearancesOf, speakerHref, turnHref } from '../../src/lib/content/speaker-index';
import type { Speaker } from '../../src/schemas/speaker';
import type { Talk } from '../../src/schemas/talk';
import type { Turn } from '../../src/schemas/turn';

const fact = { text: '某机构', source: 'transcript', unverified: false };
const speaker = (id: string, name: string): EntryInput<Speaker> => ({
  id,
  data: { name, latinName: id, aliases: [], color: 'blue', role: fact, affiliation: fact },
});
const talk = (slug: string, date: string, participants: [string, 'host' | 'guest'][]): EntryInput<Talk> => ({
  id: `${slug}/talk`,
  data: {
    title: slug,
    summary: '摘要。',
    event: { name: 'E', fullName: 'Event' },
    date: { ...fact, text: date },
    venue: fact,
    session: fact,
    language: 'zh-CN',
    labels: {},
    participants: participants.map(([id, part]) => ({ speaker: id, part })),
    source: { publisher: fact, title: '实录' },
    outline: [],
  },
});
const turn = (slug: string, position: number, anchor: string, speakerId: string): EntryInput<Turn> => ({
  id: `${slug}/turns/${position}-${anchor}`,
  data: { anchor, position, speaker: speakerId, quotes: [] },
  body: `${anchor}的话。\n`,
});

const catalog = buildCatalog({
  speakers: [speaker('lin', '林舟'), speaker('he', '何云'), speaker('song', '宋明')],
  talks: [
    talk('older', '2024-05-01', [
      ['lin', 'host'],
      ['he', 'guest'],
    ]),
    talk('newer', '2024-09-10', [
      ['he', 'host'],
      ['song', 'guest'],
    ]),
  ],
  turns: [
    turn('older', 1, 'lin-a', 'lin'),
    turn('older', 2, 'he-a', 'he'),
    turn('older', 3, 'he-b', 'he'),
    turn('newer', 1, 'he-c', 'he'),
    turn('newer', 2, 'song-a', 'song'),
  ],
});

describe('appearancesOf', () => {
  test('lists every talk a speaker is in, newest first, with their part and turns in order', () => {
    expect(
      appearancesOf(catalog, 'he').map((a) => [a.talk.slug, a.participant.part, a.turns.map((t) => t.anchor)]),
    ).toEqual([
      ['newer', 'host', ['he-c']],
      ['older', 'guest', ['he-a', 'he-b']],
    ]);
  });

  test('lists only the talks a speaker is in', () => {
    expect(appearancesOf(catalog, 'song').map((a) => a.talk.slug)).toEqual(['newer']);
    expect(appearancesOf(catalog, 'nobody')).toEqual([]);
  });
});

describe('links', () => {
  test('a turn is /<talk>/#<anchor> and a speaker /speakers/<id>/, under the base', () => {
    expect(turnHref('older', 'he-a')).toBe('/older/#he-a');
    expect(turnHref('older', 'he-a', '/docs/')).toBe('/docs/older/#he-a');
    expect(speakerHref('he')).toBe('/speakers/he/');
  });
});
