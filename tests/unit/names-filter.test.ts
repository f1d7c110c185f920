import { describe, expect, test } from 'vitest';
import { namesFilter } from '../../src/lib/search/names-filter';

describe('namesFilter', () => {
  test.each([
    ['?speakers=yao-qizhi', true],
    ['?host=0', true],
    ['?speakers=', true],
    ['?speakers=%E0%A4%A', true],
    ['?q=幻觉&hl=幻觉', false],
    ['', false],
    ['?speaker=yao-qizhi', false],
  ])('%s names a filter: %s', (search, expected) => {
    expect(namesFilter(search)).toBe(expected);
  });
});
