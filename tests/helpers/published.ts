/**
 * What the built site publishes now, in the form of content/permalinks.json: each reader, its
 * turn and key-quote anchors, and each share page (the build's own rule, src/lib/sharing/permalinks.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFilesSync } from '../../src/lib/files';
import { addressesOfPage } from '../../src/lib/sharing/permalinks';
import { pageUrlOf } from '../../src/lib/build/dist-check';
import { distDir } from './paths';

export function publishedUrls(dir = distDir): string[] {
  return listFilesSync(dir)
    .filter((file) => file.endsWith('index.html'))
    .flatMap((file) => addressesOfPage(pageUrlOf(file), readFileSync(path.join(dir, file), 'utf8')))
    .sort();
}
