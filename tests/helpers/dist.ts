/** Reading the built site: pages as DOM documents (linkedom), with a clear error if unbuilt. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { distDir } from './paths';

export function readPage(urlPath: string, dir = distDir): Document {
  const file = path.join(dir, urlPath.replace(/^\//, ''), urlPath.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) {
    throw new Error(`expected ${file} (built site), found nothing: run \`npm run build\` first`);
  }
  return parseHTML(readFileSync(file, 'utf8')).document;
}
