import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { listFiles, listFilesSync } from '../../src/lib/files';

test('lists every file below a folder, relative, "/"-separated and sorted, without the folders', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huitan-files-'));
  mkdirSync(path.join(dir, 'b/c'), { recursive: true });
  mkdirSync(path.join(dir, 'empty'));
  for (const file of ['z.html', 'b/c/index.html', 'a.txt', 'b/x.css']) writeFileSync(path.join(dir, file), '');
  const expected = ['a.txt', 'b/c/index.html', 'b/x.css', 'z.html'];
  expect(await listFiles(dir)).toEqual(expected);
  expect(listFilesSync(dir)).toEqual(expected);
});
