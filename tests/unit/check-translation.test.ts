/**
 * The translation checks (src/lib/translation/check-translation.ts): each problem a translation
 * can have, found in a small inline talk and reported with the file, the field and the exact
 * message an editor reads. The turns are read from text by read-turn.ts, as files are.
 */
import { describe, expect, test } from 'vitest';
import { CHINESE_NOTES } from '../../src/lib/content/notes';
import { checkFact, checkTranslation, type TranslationCheckInput } from '../../src/lib/translation/check-translation';
import type { TranslationProblem } from '../../src/lib/translation/problems';
import { readTurn, type TurnText } from '../../src/lib/translation/read-turn';
import { ENGLISH_NOTES, TranslatedTurnSchema, type GlossaryTerm } from '../../src/schemas/translation';
import { TurnSchema } from '../../src/schemas/turn';

const SRC = '[src](https://example.org/a)';
const ZH_DIR = 'talks/t/turns';
const EN_DIR = 'talks/t/translations/en/turns';

function front(anchor: string, position: number, speaker: string, extra = ''): string {
  return `---\nanchor: ${anchor}\nposition: ${position}\nspeaker: ${speaker}\n${extra}---\n\n`;
}

function zhTurn(name: string, text: string): TurnText {
  const read = readTurn(`${ZH_DIR}/${name}`, text, TurnSchema, CHINESE_NOTES);
  expect(read.problems).toEqual([]);
  return read.turn!;
}

function enTurn(name: string, text: string): TurnText {
  const read = readTurn(`${EN_DIR}/${name}`, text, TranslatedTurnSchema, ENGLISH_NOTES);
  expect(read.problems).toEqual([]);
  return read.turn!;
}

const QUOTE_ZH = 'quotes:\n  - id: dog\n    headline: 狗很重要\n    span: 画一只狗\n';
const QUOTE_EN = 'quotes:\n  - id: dog\n    headline: Dogs matter\n    span: draw a dog\n';

const original = [
  zhTurn(
    '01-lin-asks.md',
    `${front('lin-asks', 1, 'lin')}大家好，今天谈强化学习[^rl]。\n\n请宋老师先说。\n\n[^rl]: 【术语】一种学习方法，${SRC}\n`,
  ),
  zhTurn(
    '02-song-answers.md',
    `${front('song-answers', 2, 'song', QUOTE_ZH)}我想画一只狗，用GAN[^gan]。\n\n[^gan]: 【更正】原文作Gan，${SRC}\n`,
  ),
];

const english = () => [
  enTurn(
    '01-lin-asks.md',
    `${front('lin-asks', 1, 'lin')}Hello, everyone; today we talk about reinforcement learning[^rl].\n\nProfessor Song, please go first.\n\n[^rl]: [Term] A way of learning, ${SRC}\n`,
  ),
  enTurn(
    '02-song-answers.md',
    `${front('song-answers', 2, 'song', QUOTE_EN)}I want to draw a dog, with a GAN[^gan][^tn-dog].\n\n[^gan]: [Correction] The source has Gan, ${SRC}\n\n[^tn-dog]: [Translator's note] 狗 is a dog.\n`,
  ),
];

const glossary = (terms: Partial<GlossaryTerm>[]): TranslationCheckInput['glossary'] => ({
  file: 'talks/t/translations/en/glossary.yaml',
  terms: terms.map((term) => ({
    term: '',
    variants: [],
    translation: '',
    alternatives: [],
    why: 'because',
    enforce: true,
    ...term,
  })),
});

function check(translation: TurnText[], extra: Partial<TranslationCheckInput> = {}): TranslationProblem[] {
  return checkTranslation({ turnsDir: EN_DIR, original, translation, ...extra });
}

const messages = (problems: TranslationProblem[]) =>
  problems.map(({ file, field, message }) => `${file} ${field}: ${message}`);

/** The English turns with one file's text replaced. */
function withTurn(index: number, text: string): TurnText[] {
  const turns = english();
  turns[index] = enTurn(index === 0 ? '01-lin-asks.md' : '02-song-answers.md', text);
  return turns;
}

describe('checkTranslation', () => {
  test('finds nothing wrong with an aligned translation whose only extra note is a translator’s note', () => {
    expect(
      check(english(), { glossary: glossary([{ term: '强化学习', translation: 'reinforcement learning' }]) }),
    ).toEqual([]);
  });

  test('names each field, what was expected and what was found', () => {
    expect(check(english().slice(1))).toEqual([
      {
        file: `${EN_DIR}/01-lin-asks.md`,
        field: 'file',
        expected: `a translation of ${ZH_DIR}/01-lin-asks.md (anchor "lin-asks")`,
        found: 'no translated turn with that anchor',
        message: `expected a translation of ${ZH_DIR}/01-lin-asks.md (anchor "lin-asks"), found no translated turn with that anchor`,
      },
    ]);
  });

  test('fails a translated turn whose anchor the original does not have', () => {
    const turns = [...english(), enTurn('03-extra.md', `${front('extra-turn', 3, 'lin')}More words.\n`)];
    expect(messages(check(turns))).toEqual([
      `${EN_DIR}/03-extra.md anchor: expected an anchor of the original talk ("lin-asks", "song-answers"), found "extra-turn"`,
    ]);
  });

  test('fails a paragraph count that differs from the original', () => {
    const turns = withTurn(
      0,
      `${front('lin-asks', 1, 'lin')}Hello, everyone; today: reinforcement learning[^rl]. Professor Song, please go first.\n\n[^rl]: [Term] A way, ${SRC}\n`,
    );
    expect(messages(check(turns))).toEqual([
      `${EN_DIR}/01-lin-asks.md body: expected 2 paragraphs, one for each paragraph of ${ZH_DIR}/01-lin-asks.md, found 1 paragraph`,
    ]);
  });

  test('fails words credited to another speaker, a moved turn, a renamed file and an invented source label', () => {
    const turns = english();
    turns[1] = enTurn(
      '02-song.md',
      `${front('song-answers', 5, 'lin', `sourceLabel: Song\n${QUOTE_EN}`)}I want to draw a dog, with a GAN[^gan].\n\n[^gan]: [Correction] Gan, ${SRC}\n`,
    );
    expect(messages(check(turns))).toEqual([
      `${EN_DIR}/02-song.md file: expected the original's file name "02-song-answers.md", found "02-song.md"`,
      `${EN_DIR}/02-song.md speaker: expected "song", the speaker of ${ZH_DIR}/02-song-answers.md, found "lin"`,
      `${EN_DIR}/02-song.md position: expected 2, the position of ${ZH_DIR}/02-song-answers.md, found 5`,
      `${EN_DIR}/02-song.md sourceLabel: expected no sourceLabel (${ZH_DIR}/02-song-answers.md has none), found "Song"`,
    ]);
  });

  test.each([
    ['does not occur', 'span: draw a cat', '0 occurrences of "draw a cat"'],
    ['occurs twice', 'span: a dog', '2 occurrences of "a dog"'],
  ])('fails a key-quote span that %s in the translated turn', (_, span, found) => {
    const turns = withTurn(
      1,
      `${front('song-answers', 2, 'song', QUOTE_EN.replace('span: draw a dog', span))}I want to draw a dog, with a GAN, a dog[^gan].\n\n[^gan]: [Correction] Gan, ${SRC}\n`,
    );
    expect(messages(check(turns))).toEqual([
      `${EN_DIR}/02-song-answers.md quotes[0].span: expected text that occurs exactly once in the turn, found ${found}`,
    ]);
  });

  test('fails a quote present in one language only', () => {
    const renamed = withTurn(
      1,
      `${front('song-answers', 2, 'song', QUOTE_EN.replace('id: dog', 'id: cat'))}I want to draw a dog, with a GAN[^gan].\n\n[^gan]: [Correction] Gan, ${SRC}\n`,
    );
    expect(messages(check(renamed))).toEqual([
      `${EN_DIR}/02-song-answers.md quotes[0].id: expected a quote id of ${ZH_DIR}/02-song-answers.md ("dog"), found "cat"`,
      `${EN_DIR}/02-song-answers.md quotes: expected the quote "dog" of ${ZH_DIR}/02-song-answers.md, translated, found no quote with that id`,
    ]);
    const extra = withTurn(
      0,
      `${front('lin-asks', 1, 'lin', QUOTE_EN)}Hello; reinforcement learning[^rl], draw a dog.\n\nPlease go first.\n\n[^rl]: [Term] A way, ${SRC}\n`,
    );
    expect(messages(check(extra))).toEqual([
      `${EN_DIR}/01-lin-asks.md quotes[0].id: expected no quotes (${ZH_DIR}/01-lin-asks.md has none), found "dog"`,
    ]);
  });

  test('fails a note present in one language only, unless it is a translator’s note', () => {
    const missing = withTurn(
      1,
      `${front('song-answers', 2, 'song', QUOTE_EN)}I want to draw a dog, with a GAN[^tn-gan].\n\n[^tn-gan]: [Translator's note] Gan.\n`,
    );
    expect(messages(check(missing))).toEqual([
      `${EN_DIR}/02-song-answers.md body: expected the note [^gan] (correction) of ${ZH_DIR}/02-song-answers.md, translated, found no note with that label`,
    ]);
    const added = withTurn(
      1,
      `${front('song-answers', 2, 'song', QUOTE_EN)}I want to draw a dog[^dog], with a GAN[^gan].\n\n[^gan]: [Correction] Gan, ${SRC}\n\n[^dog]: [Context] Dogs, ${SRC}\n`,
    );
    expect(messages(check(added))).toEqual([
      `${EN_DIR}/02-song-answers.md body: expected only the notes of ${ZH_DIR}/02-song-answers.md and translator's notes, found the context note [^dog], which ${ZH_DIR}/02-song-answers.md does not have`,
    ]);
  });

  test('fails a note of another kind, or in another paragraph, than the original’s', () => {
    const kind = withTurn(
      1,
      `${front('song-answers', 2, 'song', QUOTE_EN)}I want to draw a dog, with a GAN[^gan].\n\n[^gan]: [Context] Gan, ${SRC}\n`,
    );
    expect(messages(check(kind))).toEqual([
      `${EN_DIR}/02-song-answers.md body: expected note [^gan] of kind "correction", as in ${ZH_DIR}/02-song-answers.md, found "context"`,
    ]);
    const moved = withTurn(
      0,
      `${front('lin-asks', 1, 'lin')}Hello; reinforcement learning.\n\nProfessor Song[^rl], please.\n\n[^rl]: [Term] A way, ${SRC}\n`,
    );
    expect(messages(check(moved))).toEqual([
      `${EN_DIR}/01-lin-asks.md body: expected [^rl] in paragraph 1, as in ${ZH_DIR}/01-lin-asks.md, found it in paragraph 2`,
    ]);
  });

  test('fails an enforced glossary term missing from the aligned paragraph, and only there', () => {
    const turns = withTurn(
      0,
      `${front('lin-asks', 1, 'lin')}Hello; today: RL[^rl].\n\nProfessor Song, reinforcement learning, please.\n\n[^rl]: [Term] A way, ${SRC}\n`,
    );
    const terms = glossary([
      { term: '强化学习', translation: 'reinforcement learning', alternatives: ['RL learning'] },
      { term: '老师', translation: 'teacher', enforce: false },
    ]);
    expect(messages(check(turns, { glossary: terms }))).toEqual([
      `${EN_DIR}/01-lin-asks.md body paragraph 1: expected "reinforcement learning", "RL learning" for "强化学习" (talks/t/translations/en/glossary.yaml), found a paragraph without it: "Hello; today: RL."`,
    ]);
  });

  test('matches Latin terms at a word start in either language, whatever the case or the ending', () => {
    const terms = glossary([{ term: '生成对抗网络', variants: ['gan'], translation: 'GAN' }]);
    expect(check(english(), { glossary: terms })).toEqual([]);
    const dragOnly = withTurn(
      1,
      `${front('song-answers', 2, 'song', QUOTE_EN)}I want to draw a dog, with DragGAN[^gan].\n\n[^gan]: [Correction] Gan, ${SRC}\n`,
    );
    expect(messages(check(dragOnly, { glossary: terms }))).toEqual([
      `${EN_DIR}/02-song-answers.md body paragraph 1: expected "GAN" for "生成对抗网络" (talks/t/translations/en/glossary.yaml), found a paragraph without it: "I want to draw a dog, with DragGAN."`,
    ]);
  });

  test('fails a glossary that lists a term twice', () => {
    const terms = glossary([
      { term: '强化学习', translation: 'reinforcement learning' },
      { term: '强化学习', translation: 'RL', enforce: false },
    ]);
    expect(messages(check(english(), { glossary: terms }))).toEqual([
      'talks/t/translations/en/glossary.yaml terms[1].term: expected each term once, found "强化学习" again',
    ]);
  });

  test('fails an outline section missing, unknown or without its question', () => {
    const outline = {
      file: 'talks/t/translations/en/talk.yaml',
      original: [{ id: 'opening', question: '为什么？' }, { id: 'answers' }],
      translation: [{ id: 'opening' }, { id: 'closing' }],
    };
    expect(messages(check(english(), { outline }))).toEqual([
      'talks/t/translations/en/talk.yaml outline.opening.question: expected the section question, translated, found none',
      'talks/t/translations/en/talk.yaml outline: expected the section "answers", translated, found no section with that id',
      'talks/t/translations/en/talk.yaml outline[1].id: expected a section id of the original ("opening", "answers"), found "closing"',
    ]);
  });
});

describe('checkFact', () => {
  const fact = (source: string | undefined, text = 'A') => ({
    text,
    unverified: source === undefined,
    ...(source ? { source } : {}),
  });

  test.each([
    ['the same source', fact('https://a.org/'), fact('https://a.org/'), []],
    ['both unverified', fact(undefined), fact(undefined), []],
    [
      'another source',
      fact('https://a.org/'),
      fact('https://b.org/'),
      ['s.yaml role.source: expected source "https://a.org/", as in the original, found source "https://b.org/"'],
    ],
    [
      'a source for an unverified fact',
      fact(undefined),
      fact('transcript'),
      ['s.yaml role.source: expected unverified, as in the original, found source "transcript"'],
    ],
    [
      'no translation',
      fact('transcript'),
      undefined,
      ["s.yaml role: expected a translation of the original's role, found none"],
    ],
    [
      'a fact the original lacks',
      undefined,
      fact('transcript', 'Dean'),
      ['s.yaml role: expected no role (the original has none), found "Dean"'],
    ],
  ])('%s', (_, originalFact, translation, expected) => {
    expect(messages(checkFact({ file: 's.yaml', field: 'role', original: originalFact, translation }))).toEqual(
      expected,
    );
  });
});

describe('readTurn', () => {
  test('reports front matter that does not fit the translated turn schema', () => {
    const read = readTurn(
      'en/01-a.md',
      `${front('a', 1, 'lin', 'title: Hi\n')}Words.\n`,
      TranslatedTurnSchema,
      ENGLISH_NOTES,
    );
    expect(read.turn).toBeUndefined();
    expect(messages(read.problems)).toEqual([
      'en/01-a.md title: expected one of: anchor, position, speaker, sourceLabel, quotes, found field "title"',
    ]);
  });

  test('reports a file without front matter', () => {
    expect(messages(readTurn('en/01-a.md', 'Words.\n', TranslatedTurnSchema, ENGLISH_NOTES).problems)).toEqual([
      'en/01-a.md front matter: expected front matter between --- lines, found none',
    ]);
  });

  test.each([
    [
      'an unknown kind',
      `Word[^a].\n\n[^a]: [Background] Text, ${SRC}\n`,
      `expected the note to start with one of [Context], [Correction], [Term], [Translator's note], found note kind "[Background]" in [^a]`,
    ],
    [
      'a context note with neither a link nor "unverified"',
      'Word[^a].\n\n[^a]: [Context] Text.\n',
      'expected an http(s) link or the words "unverified", found note [^a] without a source',
    ],
  ])('reads English notes and reports %s with its line', (_, body, message) => {
    const read = readTurn('en/01-a.md', `${front('a', 1, 'lin')}${body}`, TranslatedTurnSchema, ENGLISH_NOTES);
    expect(read.problems).toEqual([
      { file: 'en/01-a.md', field: 'body', line: 9, expected: expect.any(String), found: expect.any(String), message },
    ]);
  });

  test('reads "Unverified" in any case, and a translator’s note needs no source', () => {
    const read = readTurn(
      'en/01-a.md',
      `${front('a', 1, 'lin')}Word[^a][^b].\n\n[^a]: [Context] Unverified: who.\n\n[^b]: [Translator's note] A reading.\n`,
      TranslatedTurnSchema,
      ENGLISH_NOTES,
    );
    expect(read.problems).toEqual([]);
    expect(read.turn?.notes).toEqual([
      { label: 'a', kind: 'context' },
      { label: 'b', kind: 'translator' },
    ]);
    expect(read.turn?.paragraphs).toEqual(['Word.']);
    expect(read.turn?.references).toEqual([['a', 'b']]);
  });
});
