/**
 * The permalink promise: content/permalinks.json lists every published reader, turn anchor,
 * key-quote anchor and share page. Once listed, an address must keep resolving: either it is
 * still published, or (for a page) a redirect maps it to one that is. A static page cannot see
 * a #fragment, so anchors are never redirected: they are kept. The build holds itself to the
 * promise (src/integrations/permalink-lock.ts) and lists new addresses as they ship
 * (joinPublished); `npm run check:site` checks a built site against it too. docs/security.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { strictObject } from '../../schemas/common';
import { ContentError, type ContentProblem } from '../content/catalog';
import { redirectKeyProblem, siteAddressProblem } from '../url-safety';
import { show } from '../text/messages';

export interface PermalinkFile {
  /** Site paths, with `#anchor` for anchors: /talk/, /talk/#turn, /talk/q/quote/. */
  published: string[];
  /** Old page path → new page path (or path#anchor). */
  redirects: Record<string, string>;
}

export const PERMALINKS_FILE = 'permalinks.json';

/** An address of this site (`/a/` or `/a/#id`): never another host, never outside the site. */
const SiteAddressSchema = z.string().superRefine((value, ctx) => {
  const problem = siteAddressProblem(value);
  if (problem)
    ctx.addIssue({
      code: 'custom',
      message: `expected an address on this site (/talk/ or /talk/#anchor), found ${show(value)}: ${problem}`,
    });
});

/** The shape of content/permalinks.json, each redirect's key a page path that stays inside the output folder. */
export const PermalinkFileSchema = strictObject({
  /** Every address published so far, sorted; the build adds new ones. */
  published: z.array(SiteAddressSchema),
  /** Old page path → the address it moved to, on this site only (no open redirect). */
  redirects: z.record(z.string(), SiteAddressSchema).superRefine((redirects, ctx) => {
    for (const key of Object.keys(redirects)) {
      const problem = redirectKeyProblem(key);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Unexpected redirect from ${show(key)}: expected a page path such as /talk/q/old-name/, found ${problem}`,
        });
    }
  }),
});

/** `redirects["/a/"]`, `published[3]`: a field path as messages show it. */
function fieldOf(issuePath: readonly (string | number)[]): string {
  return issuePath
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `[${show(part)}]`))
    .join('');
}

/** Validates the file's data, throwing a ContentError that names file, field and value. */
export function parsePermalinks(data: unknown, file: string): PermalinkFile {
  const result = PermalinkFileSchema.safeParse(data);
  if (result.success) return result.data;
  const problems: ContentProblem[] = result.error.issues.map((issue) => ({
    file,
    ...(issue.path.length > 0 ? { field: fieldOf(issue.path) } : {}),
    message: issue.message,
  }));
  throw contentError(problems);
}

/** A ContentError without a stack trace: Astro prints none for it (a content problem, not a bug). */
function contentError(problems: ContentProblem[]): ContentError {
  const error = new ContentError(problems);
  error.stack = '';
  return error;
}

/** The permalink file of a content folder (none yet: nothing promised). */
export function readPermalinks(contentDir: string): PermalinkFile {
  const file = path.join(contentDir, PERMALINKS_FILE);
  if (!existsSync(file)) return { published: [], redirects: {} };
  const shown = path.relative(process.cwd(), file) || file;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw contentError([
      { file: shown, message: `expected valid JSON, found a syntax error: ${(error as Error).message}` },
    ]);
  }
  return parsePermalinks(data, shown);
}

/** The file's text as the build writes it: stable, so an unchanged list rewrites nothing. */
export function formatPermalinks(file: PermalinkFile): string {
  return `${JSON.stringify({ published: file.published, redirects: file.redirects }, null, 2)}\n`;
}

const isAnchor = (address: string) => address.includes('#');

/**
 * Problems with the promise, as messages that say what to do: a listed address no longer
 * published, a redirect from an anchor or from a page that still exists, a redirect to
 * nowhere. `current` is every address the site publishes now, in the form of `published`;
 * `pages` every other page it builds (a redirect may lead there too).
 */
export function checkPermalinks(
  file: PermalinkFile,
  current: readonly string[],
  pages: readonly string[] = [],
): string[] {
  const live = new Set(current);
  const targets = new Set([...current, ...pages]);
  const problems: string[] = [];
  for (const [from, to] of Object.entries(file.redirects)) {
    if (isAnchor(from))
      problems.push(
        `redirect from ${show(from)}: expected a page path, found an anchor (a static page never sees the #fragment; keep the anchor on its page instead)`,
      );
    else if (live.has(from))
      problems.push(
        `redirect from ${show(from)}: expected a path that is no longer published, found it still published (remove the redirect)`,
      );
    if (!targets.has(to))
      problems.push(`redirect ${show(from)} → ${show(to)}: expected a published target, found ${show(to)} missing`);
  }
  for (const address of file.published) {
    if (live.has(address) || file.redirects[address] !== undefined) continue;
    problems.push(
      isAnchor(address)
        ? `permalink ${show(address)}: expected it to stay published, found it gone: restore the anchor (an anchor cannot be redirected; keep the turn's anchor or the quote's id as published)`
        : `permalink ${show(address)}: expected it to stay published or to have a redirect, found neither: restore the page, or add "redirects": { ${show(address)}: "<where it moved>" } to content/permalinks.json`,
    );
  }
  return problems;
}

/** Addresses published now that the list does not promise yet. */
export function unlisted(file: PermalinkFile, current: readonly string[]): string[] {
  const listed = new Set(file.published);
  return current.filter((address) => !listed.has(address));
}

/** The file with every current address listed: the old ones kept, the list sorted. */
export function joinPublished(file: PermalinkFile, current: readonly string[]): PermalinkFile {
  return { published: [...new Set([...file.published, ...current])].sort(), redirects: file.redirects };
}

const READER = /^\/[^/]+\/$/;
const SHARE_PAGE = /^\/[^/]+\/q\/[^/]+\/$/;
const REFRESH = /<meta\s+http-equiv=["']?refresh/i;

/** Whether a built page only forwards the reader elsewhere (a redirect page). */
export const isRedirectHtml = (html: string) => REFRESH.test(html);

/** Whether the page at `sitePath` can carry permalinks, so the caller need read only those. */
export const mayPublish = (sitePath: string) => READER.test(sitePath) || SHARE_PAGE.test(sitePath);

/** The `id` of each `<tag class="… name …" id="…">` in built HTML (Astro writes attributes double-quoted). */
function idsOf(html: string, tag: string, className: string): string[] {
  const ids: string[] = [];
  for (const [element] of html.matchAll(new RegExp(`<${tag}\\s[^>]*>`, 'gi'))) {
    const attributes = new Map(
      [...element.matchAll(/\s([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!.toLowerCase(), value!]),
    );
    const id = attributes.get('id');
    if (id && (attributes.get('class') ?? '').split(/\s+/).includes(className)) ids.push(id);
  }
  return ids;
}

/**
 * The permalinks one built page publishes, in the form of content/permalinks.json: a reader
 * (`/<talk>/` with turns) gives its address, its turns' anchors and its key quotes' anchors; a
 * share page (`/<talk>/q/<quote>/`) its address. Redirect pages publish nothing. Read with
 * patterns, not a DOM: the build reads every reader, and a large site has many.
 */
export function addressesOfPage(sitePath: string, html: string): string[] {
  if (!mayPublish(sitePath) || isRedirectHtml(html)) return [];
  if (SHARE_PAGE.test(sitePath)) return [sitePath];
  const turns = idsOf(html, 'article', 'turn');
  if (turns.length === 0) return [];
  const quotes = idsOf(html, 'mark', 'key-quote');
  return [sitePath, ...[...turns, ...quotes].map((id) => `${sitePath}#${id}`)];
}
