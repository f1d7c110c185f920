import { describe, expect, test } from 'vitest';
import { clip, countOccurrences, plural, show } from '../../src/lib/text/messages';
import { countOccurrences as catalogCount } from '../../src/lib/catalog';

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
    ['哈哈哈', '哈哈', 2],
    ['abcabc', 'abc', 2],
    ['abc', 'd', 0],
    ['abc', '', 0],
    ['', 'a', 0],
  ])('countOccurrences(%j, %j) is %i, overlapping included, as the catalog counts', (haystack, needle, expected) => {
    expect(countOccurrences(haystack, needle)).toBe(expected);
    expect(countOccurrences(haystack, needle)).toBe(catalogCount(haystack, needle));
  });
});
