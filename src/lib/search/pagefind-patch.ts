/**
 * What this site changes in Pagefind 1.6's browser script (pagefind/pagefind.js) before
 * publishing it, after indexing: two waits shortened, query segmentation turned off, the
 * WebAssembly inflated natively, then the whole script minified.
 *
 * On the main thread (our `noWorker`), Pagefind's init() returns before its index is loaded, and
 * two loops then wait for it checking every 50 ms:
 * - every search or preload first waits for the index in `getPtr()`, so the first query of a
 *   page waited up to 50 ms (25 on average) after the index was ready: a fifth of the
 *   cold-search budget (npm run bench);
 * - on a large site, `mergeIndex()` waits for the WebAssembly before it loads each other shard.
 * Checking every millisecond instead costs a few timer callbacks while Pagefind starts.
 *
 * And before each query Pagefind splits it into graphemes (and, for an index in Chinese, words)
 * with `Intl.Segmenter`, whose first use on a page loads ICU's break-iterator data: 11–24 ms in
 * Chromium on the first query (more on a phone). Our queries reach Pagefind as ASCII bigram
 * tokens (src/lib/search/tokens.ts), in which every grapheme is one code point and no segmenter
 * finds a word boundary but the spaces, so the patch takes Pagefind's own path for browsers
 * without `Intl.Segmenter`: code point by code point, lower-cased and stripped of punctuation
 * the same way.
 *
 * And Pagefind inflates its gzipped WebAssembly (about 55 KB) with a JavaScript inflater on the
 * main thread before compiling it; the patch has the browser's own DecompressionStream do it
 * where there is one and the file is gzip (else Pagefind's path, unchanged). Either way the
 * result goes through Pagefind's own signature check.
 *
 * Each pattern must occur exactly once, so a Pagefind upgrade that changes one fails the build
 * instead of silently losing the fix.
 *
 * Pagefind ships the script with its whitespace removed but its names whole; esbuild's full
 * minification makes it about 1.8 KB (15%) smaller compressed, on every first search.
 */
import { transform } from 'esbuild';

export interface PagefindPatch {
  /** What the patch is for, in error messages. */
  name: string;
  find: string;
  replace: string;
}

export const PAGEFIND_PATCHES: readonly PagefindPatch[] = [
  {
    name: 'index wait loop (getPtr)',
    find: 'while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(50);}',
    replace: 'while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(1);}',
  },
  {
    name: 'query segmentation (Intl.Segmenter)',
    find: 'if(trueLanguage&&typeof Intl.Segmenter!=="undefined"){',
    replace: 'if(false){',
  },
  {
    name: 'WebAssembly inflation (loadWasm)',
    find: 'const final_wasm=this.decompress(new Uint8Array(compressed_wasm),"Pagefind WebAssembly");',
    replace:
      'const compressed_bytes=new Uint8Array(compressed_wasm);' +
      'const final_wasm=this.decompress(compressed_bytes[0]===31&&compressed_bytes[1]===139&&typeof DecompressionStream==="function"' +
      '?new Uint8Array(await new Response(new Blob([compressed_bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer())' +
      ':compressed_bytes,"Pagefind WebAssembly");',
  },
  {
    name: 'WebAssembly wait loop (mergeIndex)',
    find: 'while(this.primary.wasm===null){await asyncSleep(50);}',
    replace: 'while(this.primary.wasm===null){await asyncSleep(1);}',
  },
];

export function patchPagefindScript(source: string, file = 'pagefind.js'): string {
  let patched = source;
  for (const { name, find, replace } of PAGEFIND_PATCHES) {
    const found = patched.split(find).length - 1;
    if (found !== 1) {
      throw new Error(
        `${file}: expected Pagefind's ${name} once (${find}), found it ${found} times: ` +
          'check src/lib/search/pagefind-patch.ts against this Pagefind version',
      );
    }
    patched = patched.replace(find, replace);
  }
  return patched;
}

/** The script as published: patched, then minified (an ES module; its exports keep their names). */
export async function publishPagefindScript(source: string, file = 'pagefind.js'): Promise<string> {
  const { code } = await transform(patchPagefindScript(source, file), {
    minify: true,
    format: 'esm',
    loader: 'js',
    sourcefile: file,
  });
  return code;
}
