import { describe, expect, test } from 'vitest';
import { clip, countOccurrences, plural, show } from '../../src/lib/text/messages';

describe('message helpers (src/lib/text/messages.ts)', () => {
  test('show quotes a value so spaces and empty strings are visible', () => {
    expect(show('')).toBe('""');
    expect(show(' 姚期智 ')).toBe('" 姚期智 "');
    expect(show('a"b')).toBe('"a\\"b"');
  });

  test('clip keeps short text and cuts long text to max characters, the last an ellipsis', () => {
    expect(clip('短句')).toBe('短句');
    expect(clip('x'.repeat(60))).toBe('x'.repeat(60));
    expect(clip('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`);
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abcdef', 4)).toHaveLength(4);
  });

  test('plural words an English count', () => {
    expect(plural(0, 'turn')).toBe('0 turns');
    expect(plural(1, 'turn')).toBe('1 turn');
    expect(plural(2, 'file')).toBe('2 files');
  });

  test.each([
    ['abcabc', 'abc', 2],
    ['谢谢你。谢谢大家。', '谢谢', 2],
    ['aaaa', 'aa', 3],
    ['aaa', 'aa', 2],
    ['哈哈哈', '哈哈', 2],
    ['哈哈哈哈', '哈哈哈', 2],
    ['abab', 'aba', 1],
    ['abc', 'd', 0],
    ['abc', '', 0],
    ['', 'a', 0],
    ['a.b', '.', 1],
  ])('countOccurrences(%j, %j) is %i, overlapping included', (haystack, needle, expected) => {
    expect(countOccurrences(haystack, needle)).toBe(expected);
  });
});
