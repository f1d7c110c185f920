/**
 * The permalink lock, held by the build itself (src/lib/sharing/permalinks.ts states the promise). The
 * permalink file's shape is checked before the build starts. After the pages are written, every address content/permalinks.json lists must still be
 * published, or be a page with a redirect. A broken promise stops the build, naming each
 * address and what to do, and empties the output folder so the site that breaks it cannot be
 * deployed by mistake. When the promise holds, addresses published for the first time join the
 * file (sorted; the file is rewritten only when it changes) and one line says to commit it.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content/content-dir';
import {
  addressesOfPage,
  checkPermalinks,
  formatPermalinks,
  isRedirectHtml,
  joinPublished,
  mayPublish,
  PERMALINKS_FILE,
  readPermalinks,
  unlisted,
  type PermalinkFile,
} from '../lib/sharing/permalinks';

/** The site path of a built page as Astro names it (`talk/q/x/`, `` for the home page). */
const sitePathOf = (pathname: string) => `/${pathname.replace(/^\/+/, '')}`;

/** The built file of a page path: `<out>/talk/index.html`. */
const fileOf = (out: string, sitePath: string) => path.join(out, ...sitePath.split('/').filter(Boolean), 'index.html');

/** What the built site publishes now, and every page path it built. */
async function readBuiltSite(
  out: string,
  pathnames: readonly string[],
): Promise<{ current: string[]; pages: string[] }> {
  const pages = pathnames.map(sitePathOf);
  const current: string[] = [];
  // One page at a time: a large site's readers do not fit in memory together.
  for (const sitePath of pages.filter(mayPublish)) {
    const html = await readFile(fileOf(out, sitePath), 'utf8').catch(() => '');
    current.push(...addressesOfPage(sitePath, html));
  }
  return { current: current.sort(), pages };
}

/** Each redirect's page must be the build's redirect page, not a live page that took its path. */
async function redirectPageProblems(out: string, file: PermalinkFile): Promise<string[]> {
  const problems: string[] = [];
  for (const from of Object.keys(file.redirects)) {
    const html = await readFile(fileOf(out, from), 'utf8').catch(() => undefined);
    if (html !== undefined && !isRedirectHtml(html)) {
      problems.push(
        `redirect from ${JSON.stringify(from)}: expected the build's redirect page there, found a live page (remove the redirect)`,
      );
    }
  }
  return problems;
}

async function emptyFolder(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) await rm(path.join(dir, entry), { recursive: true, force: true });
}

export default function permalinkLock(): AstroIntegration {
  return {
    name: 'huitan:permalink-lock',
    hooks: {
      // The file is checked before any page is written: a bad redirect key must not become a
      // page (one with ".." would be written outside the output folder).
      'astro:build:start': () => {
        readPermalinks(contentDir());
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const content = contentDir();
        const file = readPermalinks(content);
        const { current, pages: built } = await readBuiltSite(
          out,
          pages.map((page) => page.pathname),
        );
        const problems = [...checkPermalinks(file, current, built), ...(await redirectPageProblems(out, file))];
        if (problems.length > 0) {
          await emptyFolder(out);
          const error = new Error(
            `The permalink lock failed with ${problems.length} problem${problems.length === 1 ? '' : 's'} ` +
              `(content/${PERMALINKS_FILE}; docs/security.md). The output folder was emptied so this build cannot be deployed:\n` +
              problems.map((problem) => `  ${problem}`).join('\n'),
          );
          // A content problem, not a bug: Astro prints no stack trace for an error without one.
          error.stack = '';
          throw error;
        }
        const added = unlisted(file, current);
        if (added.length === 0) return;
        await writeFile(path.join(content, PERMALINKS_FILE), formatPermalinks(joinPublished(file, current)));
        logger.info(
          `${added.length} new address${added.length === 1 ? '' : 'es'} added to ${path.join(content, PERMALINKS_FILE)}: commit the file with the content, the build now keeps them`,
        );
      },
    },
  };
}
