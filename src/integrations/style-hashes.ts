/**
 * After the build: adds the hash of every page's inline stylesheet to that page's
 * Content-Security-Policy <meta> and to the policy in `_headers` (src/lib/style-hashes.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFiles } from '../lib/files';
import { hashHeaderStyles, hashPageStyles } from '../lib/style-hashes';

export default function styleHashes(): AstroIntegration {
  return {
    name: 'huitan:style-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const all = new Set<string>();
        const pages = (await listFiles(out)).filter((file) => file.endsWith('.html'));
        for (const page of pages) {
          const file = path.join(out, page);
          const { html, hashes } = hashPageStyles(await readFile(file, 'utf8'), page);
          for (const hash of hashes) all.add(hash);
          if (hashes.length > 0) await writeFile(file, html);
        }
        const headersFile = path.join(out, '_headers');
        const headers = await readFile(headersFile, 'utf8').catch(() => undefined);
        if (headers !== undefined && all.size > 0) await writeFile(headersFile, hashHeaderStyles(headers, [...all]));
        logger.info(`${pages.length} pages: ${all.size} inline stylesheet hash${all.size === 1 ? '' : 'es'} in their Content-Security-Policy`);
      },
    },
  };
}
