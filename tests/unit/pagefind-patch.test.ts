import { describe, expect, test } from 'vitest';
import { PAGEFIND_PATCHES, patchPagefindScript, publishPagefindScript } from '../../src/lib/pagefind-patch';

const [getPtr, mergeIndex] = PAGEFIND_PATCHES;
/** Enough of Pagefind's script for both patches, written as Pagefind 1.6 writes it. */
const source =
  `function asyncSleep(ms){return new Promise((resolve)=>setTimeout(resolve,ms));}` +
  `class PagefindInstance{async getPtr(){${getPtr!.find}return this.raw_ptr;}}` +
  `class Pagefind{async mergeIndex(indexPath){${mergeIndex!.find}return indexPath;}}` +
  `export{Pagefind,PagefindInstance};`;

describe('patchPagefindScript', () => {
  test('makes both wait loops check every millisecond instead of every 50, and changes nothing else', () => {
    for (const patch of PAGEFIND_PATCHES) expect(patch.replace).toBe(patch.find.replace('asyncSleep(50)', 'asyncSleep(1)'));
    expect(patchPagefindScript(source)).toBe(source.replace(getPtr!.find, getPtr!.replace).replace(mergeIndex!.find, mergeIndex!.replace));
  });

  test('fails naming the file and the loop when a loop is missing (another Pagefind version) or appears twice', () => {
    expect(() => patchPagefindScript(source.replace(getPtr!.find, ''), 'dist/pagefind/pagefind.js')).toThrow(
      /^dist\/pagefind\/pagefind\.js: expected Pagefind's index wait loop \(getPtr\) once .* found it 0 times/,
    );
    expect(() => patchPagefindScript(source.replace(mergeIndex!.find, ''))).toThrow(/WebAssembly wait loop \(mergeIndex\) once .* found it 0 times/);
    expect(() => patchPagefindScript(source + getPtr!.find)).toThrow(/found it 2 times/);
    expect(() => patchPagefindScript(patchPagefindScript(source))).toThrow(/found it 0 times/);
  });
});

describe('publishPagefindScript', () => {
  test('publishes the patched script minified, its exports named as before', async () => {
    const published = await publishPagefindScript(source);
    expect(published.length).toBeLessThan(patchPagefindScript(source).length);
    expect(published).not.toContain('asyncSleep');
    expect(published).toMatch(/for\([^;]*;this\.raw_ptr===null;\)\{[^}]*await \w+\(1\)\}/);
    expect(published).toMatch(/for\([^;]*;this\.primary\.wasm===null;\)await \w+\(1\)/);
    expect(published).toMatch(/export\{.*\bPagefind\b.*\bPagefindInstance\b.*\}/);
    const url = `data:text/javascript,${encodeURIComponent(published)}`;
    const module = (await import(/* @vite-ignore */ url)) as { Pagefind: new () => { mergeIndex(path: string): Promise<string> } };
    expect(typeof module.Pagefind).toBe('function');
  });

  test('fails as the patch does when a loop is missing', async () => {
    await expect(publishPagefindScript(source.replace(getPtr!.find, ''), 'x.js')).rejects.toThrow(/^x\.js: expected Pagefind's index wait loop/);
  });
});
