import { describe, expect, test } from 'vitest';
import {
  buildTextDirective,
  encodeDirectivePart,
  matchDirective,
  passageUrl,
  serializeDirective,
} from '../../src/lib/sharing/text-fragment';

const at = (block: number, offset: number) => ({ block, offset });
/** The point where `needle` starts (or ends) in blocks[block], counting from its nth occurrence. */
function find(
  blocks: string[],
  block: number,
  needle: string,
  nth = 0,
): { start: { block: number; offset: number }; end: { block: number; offset: number } } {
  let offset = -1;
  for (let i = 0; i <= nth; i += 1) offset = blocks[block]!.indexOf(needle, offset + 1);
  if (offset === -1) throw new Error(`test setup: ${needle} not in block ${block}`);
  return { start: at(block, offset), end: at(block, offset + needle.length) };
}

describe('encodeDirectivePart', () => {
  test.each([
    ['GAN-Diffusion', 'GAN%2DDiffusion'],
    ['A&B, C', 'A%26B%2C%20C'],
    ['强化学习。', '%E5%BC%BA%E5%8C%96%E5%AD%A6%E4%B9%A0%E3%80%82'],
    ['（你好）：“是”', '%EF%BC%88%E4%BD%A0%E5%A5%BD%EF%BC%89%EF%BC%9A%E2%80%9C%E6%98%AF%E2%80%9D'],
  ])('encodes %j as %j', (text, encoded) => {
    expect(encodeDirectivePart(text)).toBe(encoded);
  });
});

describe('serializeDirective and passageUrl', () => {
  test('joins prefix-, start, end and -suffix with commas', () => {
    expect(serializeDirective({ prefix: 'a-b', start: 'c', end: 'd', suffix: 'e,f' })).toBe('text=a%2Db-,c,d,-e%2Cf');
  });

  test('appends the directive to the turn permalink', () => {
    expect(passageUrl('https://example.org/t/#yao', { start: '你好' })).toBe(
      'https://example.org/t/#yao:~:text=%E4%BD%A0%E5%A5%BD',
    );
  });
});

describe('buildTextDirective', () => {
  test('uses the passage alone when it occurs once on the page', () => {
    const blocks = ['强化学习的突破。', '多模态的补全与对齐。'];
    const { start, end } = find(blocks, 1, '补全与对齐');
    expect(buildTextDirective(blocks, start, end)).toEqual({ start: '补全与对齐' });
  });

  test('adds context before and after a passage that repeats on the page', () => {
    const blocks = ['我们认为这是非常重要的问题。', '所以这也是非常重要的问题，对吧。'];
    const { start, end } = find(blocks, 1, '非常重要的问题');
    const directive = buildTextDirective(blocks, start, end);
    expect(directive).toEqual({ prefix: '以这也是', start: '非常重要的问题', suffix: '，对吧。' });
    expect(matchDirective(blocks, directive)).toEqual({ count: 1, first: { start, end } });
  });

  test('picks the second of two repeats in one paragraph', () => {
    const blocks = ['对，对，对，我们同意。'];
    const { start, end } = find(blocks, 0, '对', 1);
    const directive = buildTextDirective(blocks, start, end);
    expect(matchDirective(blocks, directive).first).toEqual({ start, end });
    expect(matchDirective(blocks, directive).count).toBe(1);
  });

  test('keeps punctuation inside the passage and encodes it in the URL', () => {
    const blocks = ['他说：“GAN-based 方法，很快。”然后停了。'];
    const { start, end } = find(blocks, 0, '“GAN-based 方法，很快。”');
    const directive = buildTextDirective(blocks, start, end);
    expect(directive).toEqual({ start: '“GAN-based 方法，很快。”' });
    expect(serializeDirective(directive)).toBe(
      'text=%E2%80%9CGAN%2Dbased%20%E6%96%B9%E6%B3%95%EF%BC%8C%E5%BE%88%E5%BF%AB%E3%80%82%E2%80%9D',
    );
  });

  test('drops whitespace at the edges of the selection', () => {
    const blocks = ['first words and more'];
    expect(buildTextDirective(blocks, at(0, 5), at(0, 12))).toEqual({ start: 'words' });
  });

  test('turns a long passage into a start,end range that matches it alone', () => {
    const text =
      '在ChatGPT以后，下一个非常重要的目标就是让AI变成有视觉、听觉等多种感知能力的机器人，它能够在不同的环境里面，自主学习各种的新技能。';
    const blocks = ['开场。', text];
    const directive = buildTextDirective(blocks, at(1, 0), at(1, text.length));
    expect(directive).toEqual({ start: '在ChatGPT以后，下一个非常', end: '环境里面，自主学习各种的新技能。' });
    expect(matchDirective(blocks, directive)).toEqual({
      count: 1,
      first: { start: at(1, 0), end: at(1, text.length) },
    });
  });

  test('spans paragraphs with a range from the first to the last', () => {
    const blocks = ['第一段的文字在这里。', '第二段的文字在这里。'];
    const directive = buildTextDirective(blocks, at(0, 5), at(1, 4));
    expect(directive).toEqual({ start: '字在这里。', end: '第二段的' });
    expect(matchDirective(blocks, directive).first).toEqual({ start: at(0, 5), end: at(1, 4) });
  });

  test('returns the widest context when identical paragraphs cannot be told apart', () => {
    const blocks = ['谢谢。', '谢谢。'];
    const directive = buildTextDirective(blocks, at(1, 0), at(1, 3));
    expect(directive).toEqual({ start: '谢谢。' });
    expect(matchDirective(blocks, directive).count).toBe(2);
  });

  test('rejects a selection of whitespace only', () => {
    expect(() => buildTextDirective(['a   b'], at(0, 1), at(0, 4))).toThrow(
      'expected a selected passage with text, found only whitespace',
    );
  });
});
