/** Chinese runs inside text of another language, marked with `lang` (han-runs.ts, rehype-mark-han, share menu). */
import { describe, expect, test } from 'vitest';
import { splitHan } from '../../src/lib/text/han-runs';
import { markHanRuns } from '../../src/plugins/rehype-mark-han';
import { expectedLang } from '../../src/lib/build/dist-check';
import { originalUrlOf } from '../../src/lib/sharing/citation';

describe('splitHan', () => {
  test('cuts Chinese runs, with their CJK punctuation and middle dot, out of English text', () => {
    expect(splitHan('The transcript has 技术 (“technique”) and 创想共论·智变可能：WAIC.')).toEqual([
      { text: 'The transcript has ', han: false },
      { text: '技术', han: true },
      { text: ' (“technique”) and ', han: false },
      { text: '创想共论·智变可能：', han: true },
      { text: 'WAIC.', han: false },
    ]);
  });

  test('leaves text without Chinese whole, and a run never starts with punctuation', () => {
    expect(splitHan('No Chinese here · at all')).toEqual([{ text: 'No Chinese here · at all', han: false }]);
    expect(splitHan('（高阳）')).toEqual([
      { text: '（', han: false },
      { text: '高阳）', han: true },
    ]);
    expect(splitHan('')).toEqual([]);
  });
});

describe('markHanRuns', () => {
  test('wraps each run in a span with the given lang, the rest stays text', () => {
    expect(markHanRuns('Should be 高阳 (Gao Yang)', 'zh-CN')).toEqual([
      { type: 'text', value: 'Should be ' },
      { type: 'element', tagName: 'span', properties: { lang: 'zh-CN' }, children: [{ type: 'text', value: '高阳' }] },
      { type: 'text', value: ' (Gao Yang)' },
    ]);
    expect(markHanRuns('Gao Yang', 'zh-CN')).toBeUndefined();
  });
});

describe('expectedLang', () => {
  const options = { lang: 'zh-CN', editions: { en: 'en' } };
  test('a page in an edition’s folder carries its language, every other page the site’s', () => {
    expect(expectedLang('/en/', options)).toBe('en');
    expect(expectedLang('/en/talk/q/x/', options)).toBe('en');
    expect(expectedLang('/', options)).toBe('zh-CN');
    expect(expectedLang('/talk/', options)).toBe('zh-CN');
    expect(expectedLang('/english-talk/', options)).toBe('zh-CN');
    expect(expectedLang('/en/', { lang: 'zh-CN' })).toBe('zh-CN');
  });
});

describe('originalUrlOf', () => {
  const roots = { edition: 'https://h.example/base/en/', original: 'https://h.example/base/' };
  test('a translated page’s URL becomes its original’s, anchor and all', () => {
    expect(originalUrlOf('https://h.example/base/en/talk/#turn-3', roots)).toBe('https://h.example/base/talk/#turn-3');
    expect(originalUrlOf('https://h.example/base/en/talk/q/agi/', roots)).toBe('https://h.example/base/talk/q/agi/');
  });
  test('a URL outside the edition is kept', () => {
    expect(originalUrlOf('https://h.example/base/talk/', roots)).toBe('https://h.example/base/talk/');
  });
});
