/**
 * Pagefind's WebAssembly (about 55 KB gzipped, the largest file of every first search) written
 * again with Zopfli: the same gzip format and the same bytes once inflated, about 2.5 KB (5%)
 * smaller than Pagefind's own gzip. A file served as it is, so every host gains, whatever it
 * compresses. Pagefind's script, patched or not, inflates gzip by its magic bytes
 * (pagefind-patch.ts).
 *
 * Zopfli takes about 1.5 s for this file, so each result is kept by the SHA-256 of the inflated
 * WebAssembly in `node_modules/.cache/pagefind-wasm/`: the file belongs to the installed Pagefind,
 * not to a site, so every build on a machine (the fixture sites' too) shares it, and the same
 * Pagefind version costs the 1.5 s once. Delete the folder to start over.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';

const CACHE_DIR = path.resolve('node_modules/.cache/pagefind-wasm');

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Recompresses one gzipped file with Zopfli (or takes the cached result), keeping whichever is
 * smaller. Returns the bytes saved. A file that is not gzip is left as it is.
 */
export async function zopfliFile(file: string, cacheDir = CACHE_DIR): Promise<number> {
  const original = await readFile(file);
  if (!isGzip(original)) return 0;
  const inflated = gunzipSync(original);
  const key = createHash('sha256').update(inflated).digest('hex');
  const cached = path.join(cacheDir, `${key}.gz`);
  let smaller = await readFile(cached).catch(() => undefined);
  if (!smaller || !gunzipSync(smaller).equals(inflated)) {
    smaller = Buffer.from(await gzipAsync(inflated, { numiterations: 15 }));
    await mkdir(cacheDir, { recursive: true });
    // Written under another name, then renamed: two builds at once never read half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    await writeFile(partial, smaller);
    await rename(partial, cached);
  }
  if (smaller.length >= original.length) return 0;
  await writeFile(file, smaller);
  return original.length - smaller.length;
}
