/**
 * What the built site publishes now, in the form of content/permalinks.json: each reader, its
 * turn and key-quote anchors, and each share page.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readPage } from './dist';
import { distDir } from './paths';

export function publishedUrls(dir = distDir): string[] {
  const urls: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !existsSync(path.join(dir, entry.name, 'index.html'))) continue;
    const reader = `/${entry.name}/`;
    const doc = readPage(reader, dir);
    const turns = [...doc.querySelectorAll('article.turn')];
    if (turns.length === 0) continue;
    urls.push(reader);
    for (const turn of turns) urls.push(`${reader}#${turn.id}`);
    for (const mark of doc.querySelectorAll('mark.key-quote')) urls.push(`${reader}#${mark.id}`);
    const shareDir = path.join(dir, entry.name, 'q');
    if (existsSync(shareDir)) {
      for (const quote of readdirSync(shareDir, { withFileTypes: true })) {
        if (quote.isDirectory()) urls.push(`${reader}q/${quote.name}/`);
      }
    }
  }
  return urls.sort();
}
