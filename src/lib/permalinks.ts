/**
 * The permalink promise: content/permalinks.json lists every published reader, turn anchor,
 * key-quote anchor and share page. Once listed, a URL must keep resolving: either it is still
 * published, or a redirect maps it to one that is. Redirects are page-to-page (a static page
 * cannot see a #fragment, so anchors themselves are never redirected: keep them).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface PermalinkFile {
  /** Site paths, with `#anchor` for anchors: /talk/, /talk/#turn, /talk/q/quote/. */
  published: string[];
  /** Old page path → new page path (or path#anchor). */
  redirects: Record<string, string>;
}

export const PERMALINKS_FILE = 'permalinks.json';

export function readPermalinks(contentDir: string): PermalinkFile {
  const file = path.join(contentDir, PERMALINKS_FILE);
  if (!existsSync(file)) return { published: [], redirects: {} };
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<PermalinkFile>;
  if (!Array.isArray(data.published) || typeof data.redirects !== 'object' || data.redirects === null) {
    throw new Error(`${file}: expected { "published": [...], "redirects": {...} }, found ${JSON.stringify(Object.keys(data))}`);
  }
  return { published: data.published, redirects: data.redirects };
}

/**
 * Problems with the promise, as messages: a listed URL that no longer resolves, a redirect from
 * an anchor or from a page that still exists, a redirect to nowhere. `current` is every URL the
 * site publishes now, in the same form as `published`.
 */
export function checkPermalinks(file: PermalinkFile, current: readonly string[]): string[] {
  const live = new Set(current);
  const problems: string[] = [];
  for (const [from, to] of Object.entries(file.redirects)) {
    if (from.includes('#')) problems.push(`redirect from ${JSON.stringify(from)}: expected a page path, found an anchor (static redirects cannot see #fragments; keep the anchor instead)`);
    else if (live.has(from)) problems.push(`redirect from ${JSON.stringify(from)}: expected a path that is no longer published, found it still published`);
    if (!live.has(to)) problems.push(`redirect ${JSON.stringify(from)} → ${JSON.stringify(to)}: expected a published target, found ${JSON.stringify(to)} missing`);
  }
  for (const url of file.published) {
    if (live.has(url)) continue;
    const redirect = file.redirects[url];
    if (redirect === undefined) {
      problems.push(`permalink ${JSON.stringify(url)}: expected it to stay published or to have a redirect in content/permalinks.json, found neither`);
    }
  }
  return problems;
}

/** URLs published now that the list does not promise yet (add them when they ship). */
export function unlisted(file: PermalinkFile, current: readonly string[]): string[] {
  const listed = new Set(file.published);
  return current.filter((url) => !listed.has(url));
}
