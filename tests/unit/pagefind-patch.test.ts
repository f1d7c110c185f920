import { describe, expect, test } from 'vitest';
import { PAGEFIND_WAIT_LOOP, PATCHED_WAIT_LOOP, patchPagefindScript } from '../../src/lib/pagefind-patch';

describe('patchPagefindScript', () => {
  test('makes the index wait loop check every millisecond instead of every 50, and changes nothing else', () => {
    const source = `async getPtr(){${PAGEFIND_WAIT_LOOP}return this.raw_ptr;}function asyncSleep(ms){}`;
    expect(patchPagefindScript(source)).toBe(`async getPtr(){${PATCHED_WAIT_LOOP}return this.raw_ptr;}function asyncSleep(ms){}`);
    expect(PATCHED_WAIT_LOOP).toBe(PAGEFIND_WAIT_LOOP.replace('asyncSleep(50)', 'asyncSleep(1)'));
  });

  test('fails naming the file when the loop is missing (another Pagefind version) or appears twice', () => {
    expect(() => patchPagefindScript('async getPtr(){}', 'dist/pagefind/pagefind.js')).toThrow(
      /^dist\/pagefind\/pagefind\.js: expected Pagefind's index wait loop once .* found it 0 times/,
    );
    expect(() => patchPagefindScript(PAGEFIND_WAIT_LOOP + PAGEFIND_WAIT_LOOP)).toThrow(/found it 2 times/);
    expect(() => patchPagefindScript(PATCHED_WAIT_LOOP)).toThrow(/found it 0 times/);
  });
});
