/**
 * After the build: adds the hash of every page's inline stylesheets and scripts to that page's
 * Content-Security-Policy <meta>, and every distinct one to the policy in `_headers`
 * (src/lib/inline-hashes.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFiles } from '../lib/files';
import { hashHeaders, hashPage } from '../lib/inline-hashes';

export default function inlineHashes(): AstroIntegration {
  return {
    name: 'huitan:inline-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const styles = new Set<string>();
        const scripts = new Set<string>();
        const pages = (await listFiles(out)).filter((file) => file.endsWith('.html'));
        for (const page of pages) {
          const file = path.join(out, page);
          const { html, hashes } = hashPage(await readFile(file, 'utf8'), page);
          for (const hash of hashes.styles) styles.add(hash);
          for (const hash of hashes.scripts) scripts.add(hash);
          if (hashes.styles.length + hashes.scripts.length > 0) await writeFile(file, html);
        }
        const headersFile = path.join(out, '_headers');
        const headers = await readFile(headersFile, 'utf8').catch(() => undefined);
        if (headers !== undefined && styles.size + scripts.size > 0) {
          await writeFile(headersFile, hashHeaders(headers, { styles: [...styles], scripts: [...scripts] }));
        }
        const count = (n: number, what: string) => `${n} inline ${what} hash${n === 1 ? '' : 'es'}`;
        logger.info(`${pages.length} pages: ${count(styles.size, 'stylesheet')} and ${count(scripts.size, 'script')} in their Content-Security-Policy`);
      },
    },
  };
}
