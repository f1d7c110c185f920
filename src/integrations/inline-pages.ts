/**
 * After the build, one pass over every page, each read and written once:
 * 1. inlines each small page script that no other chunk imports (in practice the site's script,
 *    src/scripts/every-page.ts) and deletes its file (src/lib/build/inline-script.ts says why and when a
 *    script can be inlined; one that cannot stays a file, and the build log says why);
 * 2. adds the hash of the page's inline stylesheets and scripts to its Content-Security-Policy
 *    <meta>, and every distinct one to the policy in `_headers` (src/lib/build/inline-hashes.ts).
 * Only inline blocks the build itself produced get a hash: the CSS chunks of the bundle (read
 * from it by a Vite plugin before Astro inlines them) and the scripts inlined in step 1. Any
 * other inline <script> or <style> stops the build, naming the page (docs/security.md).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { listFiles } from '../lib/files';
import { hashHeaders, hashPage } from '../lib/build/inline-hashes';
import { absoluteImports, cannotInline, inlineModuleScript } from '../lib/build/inline-script';

/** Larger scripts stay files, cached across pages (Vite's default inlining limit). */
export const INLINE_LIMIT = 4096;

const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

interface InlinedScript {
  chunk: string;
  code: string;
  pages: number;
}

/**
 * Decides, once per script URL, whether it is inlined: `chunks` are the build's scripts by path
 * under the output folder, `base` the site's base path. Returns the decision for a URL, undefined
 * when the script stays a file (logged once, with the reason).
 */
function inliner(chunks: ReadonlyMap<string, string>, base: string, logger: AstroIntegrationLogger) {
  const decided = new Map<string, InlinedScript | undefined>();
  const decide = (src: string): InlinedScript | undefined => {
    const chunk = src.startsWith(base) ? src.slice(base.length) : undefined;
    const code = chunk === undefined ? undefined : chunks.get(chunk)?.trim();
    if (chunk === undefined || code === undefined) return undefined; // not one of this build's chunks
    const name = path.posix.basename(chunk);
    const importers = [...chunks]
      .filter(([other, text]) => other !== chunk && text.includes(name))
      .map(([other]) => other);
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
  return {
    /** The page with every script that can be inlined inlined; `page` names it in errors. */
    inline(html: string, page: string): string {
      let result = html;
      for (const [, src] of html.matchAll(MODULE_SCRIPT)) {
        if (!decided.has(src!)) decided.set(src!, decide(src!));
        const script = decided.get(src!);
        if (!script) continue;
        result = inlineModuleScript(result, src!, script.code, page);
        script.pages += 1;
      }
      return result;
    },
    /** Each inlined script with its URL. */
    inlined: () => [...decided].filter((entry): entry is [string, InlinedScript] => entry[1] !== undefined),
  };
}

/**
 * A Vite plugin that keeps every CSS asset of the build's bundles in `sheets`. Their text is
 * read after the build: Vite's own CSS plugin finishes each asset's source in place after this
 * hook (it strips a hash marker last), and Astro's inlining plugin then takes inlined ones out
 * of the bundle, putting that same text into the pages' <style> elements.
 */
function cssChunks(sheets: Set<{ source: string | Uint8Array }>): Plugin {
  return {
    name: 'huitan:css-chunks',
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle))
        if (asset.type === 'asset' && asset.fileName.endsWith('.css')) sheets.add(asset);
    },
  };
}

export default function inlinePages(): AstroIntegration {
  let base = '/';
  const sheets = new Set<{ source: string | Uint8Array }>();
  return {
    name: 'huitan:inline-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [cssChunks(sheets)] } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = await listFiles(out);
        const chunks = new Map<string, string>();
        for (const chunk of files.filter((file) => file.endsWith('.js')))
          chunks.set(chunk, await readFile(path.join(out, chunk), 'utf8'));
        const scripts = inliner(chunks, base, logger);
        const styles = [...sheets].map((sheet) =>
          typeof sheet.source === 'string' ? sheet.source : Buffer.from(sheet.source).toString('utf8'),
        );

        const styleHashes = new Set<string>();
        const scriptHashes = new Set<string>();
        const pages = files.filter((file) => file.endsWith('.html'));
        // One page at a time: a large site's pages do not fit in memory together.
        for (const page of pages) {
          const file = path.join(out, page);
          const original = await readFile(file, 'utf8');
          const inlined = scripts.inline(original, page);
          const known = { styles, scripts: new Set(scripts.inlined().map(([, script]) => script.code)) };
          const { html, hashes } = hashPage(inlined, page, known);
          for (const hash of hashes.styles) styleHashes.add(hash);
          for (const hash of hashes.scripts) scriptHashes.add(hash);
          if (html !== original) await writeFile(file, html);
        }
        for (const [src, script] of scripts.inlined()) {
          await rm(path.join(out, script.chunk));
          logger.info(`${src} inlined into ${script.pages} page${script.pages === 1 ? '' : 's'}`);
        }

        const headersFile = path.join(out, '_headers');
        const headers = await readFile(headersFile, 'utf8').catch(() => undefined);
        if (headers !== undefined && styleHashes.size + scriptHashes.size > 0) {
          await writeFile(headersFile, hashHeaders(headers, { styles: [...styleHashes], scripts: [...scriptHashes] }));
        }
        const count = (n: number, what: string) => `${n} inline ${what} hash${n === 1 ? '' : 'es'}`;
        logger.info(
          `${pages.length} pages: ${count(styleHashes.size, 'stylesheet')} and ${count(scriptHashes.size, 'script')} in their Content-Security-Policy`,
        );
      },
    },
  };
}
