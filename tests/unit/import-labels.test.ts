/** What looks like a speaker label, what is a stage direction, and how directions are written. */
import { describe, expect, test } from 'vitest';
import { parseMarkdown } from '../../src/lib/content/markdown-tree';
import { inspectMarkdown } from '../../src/lib/content/catalog';
import { isDirection, splitDirections } from '../../src/lib/import/directions';
import { looksLikeLabel, matchLabel } from '../../src/lib/import/label-shape';
import { turnBody } from '../../src/lib/import/transcript';

const nobody = { knows: () => false };
const known = (...labels: string[]) => ({ knows: (label: string) => labels.includes(label) });

describe('looksLikeLabel', () => {
  test.each([
    ['MODERATOR'],
    ['Anna Perez'],
    ['DR. JANE DOE'],
    ['Dr. Jane Doe'],
    ['Sen. Richard Roe (D-CT)'],
    ['Richard J. Roe Jr.'],
    ['Maria Okafor (Lumen Labs)'],
    ["Conan O'Brien"],
    ['Jean-Luc Picard'],
    ['Ursula von der Leyen'],
    ['Head of Research'],
    ['Speaker 5'],
    ['speaker 1'],
    ['SPEAKER_00'],
    ['spk_0'],
    ['Q'],
    ['主持人'],
    ['周敏'],
    ['陈一帆（星河研究院）'],
    ['清华大学教授姚期智'],
    ['김민수'],
  ])('%j looks like a label', (prefix) => {
    expect(looksLikeLabel(prefix)).toBe(true);
  });

  test.each([
    ['', 'empty'],
    ['10', 'a time, 10:30'],
    ['0', 'a time'],
    ['So the answer is', 'lower-case words'],
    ['He said', 'lower-case words'],
    ['Well. I think', 'a full stop that ends a sentence'],
    ['First, the budget', 'a comma'],
    ['What matters?', 'a question mark'],
    ['(laughs)', 'a direction, brackets only'],
    ['Anna (Lumen) (Labs)', 'two brackets'],
    ['One Two Three Four Five Six Seven', 'too many words'],
    ['他说', 'reported speech'],
    ['我想补充', 'reported speech'],
    ['第一', 'a list item'],
    ['首先', 'a list item'],
    ['一个问题', 'a point of one’s own'],
    ['最后一个问题', 'a list item'],
    ['我们的问题', 'words of a sentence'],
    ['我想说三点，第一', 'a comma'],
    ['A very long label that goes on far past what a name would', 'too long'],
  ])('%j is not a label (%s)', (prefix) => {
    expect(looksLikeLabel(prefix)).toBe(false);
  });
});

describe('matchLabel', () => {
  test.each([
    ['周敏：谢谢主持人。', { label: '周敏', rest: '谢谢主持人。' }],
    ['MODERATOR: Good afternoon.', { label: 'MODERATOR', rest: 'Good afternoon.' }],
    ['Sen. Richard Roe (D-CT): Thank you.', { label: 'Sen. Richard Roe (D-CT)', rest: 'Thank you.' }],
    ['DR. JANE DOE: Yes.', { label: 'DR. JANE DOE', rest: 'Yes.' }],
    ['主持人：', { label: '主持人', rest: '' }],
    ['Speaker  5 :  I disagree.', { label: 'Speaker 5', rest: 'I disagree.' }],
    // Kept from the first importer: a short label alone on its line, whatever its words.
    ['比如说我举个例子：', { label: '比如说我举个例子', rest: '' }],
  ])('%j opens with a label', (line, match) => {
    expect(matchLabel(line, nobody)).toEqual(match);
  });

  test.each([
    ['We met at 10:30 to go over it.'],
    ['10:30 is when we start.'],
    ['See https://example.org for the slides.'],
    ['https://example.org'],
    ['他说：“好。”'],
    ['我想说三点，第一：效率。'],
    ['So the question is: who pays?'],
    ['(laughs): right.'],
    ['Thank you'],
  ])('%j is words', (line) => {
    expect(matchLabel(line, nobody)).toBeUndefined();
  });

  test('a known name alone on its line is a label in plain text, not in captions', () => {
    expect(matchLabel('Anna', known('Anna'))).toEqual({ label: 'Anna', rest: '' });
    expect(matchLabel('Anna', known('Anna'), false)).toBeUndefined();
  });

  test('a short line ending in a colon is a label in plain text, words in captions', () => {
    expect(matchLabel('and here is the thing:', nobody)).toEqual({ label: 'and here is the thing', rest: '' });
    expect(matchLabel('and here is the thing:', nobody, false)).toBeUndefined();
  });

  test('a known label counts whatever its shape', () => {
    expect(matchLabel('the chair: Thanks.', known('the chair'))).toEqual({ label: 'the chair', rest: 'Thanks.' });
  });
});

describe('stage directions', () => {
  test.each([
    ['[Applause]'],
    ['[Music]'],
    ['(laughs)'],
    ['（笑）'],
    ['（掌声）'],
    ['[ Laughter ]'],
    ['[BLANK_AUDIO]'],
    ['[Video plays]'],
    ['【音乐】'],
  ])('%j alone is a direction', (text) => {
    expect(isDirection(text)).toBe(true);
  });

  test.each([['(I think so, yes.)'], ['[the report], which we read'], ['Applause'], ['（我们当时，并不知道这件事）']])(
    '%j is not a direction',
    (text) => {
      expect(isDirection(text)).toBe(false);
    },
  );

  test.each([
    [
      'Somebody has to. (laughs) Really.',
      [
        ['Somebody has to. ', false],
        ['(laughs)', true],
        [' Really.', false],
      ],
    ],
    [
      '差不多一整天。（笑）',
      [
        ['差不多一整天。', false],
        ['（笑）', true],
      ],
    ],
    [
      'Thank you. [Applause]',
      [
        ['Thank you. ', false],
        ['[Applause]', true],
      ],
    ],
    ['We read [the report] twice (in 2021).', [['We read [the report] twice (in 2021).', false]]],
  ])('%j splits into words and directions', (paragraph, pieces) => {
    expect(splitDirections(paragraph).map((piece) => [piece.text, piece.direction])).toEqual(pieces);
  });

  test.each([
    ['[Applause]', '\\[*Applause*\\]\n', 'Applause'],
    ['Somebody has to. (laughs) Really.', 'Somebody has to. (*laughs*) Really.\n', 'laughs'],
    ['差不多一整天。（笑）', '差不多一整天。（*笑*）\n', '笑'],
    ['谢谢（掌声）大家', '谢谢（*掌声*）大家\n', '掌声'],
    ['1. (laughs) no list', '1\\. (*laughs*) no list\n', 'laughs'],
  ])('%j is written as emphasis inside its brackets, and Markdown reads it so', (paragraph, body, words) => {
    expect(turnBody([paragraph])).toBe(body);
    const tree = parseMarkdown(body);
    const emphasis =
      tree.children[0]?.type === 'paragraph'
        ? tree.children[0].children.find((node) => node.type === 'emphasis')
        : undefined;
    expect(emphasis?.children).toEqual([expect.objectContaining({ type: 'text', value: words })]);
    const { html, texts } = inspectMarkdown(body);
    expect(html).toEqual([]);
    expect(texts.join('')).toBe(paragraph);
  });

  test('Markdown characters inside a direction stay text', () => {
    const body = turnBody(['[*laughs*]']);
    expect(inspectMarkdown(body).texts.join('')).toBe('[*laughs*]');
  });
});
