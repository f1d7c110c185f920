/** Finding a glossary term in a paragraph (src/lib/translation/term-match.ts). */
import { describe, expect, test } from 'vitest';
import { containsAnyTerm, termPattern } from '../../src/lib/translation/term-match';

describe('termPattern', () => {
  test.each([
    ['强化学习', '我们依赖强化学习这条路线', true],
    ['大模型', '大语言模型', false],
    ['GAN', '把GAN重新拉回', true],
    ['GAN', '他DragGAN这篇文章', false],
    ['GAN', 'Gan在前端', true],
    ['hallucination', 'Hallucinations everywhere', true],
    ['large model', 'the large  models', true],
    ['model', 'a remodel', false],
    ['pre-training', 'the pre-training paradigm', true],
  ])('%s in %s: %s', (term, text, found) => {
    expect(termPattern(term).test(text)).toBe(found);
  });

  test('escapes characters that mean something in a pattern', () => {
    expect(containsAnyTerm('C++ (and C)', ['C++ (and'])).toBe(true);
    expect(containsAnyTerm('Cxx', ['C.x'])).toBe(false);
  });
});
