/** What the indexer changes in Pagefind's output after writing it: slimmer fragments, a smaller WebAssembly. */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { slimFragment } from '../../src/lib/search/pagefind-files';
import { zopfliFile } from '../../src/lib/search/wasm-zopfli';

const fragment = {
  url: '/talk/#turn',
  content: 'q29pgzz ​qc9uc9u ​qc9u01n',
  word_count: 3,
  filters: { speaker: ['a'] },
  meta: { text: '各位嘉宾好。', speaker: 'a' },
  anchors: [],
};

describe('slimFragment', () => {
  test('empties the token stream and keeps everything else as Pagefind wrote it', () => {
    const slim = slimFragment(`pagefind_dcd${JSON.stringify(fragment)}`);
    expect(slim.startsWith('pagefind_dcd')).toBe(true);
    expect(JSON.parse(slim.slice(12))).toEqual({ ...fragment, content: '' });
  });

  test('stops on a file that is not a fragment, naming what it found', () => {
    expect(() => slimFragment(JSON.stringify(fragment))).toThrow(/starting with "pagefind_dcd", found "\{/);
    expect(() => slimFragment(`pagefind_dcd${JSON.stringify({ ...fragment, content: undefined })}`)).toThrow(
      /expected a Pagefind fragment with a string "content", found undefined/,
    );
  });
});

describe('zopfliFile', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'huitan-zopfli-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  // Something like a small WebAssembly: repetitive, but not trivially.
  const bytes = Buffer.from(
    Array.from({ length: 600 }, (_, i) => `(func $f${i % 97} (param i32) (result i32) local.get ${i % 13})`).join('\n'),
  );

  test('rewrites a gzip file smaller, inflating to the same bytes, and keeps the result for the next build', async () => {
    const [dir, cache] = [await tempDir(), await tempDir()];
    const file = path.join(dir, 'wasm.unknown.pagefind');
    const original = gzipSync(bytes, { level: 6 });
    await writeFile(file, original);
    const saved = await zopfliFile(file, cache);
    const written = await readFile(file);
    expect(saved).toBeGreaterThan(0);
    expect(written.length).toBe(original.length - saved);
    expect(gunzipSync(written).equals(bytes)).toBe(true);
    expect(await readdir(cache)).toHaveLength(1);

    // The next build finds it in the cache: the same bytes, without a second Zopfli run.
    const again = path.join(dir, 'again.pagefind');
    await writeFile(again, original);
    await zopfliFile(again, cache);
    expect((await readFile(again)).equals(written)).toBe(true);
  });

  test('ignores a cached file that does not inflate to the same bytes', async () => {
    const [dir, cache] = [await tempDir(), await tempDir()];
    const file = path.join(dir, 'wasm.unknown.pagefind');
    await writeFile(file, gzipSync(bytes));
    await zopfliFile(file, cache);
    const [cached] = await readdir(cache);
    await writeFile(path.join(cache, cached!), gzipSync('something else'));
    await writeFile(file, gzipSync(bytes));
    await zopfliFile(file, cache);
    expect(gunzipSync(await readFile(file)).equals(bytes)).toBe(true);
  });

  test('leaves a file that is not gzip as it is', async () => {
    const file = path.join(await tempDir(), 'plain.pagefind');
    await writeFile(file, bytes);
    expect(await zopfliFile(file, await tempDir())).toBe(0);
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });
});
