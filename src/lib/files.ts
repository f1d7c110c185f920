/**
 * The files below a folder as relative, '/'-separated paths, sorted: one walk for the importer,
 * the post-build steps (style hashes, search index, site check) and the tests.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

function relativeFiles(dir: string, entries: Dirent[]): string[] {
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export async function listFiles(dir: string): Promise<string[]> {
  return relativeFiles(dir, await readdir(dir, { recursive: true, withFileTypes: true }));
}

export function listFilesSync(dir: string): string[] {
  return relativeFiles(dir, readdirSync(dir, { recursive: true, withFileTypes: true }));
}
