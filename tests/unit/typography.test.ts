import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { normalizeLine, normalizeText } from '../../src/lib/text/typography';
import { root } from '../helpers/paths';

/** The talk's raw source text, kept beside its turns (a copy of ../shared/source/). */
const SOURCE = path.join(root, 'content/talks/waic-2023-roundtable/source.txt');
const sourceLines = readFileSync(SOURCE, 'utf8').split('\n');

/** The words of a text: everything but punctuation, symbols and whitespace. */
const wordsOf = (text: string) => text.replace(/[\p{P}\p{S}\s]/gu, '');

describe('normalizeLine', () => {
  test.each([
    ['a comma after Han', '你好,世界', '你好，世界'],
    ['a colon after Han', '徐立:', '徐立：'],
    ['a semicolon between Han', '第一;第二', '第一；第二'],
    ['a question mark after Han', '是不是正确?', '是不是正确？'],
    ['an exclamation mark after Han', '太好了!', '太好了！'],
    ['parentheses around Han', '他说(笑)好的', '他说（笑）好的'],
    ['a parenthesis before Han', '(注)文字', '（注）文字'],
    ['a comma before Han after Latin', 'GPT-4,还有', 'GPT-4，还有'],
    ['a comma separated from Han by a space', '姚院士 , 你好', '姚院士，你好'],
    ['a colon before Latin after Han', '我说: hi', '我说：hi'],
    ['several marks in one line', '是吗?好的,谢谢!', '是吗？好的，谢谢！'],
  ])('turns %s into full-width: %j → %j', (_name, input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });

  test.each([
    ['Han then Latin', 'AI 的 发展', 'AI的发展'],
    ['a number beside Han', '在 2023 上海', '在2023上海'],
    ['a product name beside Han', '在 ChatGPT 之后', '在ChatGPT之后'],
    ['a no-break space after Latin', '在\u00a0ChatGPT之后', '在ChatGPT之后'],
    ['a no-break space before Han', 'a\u00a0中', 'a中'],
    ['mixed spaces and tabs', '中 \u00a0\t文', '中文'],
    ['an ideographic space', 'AI\u3000模型', 'AI模型'],
    ['a space beside full-width punctuation', '好的， Diffusion 。', '好的，Diffusion。'],
  ])('removes spaces between Han and Latin (%s): %j → %j', (_name, input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });

  test.each([
    ['high level的', 'high level的'],
    ['Diffusion Model 和 GAN', 'Diffusion Model和GAN'],
    ['OpenAI 的 GPT-4 Turbo', 'OpenAI的GPT-4 Turbo'],
    ['Hello, world', 'Hello, world'],
    ['1, 2, 3 个', '1, 2, 3个'],
    ['a\u00a0\u00a0b 中', 'a b中'],
  ])('keeps the spaces and half-width marks of Latin-only runs: %j → %j', (input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });

  test.each([
    ['leading and trailing spaces', '  你好  ', '你好'],
    ['leading no-break spaces', '\u00a0\u00a0Hello  world', 'Hello world'],
    ['an empty line', '', ''],
    ['a blank line', ' \u00a0\t', ''],
  ])('trims and collapses spaces (%s)', (_name, input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });

  test.each([
    ['a speaker label', '徐立:', '徐立：'],
    [
      'a line with a no-break space',
      '1、在\u00a0ChatGPT之后,下一个非常重要的目标',
      '1、在ChatGPT之后，下一个非常重要的目标',
    ],
    [
      'the opening sentence',
      '在 2023 上海世界人工智能大会开幕式上,商汤科技董事长兼CEO 徐立联合图灵奖得主姚期智',
      '在2023上海世界人工智能大会开幕式上，商汤科技董事长兼CEO徐立联合图灵奖得主姚期智',
    ],
  ])('normalises the source transcript (%s)', (_name, input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });

  test.each([
    ['Latin inside, Han before', '模型(LLM)', '模型（LLM）'],
    ['Latin and a colon inside (the source has it)', '公众号(ID:xzluomor)', '公众号（ID:xzluomor）'],
    ['Latin inside, Han after', '(GAN)模型', '（GAN）模型'],
    ['Han beside, after a space', '中 (a) b', '中（a）b'],
    ['Latin before, Han after a space', 'GPT-4 (Turbo) 很好', 'GPT-4（Turbo）很好'],
    ['Latin around, Han inside', 'a (中) b', 'a（中）b'],
    ['two pairs', '模型(LLM)和(GAN)', '模型（LLM）和（GAN）'],
    ['a comma inside stays half-width between Latin', '中(a, b)', '中（a, b）'],
  ])('converts both brackets of a pair beside or around Han (%s): %j → %j', (_name, input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });

  test.each([
    ['an opening bracket without its pair', '他说(笑', '他说(笑'],
    ['a closing bracket without its pair', '好)的', '好)的'],
    ['a pair with no Han beside or inside', 'f(x) = 1', 'f(x) = 1'],
    ['a Latin pair in a Latin run of a Han line', 'say (hi) to 中文', 'say (hi) to中文'],
    ['a Latin pair only beside another pair', '(a)(b)中', '(a)（b）中'],
  ])('leaves unpaired brackets and Latin-only pairs alone (%s): %j → %j', (_name, input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });

  test('changes no word on any line of the source transcript', () => {
    expect(sourceLines.length).toBeGreaterThan(100);
    const changed = sourceLines.filter((line) => wordsOf(normalizeLine(line)) !== wordsOf(line));
    expect(changed).toEqual([]);
  });

  test('does change the source transcript (the word check is not vacuous)', () => {
    const touched = sourceLines.filter((line) => normalizeLine(line) !== line);
    expect(touched.length).toBeGreaterThan(20);
    expect(sourceLines.join('\n')).toMatch(/\p{Script=Han},/u);
    expect(sourceLines.map(normalizeLine).join('\n')).not.toMatch(/\p{Script=Han},|,\p{Script=Han}/u);
  });

  test('is idempotent on every line of the source transcript', () => {
    const unstable = sourceLines.map(normalizeLine).filter((line) => normalizeLine(line) !== line);
    expect(unstable).toEqual([]);
  });

  /** 5000 pseudo-random lines of Han, Latin, spaces and marks (seeded, so every run is the same). */
  function randomLines(): string[] {
    const alphabet = [
      '中',
      '文',
      ' ',
      '\u00a0',
      '\t',
      ',',
      ':',
      ';',
      '?',
      '!',
      '(',
      ')',
      'a',
      'B',
      '1',
      '，',
      '。',
      '“',
      '”',
      '-',
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const lines: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      let line = '';
      const length = 1 + Math.floor(next() * 10);
      for (let j = 0; j < length; j += 1) line += alphabet[Math.floor(next() * alphabet.length)];
      lines.push(line);
    }
    return lines;
  }
  test('keeps words on pseudo-random mixes of Han, Latin, spaces and marks', () => {
    expect(randomLines().filter((line) => wordsOf(normalizeLine(line)) !== wordsOf(line))).toEqual([]);
  });

  test('is idempotent on pseudo-random mixes, nested brackets included', () => {
    const lines = randomLines();
    expect(lines.filter((line) => normalizeLine(normalizeLine(line)) !== normalizeLine(line))).toEqual([]);
  });

  test.each(['(a(b)中)', '((中))', '(?1()文。)'])('is idempotent on the nested brackets %j', (line) => {
    const once = normalizeLine(line);
    expect(normalizeLine(once)).toBe(once);
  });
});

describe('normalizeText', () => {
  test('normalises each line and keeps the line structure, blank lines included', () => {
    expect(normalizeText('徐立:\n\n各位嘉宾好 ,很荣幸\n Hello,  world \n')).toBe(
      '徐立：\n\n各位嘉宾好，很荣幸\nHello, world\n',
    );
  });

  test('keeps the number of lines of the source transcript', () => {
    const text = sourceLines.join('\n');
    expect(normalizeText(text).split('\n')).toHaveLength(sourceLines.length);
  });

  test('is idempotent on the whole source transcript', () => {
    const once = normalizeText(sourceLines.join('\n'));
    expect(normalizeText(once)).toBe(once);
  });
});
