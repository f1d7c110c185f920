/**
 * The line a turn's body starts on comes from the loader (src/lib/content/body-line.ts): Astro's real
 * glob loader, run on files in a temporary folder, hands each entry's data the line, counted
 * while it reads the file, and the catalog's input gets it back without the key.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type LoaderContext } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BODY_LINE, bodyStartLine, takeBodyLine, withBodyLines } from '../../src/lib/content/body-line';

describe('bodyStartLine', () => {
  test.each([
    ['front matter of two fields', '---\na: 1\nb: 2\n---\n正文。\n', '正文。', 5],
    ['blank lines before the body (the loader trims them)', '---\na: 1\n---\n\n\n正文。\n', '正文。', 6],
    ['Windows line endings', '---\r\na: 1\r\n---\r\n正文。\r\n', '正文。', 4],
    ['no front matter', '正文。\n', '正文。', 1],
    ['an empty body', '---\na: 1\n---\n', '', 1],
    ['a body that repeats a front matter value', '---\na: 正文。\n---\n正文。\n', '正文。', 4],
  ])('%s', (_name, contents, body, line) => {
    expect(bodyStartLine(contents, body)).toBe(line);
  });
});

/** What Astro's Markdown entry type does for the glob loader: parsed front matter, trimmed body. */
const markdownEntryType = {
  extensions: ['.md'],
  getEntryInfo: async ({ contents }: { contents: string; fileUrl: URL }) => {
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(contents);
    return {
      data: (match ? parseYaml(match[1]!) : {}) as Record<string, unknown>,
      body: (match ? contents.slice(match[0].length) : contents).trim(),
    };
  },
};

/** The entries a loader stores, run with the context Astro's content layer gives it. */
async function load(root: string, loader: ReturnType<typeof glob>, withEntryTypes = true) {
  const entries = new Map<string, { data: Record<string, unknown>; body?: string }>();
  const quiet = () => undefined;
  const context = {
    collection: 'turns',
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`), legacy: {} },
    logger: { warn: quiet, error: quiet, info: quiet, debug: quiet },
    store: {
      keys: () => [...entries.keys()],
      get: (id: string) => entries.get(id),
      has: (id: string) => entries.has(id),
      delete: (id: string) => entries.delete(id),
      set: (entry: { id: string; data: Record<string, unknown>; body?: string }) => entries.set(entry.id, entry),
    },
    generateDigest: (value: unknown) => String(value).length.toString(),
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    ...(withEntryTypes ? { entryTypes: new Map([['.md', markdownEntryType]]) } : {}),
  };
  await loader.load(context as unknown as LoaderContext);
  return entries;
}

describe('withBodyLines', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'body-line-'));
    await writeFile(path.join(root, 'a.md'), '---\nanchor: a\nposition: 1\n---\n\n甲。\n');
    await writeFile(path.join(root, 'b.md'), '---\n# a comment\nanchor: b\n\nposition: 2\n---\n乙。\n');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test("gives each entry's data the line its body starts on, read by Astro's own glob loader", async () => {
    const entries = await load(root, withBodyLines(glob({ base: root, pattern: '*.md' })));
    expect(entries.get('a')?.data).toEqual({ anchor: 'a', position: 1, [BODY_LINE]: 6 });
    expect(entries.get('b')?.data).toEqual({ anchor: 'b', position: 2, [BODY_LINE]: 7 });
    expect(entries.get('b')?.body).toBe('乙。');
  });

  test('stops when the loader context no longer carries the Markdown entry type', async () => {
    await expect(load(root, withBodyLines(glob({ base: root, pattern: '*.md' })), false)).rejects.toThrow(
      /expected Astro's loader context to carry the Markdown entry type/,
    );
  });
});

describe('takeBodyLine', () => {
  test('splits the line off the data, and leaves data loaded without one as it is', () => {
    expect(takeBodyLine({ anchor: 'a', [BODY_LINE]: 6 })).toEqual({ data: { anchor: 'a' }, bodyLine: 6 });
    expect(takeBodyLine({ anchor: 'a' })).toEqual({ data: { anchor: 'a' }, bodyLine: undefined });
  });
});
