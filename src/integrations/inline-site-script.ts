/**
 * After the build, before the CSP hashes: inlines each small page script that no other chunk
 * imports (in practice the site's script, src/scripts/site.ts) into every page that loads it,
 * and deletes its file (src/lib/inline-script.ts says why and when a script can be inlined).
 * A script that cannot be inlined stays a file, and the build log says why.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFiles } from '../lib/files';
import { absoluteImports, cannotInline, inlineModuleScript } from '../lib/inline-script';

/** Larger scripts stay files, cached across pages (Vite's default inlining limit). */
export const INLINE_LIMIT = 4096;

const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

export default function inlineSiteScript(): AstroIntegration {
  let base = '/';
  return {
    name: 'huitan:inline-site-script',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = await listFiles(out);
        const chunks = new Map<string, string>();
        for (const chunk of files.filter((file) => file.endsWith('.js'))) chunks.set(chunk, await readFile(path.join(out, chunk), 'utf8'));

        /** The inline code for the script at `src`, or undefined when it stays a file (logged once). */
        const inlined = new Map<string, { chunk: string; code: string; pages: number } | undefined>();
        const decide = (src: string) => {
          const chunk = src.startsWith(base) ? src.slice(base.length) : undefined;
          const code = chunk === undefined ? undefined : chunks.get(chunk)?.trim();
          if (chunk === undefined || code === undefined) return undefined; // not one of this build's chunks
          const name = path.posix.basename(chunk);
          const importers = [...chunks].filter(([other, text]) => other !== chunk && text.includes(name)).map(([other]) => other);
          const why =
            importers.length > 0
              ? `${importers.join(', ')} import${importers.length === 1 ? 's' : ''} it`
              : Buffer.byteLength(code) > INLINE_LIMIT
                ? `it is over ${INLINE_LIMIT} bytes`
                : cannotInline(code);
          if (why) {
            logger.info(`${src} stays a file: ${why}`);
            return undefined;
          }
          return { chunk, code: absoluteImports(code, src).code, pages: 0 };
        };

        // One page at a time: a large site's pages do not fit in memory together.
        for (const page of files.filter((file) => file.endsWith('.html'))) {
          const file = path.join(out, page);
          const html = await readFile(file, 'utf8');
          let result = html;
          for (const [, src] of html.matchAll(MODULE_SCRIPT)) {
            if (!inlined.has(src!)) inlined.set(src!, decide(src!));
            const script = inlined.get(src!);
            if (!script) continue;
            result = inlineModuleScript(result, src!, script.code, page);
            script.pages += 1;
          }
          if (result !== html) await writeFile(file, result);
        }
        for (const [src, script] of inlined) {
          if (!script) continue;
          await rm(path.join(out, script.chunk));
          logger.info(`${src} inlined into ${script.pages} page${script.pages === 1 ? '' : 's'}`);
        }
      },
    },
  };
}
