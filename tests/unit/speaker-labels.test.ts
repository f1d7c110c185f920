/** How a source's speaker label reads (src/lib/content/speaker-labels.ts): only a wrong name is a correction. */
import { describe, expect, test } from 'vitest';
import { bareName, labelEntries, readLabel } from '../../src/lib/content/speaker-labels';

const yang = { id: 'yang-zhilin', name: '杨植麟', latinName: 'Yang Zhilin', aliases: ['植麟'] };
const jane = { id: 'jane-doe', name: 'Jane Doe', latinName: 'Jane Doe', aliases: [] };
const xu = { id: 'xu-li', name: '徐立', latinName: 'Xu Li', aliases: [] };
const roles = { 主持人: 'xu-li', MODERATOR: 'jane-doe', SPEAKER_00: 'yang-zhilin' };

describe('readLabel', () => {
  test.each([
    [undefined, jane, 'name'],
    ['Jane Doe', jane, 'name'],
    ['JANE DOE', jane, 'name'],
    ['jane  doe', jane, 'name'],
    ['Dr. Jane Doe', jane, 'name'],
    ['Prof Jane Doe', jane, 'name'],
    ['Jane Doe, PhD', jane, 'name'],
    ['Jane Doe (Acme Labs)', jane, 'name'],
    ['Dr. Jane Doe (Acme Labs)', jane, 'name'],
    ['杨植麟（月之暗面）', yang, 'name'],
    ['杨植麟博士', yang, 'name'],
    ['YANG ZHILIN', yang, 'name'],
    ['ＪＡＮＥ ＤＯＥ', jane, 'name'],
    ['MODERATOR', jane, 'role'],
    ['Moderator', jane, 'role'],
    ['主持人', xu, 'role'],
    ['SPEAKER_00', yang, 'role'],
    ['植麟', yang, 'alias'],
    ['植麟教授', yang, 'alias'],
  ] as const)('%s for %s reads as %s', (label, speaker, reading) => {
    expect(readLabel(label, speaker, roles)).toBe(reading);
  });

  test.each([
    ['a role the talk maps to someone else', '主持人', yang],
    ['another person’s name', '徐立', yang],
    ['a misspelt name', 'Jane Dough', jane],
    ['a shortened name that is no alias', '杨', yang],
    ['a role label in a talk without labels', 'MODERATOR', jane],
  ])('%s is a correction', (_, label, speaker) => {
    const talkRoles = label === 'MODERATOR' ? {} : roles;
    expect(readLabel(label, speaker, talkRoles)).toBe('other');
  });
});

describe('bareName', () => {
  test('keeps the name and drops titles, case, spacing and a parenthesised affiliation', () => {
    expect(bareName('  Prof.  Andrew  Yao (Tsinghua) ')).toBe('andrew yao');
    expect(bareName('姚期智院士（清华大学）')).toBe('姚期智');
  });

  test('does not take a name apart that merely starts like a title', () => {
    expect(bareName('Drew Ms')).toBe('drew ms');
    expect(bareName('Mrinal Sen')).toBe('mrinal sen');
  });
});

describe('labelEntries', () => {
  test('lists each alias and role once per speaker, with its turns, in reading order', () => {
    const turn = (
      position: number,
      speaker: typeof yang,
      sourceLabel: string | undefined,
      labelReading: 'name' | 'role' | 'alias' | 'other',
    ) => ({ anchor: `t${position}`, position, sourceLabel, labelReading, speaker });
    const turns = [
      turn(1, xu, '主持人', 'role'),
      turn(2, yang, '植麟', 'alias'),
      turn(3, xu, '主持人', 'role'),
      turn(4, yang, '袁洋', 'other'),
      turn(5, yang, undefined, 'name'),
      turn(6, yang, '植麟', 'alias'),
    ];
    expect(
      labelEntries(turns).map((entry) => [
        entry.label,
        entry.reading,
        entry.speaker.id,
        entry.turns.map((t) => t.position),
      ]),
    ).toEqual([
      ['主持人', 'role', 'xu-li', [1, 3]],
      ['植麟', 'alias', 'yang-zhilin', [2, 6]],
    ]);
  });
});
