import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { PAGEFIND_PATCHES, patchPagefindScript, publishPagefindScript } from '../../src/lib/search/pagefind-patch';

const [getPtr, segmentation, inflation, mergeIndex] = PAGEFIND_PATCHES;
/** Enough of Pagefind's script for every patch, written as Pagefind 1.6 writes it. */
const source =
  `function asyncSleep(ms){return new Promise((resolve)=>setTimeout(resolve,ms));}` +
  `class PagefindInstance{async getPtr(){${getPtr!.find}return this.raw_ptr;}` +
  `split(term){const trueLanguage="zh-CN";${segmentation!.find}return "segmenter";}else{return [...term].join("|");}}` +
  // Pagefind's decompress(): data behind its 12-byte signature is returned without it; anything
  // else it would inflate with its own JavaScript inflater (here: a marker, to tell the paths apart).
  `decompress(data,file){return new TextDecoder().decode(data.slice(0,12))==="pagefind_dcd"?data.slice(12):"inflated in JavaScript: "+file;}` +
  `async loadWasm(compressed_wasm){${inflation!.find}return final_wasm;}}` +
  `class Pagefind{async mergeIndex(indexPath){${mergeIndex!.find}return indexPath;}}` +
  `export{Pagefind,PagefindInstance};`;

describe('patchPagefindScript', () => {
  test('makes both wait loops check every millisecond instead of every 50', () => {
    for (const patch of [getPtr!, mergeIndex!])
      expect(patch.replace).toBe(patch.find.replace('asyncSleep(50)', 'asyncSleep(1)'));
  });

  test('inflates the WebAssembly with DecompressionStream when it is gzip, else as Pagefind does', async () => {
    const { PagefindInstance } = (await import(
      /* @vite-ignore */ `data:text/javascript,${encodeURIComponent(patchPagefindScript(source))}`
    )) as {
      PagefindInstance: new () => { loadWasm(bytes: ArrayBuffer): Promise<Uint8Array | string> };
    };
    const signed = new TextEncoder().encode('pagefind_dcd\0asm');
    const gzipped = gzipSync(signed);
    expect(
      await new PagefindInstance().loadWasm(
        gzipped.buffer.slice(gzipped.byteOffset, gzipped.byteOffset + gzipped.byteLength),
      ),
    ).toEqual(new TextEncoder().encode('\0asm'));
    // Already inflated on the way (a host that decoded it): Pagefind's signature check, no stream.
    expect(await new PagefindInstance().loadWasm(signed.buffer)).toEqual(new TextEncoder().encode('\0asm'));
  });

  test('fails naming the file and the patch when its pattern is missing (another Pagefind version) or appears twice', () => {
    expect(() => patchPagefindScript(source.replace(getPtr!.find, ''), 'dist/pagefind/pagefind.js')).toThrow(
      /^dist\/pagefind\/pagefind\.js: expected Pagefind's index wait loop \(getPtr\) once .* found it 0 times/,
    );
    expect(() => patchPagefindScript(source.replace(segmentation!.find, ''))).toThrow(
      /query segmentation \(Intl\.Segmenter\) once .* found it 0 times/,
    );
    expect(() => patchPagefindScript(source.replace(inflation!.find, ''))).toThrow(
      /WebAssembly inflation \(loadWasm\) once .* found it 0 times/,
    );
    expect(() => patchPagefindScript(source.replace(mergeIndex!.find, ''))).toThrow(
      /WebAssembly wait loop \(mergeIndex\) once .* found it 0 times/,
    );
    expect(() => patchPagefindScript(source + getPtr!.find)).toThrow(/found it 2 times/);
    expect(() => patchPagefindScript(patchPagefindScript(source))).toThrow(/found it 0 times/);
  });
});

describe('publishPagefindScript', () => {
  test('publishes the patched script minified and working, its exports named as before', async () => {
    const published = await publishPagefindScript(source);
    expect(published.length).toBeLessThan(patchPagefindScript(source).length);
    expect(published).not.toContain('asyncSleep');
    expect(published).not.toContain('Intl.Segmenter');
    expect(published).toMatch(/for\([^;]*;this\.raw_ptr===null;\)\{[^}]*await \w+\(1\)\}/);
    expect(published).toMatch(/for\([^;]*;this\.primary\.wasm===null;\)await \w+\(1\)/);
    const module = (await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(published)}`)) as {
      PagefindInstance: new () => { split(term: string): string };
    };
    expect(new module.PagefindInstance().split('q29 q4r')).toBe('q|2|9| |q|4|r');
  });

  test('fails as the patch does when a pattern is missing', async () => {
    await expect(publishPagefindScript(source.replace(getPtr!.find, ''), 'x.js')).rejects.toThrow(
      /^x\.js: expected Pagefind's index wait loop/,
    );
  });
});
