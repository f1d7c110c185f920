/**
 * The English edition of the WAIC 2023 roundtable, read by slug: every turn translated and
 * aligned with the Chinese, notes and quotes matching, the glossary's terms used, facts kept to
 * their sources, and every participant named in English. The checks are those of
 * src/lib/translation/check-translation.ts; this test runs them on the real content.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { reviewText } from '../../src/cli/translation-review';
import { checkTranslation } from '../../src/lib/translation/check-translation';
import { loadTranslation } from '../../src/lib/translation/load-translation';
import { contentFiles, fixtureCatalog } from '../helpers/fixture-content';
import { root } from '../helpers/paths';

const SLUG = 'waic-2023-roundtable';
const loaded = await loadTranslation(path.join(root, 'content'), SLUG, 'en');

describe(`the English translation of ${SLUG}`, () => {
  test('has a translation of every turn, and the checks find no problem', () => {
    expect(loaded.original.turns.length).toBeGreaterThan(0);
    expect(loaded.translation.turns.map((turn) => turn.anchor)).toEqual(
      loaded.original.turns.map((turn) => turn.anchor),
    );
    expect([...loaded.problems, ...checkTranslation(loaded.input)]).toEqual([]);
  });

  test('carries every note of the original, and translator’s notes only where the English needs them', () => {
    const originalNotes = loaded.original.turns.flatMap((turn) =>
      turn.notes.map((note) => `${turn.anchor}/${note.label}`),
    );
    const englishNotes = loaded.translation.turns.flatMap((turn) =>
      turn.notes.filter((note) => note.kind !== 'translator').map((note) => `${turn.anchor}/${note.label}`),
    );
    expect(englishNotes.sort()).toEqual(originalNotes.sort());
    expect(loaded.translation.turns.some((turn) => turn.notes.some((note) => note.kind === 'translator'))).toBe(true);
  });

  test('has a glossary that settles the talk’s key terms, and enforces them', () => {
    const terms = new Map(loaded.translation.glossary?.terms.map((entry) => [entry.term, entry]));
    for (const term of [
      '模态补全',
      '模态对齐',
      '多模态',
      '幻觉',
      '头痛医头',
      '有手就行',
      '强化学习',
      '扩散模型',
      '生成对抗网络',
      '具身智能',
      '大模型',
    ]) {
      expect(terms.get(term)?.enforce, term).toBe(true);
    }
  });

  test('names every participant in English, with a source for the spelling', () => {
    const ids = loaded.original.talk?.participants.map((participant) => participant.speaker) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(loaded.translation.speakers.get(id)?.name.source, id).toMatch(/^https:\/\//);
  });

  test('prints each Chinese paragraph beside its English one for review', () => {
    const [turn] = loaded.original.turns;
    const [english] = loaded.translation.turns;
    const text = reviewText(loaded, []);
    expect(text).toContain(`¶1 zh ${turn!.paragraphs[0]}`);
    expect(text).toContain(`   en ${english!.paragraphs[0]}`);
    expect(text.trimEnd().endsWith('No problems.')).toBe(true);
  });
});

describe(`the English edition of ${SLUG}, as the build makes it`, async () => {
  const catalog = await fixtureCatalog(await contentFiles(path.join(root, 'content')));
  const original = catalog.talks.find((talk) => talk.slug === SLUG)!;
  const english = original.translations.get('en')!;

  test('exists, with 13 turns, every quote id of the original, and the English names', () => {
    expect(catalog.translations.get('en')?.talks).toContain(english);
    expect(english.turns).toHaveLength(13);
    expect(english.turns.map((turn) => turn.anchor)).toEqual(original.turns.map((turn) => turn.anchor));
    expect(english.quotes.map((quote) => quote.id)).toEqual(original.quotes.map((quote) => quote.id));
    expect(english.participants.map((person) => person.name)).toEqual([
      'Xu Li',
      'Andrew Chi-Chih Yao',
      'Yang Yuan',
      'Yang Zhilin',
      'Xingang Pan',
    ]);
  });
});
