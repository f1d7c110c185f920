/**
 * The post-build site check, as pure functions over pages already read and parsed: every
 * internal link and #fragment resolves, one language everywhere, no stray space between Chinese
 * characters, and each page has a title, a description and a canonical URL. File reading and
 * HTML validation live in src/cli/check-site.ts; build tests call these functions directly.
 */
import { cjkGaps } from '../text/cjk-spacing';
import { SAFE_SCHEMES } from '../url-safety';

/** One built HTML page. */
export interface BuiltPage {
  /** Its URL path under the base, as served: `/`, `/talk/`, `/404.html`. */
  url: string;
  document: Document;
}

export interface SiteCheckOptions {
  /** Astro's `base`, with leading and trailing slash: `/` or `/huitan/`. */
  base: string;
  /** Astro's `site`: links to this origin are internal. */
  site: string;
  /** The `<html lang>` of every page outside an edition's folder (the default site's). */
  lang: string;
  /**
   * The translated editions: the folder under the base (`en`) → the `<html lang>` of every page
   * in it (`en`). Default: none.
   */
  editions?: Readonly<Record<string, string>> | undefined;
}

/** The `<html lang>` a page at `url` (its path in the output, pageUrlOf) must carry: its edition's, else the site's. */
export function expectedLang(url: string, options: Pick<SiteCheckOptions, 'lang' | 'editions'>): string {
  const folder = url.replace(/^\//, '').split('/')[0] ?? '';
  return options.editions?.[folder] ?? options.lang;
}

export interface Problem {
  page: string;
  element: string;
  message: string;
}

/** What a link points at inside the built site. */
export interface InternalTarget {
  /** The file it needs, relative to the output dir (`talk/index.html`). */
  file: string;
  /** The page URL of that file, as in BuiltPage.url. */
  page: string;
  /** The decoded fragment, or undefined when the link has none. */
  fragment: string | undefined;
}

export type Resolved =
  { kind: 'internal'; target: InternalTarget } | { kind: 'external' } | { kind: 'problem'; message: string };

export interface LinkTally {
  /** Internal URLs resolved to a file. */
  links: number;
  /** #fragments resolved to an element id. */
  anchors: number;
  /** Links to other sites (not fetched). */
  external: number;
}

/** Schemes a link may use: the URL policy's (url-safety.ts); anything else (javascript:, data:, mailto:) is a problem. */
const SAFE_PROTOCOLS: ReadonlySet<string> = new Set([...SAFE_SCHEMES].map((scheme) => `${scheme}:`));

/** The page URL of a file in the output dir: `index.html` → `/`, `a/index.html` → `/a/`. */
export function pageUrlOf(file: string): string {
  const posix = file.split('\\').join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

/** The absolute URL a page is published at. */
export function publishedUrl(pageUrl: string, options: Pick<SiteCheckOptions, 'base' | 'site'>): string {
  return new URL(`${options.base}${pageUrl.slice(1)}`, options.site).href;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a URL found on `fromPage` (or in the sitemap or search index) against the built
 * site: relative, root-relative and same-origin absolute URLs are internal; the path is
 * percent-decoded and must lie under the base and name a file or a folder with index.html.
 */
export function resolveUrl(
  raw: string,
  fromPage: string,
  options: Pick<SiteCheckOptions, 'base' | 'site'>,
  files: ReadonlySet<string>,
): Resolved {
  // Browsers drop ASCII tabs and newlines anywhere in a URL, and leading/trailing spaces.
  const href = raw.replace(/[\t\n\r]/g, '').trim();
  if (href === '') return { kind: 'problem', message: 'empty URL' };
  let url: URL;
  try {
    url = new URL(href, publishedUrl(fromPage, options));
  } catch {
    return { kind: 'problem', message: `unparsable URL ${JSON.stringify(raw)}` };
  }
  if (!SAFE_PROTOCOLS.has(url.protocol))
    return { kind: 'problem', message: `unsafe URL scheme ${JSON.stringify(url.protocol)}` };
  if (url.origin !== new URL(options.site).origin) return { kind: 'external' };
  const pathname = safeDecode(url.pathname);
  if (pathname === undefined)
    return { kind: 'problem', message: `malformed percent-encoding in ${JSON.stringify(url.pathname)}` };
  if (!pathname.startsWith(options.base)) {
    return {
      kind: 'problem',
      message: `${JSON.stringify(pathname)} is outside the base path ${JSON.stringify(options.base)}`,
    };
  }
  const rel = pathname.slice(options.base.length);
  let file: string;
  if (rel === '' || rel.endsWith('/')) file = `${rel}index.html`;
  else if (files.has(rel)) file = rel;
  else if (files.has(`${rel}/index.html`)) {
    return { kind: 'problem', message: `${JSON.stringify(pathname)} needs a trailing slash (trailingSlash: 'always')` };
  } else file = rel;
  if (!files.has(file)) return { kind: 'problem', message: `${JSON.stringify(pathname)} does not exist (no ${file})` };
  let fragment: string | undefined;
  if (url.hash.length > 1) {
    fragment = safeDecode(url.hash.slice(1));
    if (fragment === undefined)
      return { kind: 'problem', message: `malformed percent-encoding in ${JSON.stringify(url.hash)}` };
  } else if (href.endsWith('#')) {
    return { kind: 'problem', message: 'empty #fragment (a link to nothing)' };
  }
  return { kind: 'internal', target: { file, page: pageUrlOf(file), fragment } };
}

/** The ids a fragment can land on: every id, and the name of every <a name>. */
export function targetsOf(document: Document): Set<string> {
  const targets = new Set<string>();
  for (const element of document.querySelectorAll('[id]')) targets.add(element.id);
  for (const element of document.querySelectorAll('a[name]')) targets.add(element.getAttribute('name')!);
  return targets;
}

/** A short description of an element for messages: `<a href="/x/#y"> "its text"`. */
export function describeElement(element: Element, attribute?: string): string {
  const tag = element.tagName.toLowerCase();
  const attr = attribute ? ` ${attribute}=${JSON.stringify(element.getAttribute(attribute) ?? '')}` : '';
  const id = element.id ? ` id=${JSON.stringify(element.id)}` : '';
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const shown = text.length > 30 ? `${text.slice(0, 29)}…` : text;
  return `<${tag}${id}${attr}>${shown ? ` ${JSON.stringify(shown)}` : ''}`;
}

/** URLs one element carries, by attribute. srcset lists are split into their URLs. */
function urlsOf(element: Element): { attribute: string; url: string }[] {
  const found: { attribute: string; url: string }[] = [];
  for (const attribute of ['href', 'src', 'poster', 'action', 'data']) {
    const value = element.getAttribute(attribute);
    if (value !== null && !(element.tagName === 'FORM' && attribute === 'action' && value === ''))
      found.push({ attribute, url: value });
  }
  const srcset = element.getAttribute('srcset');
  if (srcset)
    for (const part of srcset.split(',')) found.push({ attribute: 'srcset', url: part.trim().split(/\s+/)[0] ?? '' });
  if (element.tagName === 'META') {
    const content = element.getAttribute('content') ?? '';
    const equiv = (element.getAttribute('http-equiv') ?? '').toLowerCase();
    const property = element.getAttribute('property') ?? element.getAttribute('name') ?? '';
    if (equiv === 'refresh') {
      const target = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1];
      if (target) found.push({ attribute: 'content', url: target });
    } else if (/^(og:(image|url|audio|video)(:secure_url|:url)?|twitter:image)$/.test(property) && content) {
      found.push({ attribute: 'content', url: content });
    }
  }
  return found;
}

const LINKED =
  'a[href], area[href], link[href], script[src], img, source, video, audio, iframe[src], embed[src], object[data], form[action], meta[content]';

/**
 * Every internal link and fragment on every page resolves to a built file and an element id.
 * Links are counted once per occurrence; fragments pointing into non-HTML files are not checked.
 */
export function checkLinks(
  pages: readonly BuiltPage[],
  files: ReadonlySet<string>,
  options: Pick<SiteCheckOptions, 'base' | 'site'>,
): { problems: Problem[]; tally: LinkTally } {
  const problems: Problem[] = [];
  const tally: LinkTally = { links: 0, anchors: 0, external: 0 };
  const targets = targetIndex(pages);
  for (const page of pages) {
    for (const element of page.document.querySelectorAll(LINKED)) {
      for (const { attribute, url } of urlsOf(element)) {
        if (inlineIcon(element, url)) continue;
        const problem = checkUrl(url, page.url, options, files, targets, tally);
        if (problem) problems.push({ page: page.url, element: describeElement(element, attribute), message: problem });
      }
    }
  }
  return { problems, tally };
}

/** The site icon inlined as an image data: URL (Base.astro): the one data: URL a page may link. */
export const inlineIcon = (element: Element, url: string) =>
  element.localName === 'link' &&
  /(^|\s)icon(\s|$)/i.test(element.getAttribute('rel') ?? '') &&
  /^data:image\/(svg\+xml|png)[,;]/.test(url);

/** Ids by page URL, computed once per page. */
export function targetIndex(pages: readonly BuiltPage[]): Map<string, Set<string>> {
  return new Map(pages.map((page) => [page.url, targetsOf(page.document)]));
}

/** Checks one URL; returns the problem, or undefined when it resolves. Updates the tally. */
export function checkUrl(
  url: string,
  fromPage: string,
  options: Pick<SiteCheckOptions, 'base' | 'site'>,
  files: ReadonlySet<string>,
  targets: ReadonlyMap<string, ReadonlySet<string>>,
  tally: LinkTally,
): string | undefined {
  const resolved = resolveUrl(url, fromPage, options, files);
  if (resolved.kind === 'problem') return resolved.message;
  if (resolved.kind === 'external') {
    tally.external += 1;
    return undefined;
  }
  tally.links += 1;
  const { fragment, page } = resolved.target;
  // Text fragments (#:~:text=) address text, not ids.
  if (fragment === undefined || fragment.startsWith(':~:')) return undefined;
  const ids = targets.get(page);
  if (!ids) return undefined;
  tally.anchors += 1;
  return ids.has(fragment) ? undefined : `#${fragment} does not exist on ${page}`;
}

/** A page whose only job is to send the reader elsewhere (Astro's redirect pages). */
export function isRedirectPage(document: Document): boolean {
  return document.querySelector('meta[http-equiv="refresh" i]') !== null;
}

/**
 * One page's own requirements: the site's language, a title, a description, a canonical URL
 * that is absolute and names this page, and no whitespace between two Chinese characters.
 * Redirect pages need only a title and a canonical URL (Astro writes them without `lang` or a
 * description; their canonical URL names the target).
 */
export function checkPage(page: BuiltPage, options: SiteCheckOptions): Problem[] {
  const problems: Problem[] = [];
  const { document } = page;
  const report = (element: string, message: string) => problems.push({ page: page.url, element, message });
  const redirect = isRedirectPage(document);
  const html = document.documentElement;
  const lang = expectedLang(page.url, options);
  if (!redirect && html.getAttribute('lang') !== lang) {
    report('<html>', `expected lang=${JSON.stringify(lang)}, found ${JSON.stringify(html.getAttribute('lang'))}`);
  }
  if ((document.querySelector('title')?.textContent ?? '').trim() === '')
    report('<title>', 'expected a title, found none');
  const description = document.querySelectorAll('meta[name="description"]');
  if (!redirect && (description.length !== 1 || (description[0]!.getAttribute('content') ?? '').trim() === '')) {
    report('<meta name="description">', `expected one non-empty description, found ${description.length}`);
  }
  const canonical = document.querySelectorAll('link[rel="canonical"]');
  const href = canonical[0]?.getAttribute('href') ?? '';
  if (canonical.length !== 1) {
    report('<link rel="canonical">', `expected one canonical URL, found ${canonical.length}`);
  } else if (!/^https?:\/\//.test(href)) {
    report('<link rel="canonical">', `expected an absolute URL, found ${JSON.stringify(href)}`);
  } else if (!redirect && href !== publishedUrl(page.url, options)) {
    report(
      '<link rel="canonical">',
      `expected ${JSON.stringify(publishedUrl(page.url, options))}, found ${JSON.stringify(href)}`,
    );
  }
  if (!redirect)
    for (const gap of cjkGaps(document))
      report(gap.split(' …')[0]!, `whitespace between two Chinese characters: …${gap.split(' …').slice(1).join(' …')}`);
  return problems;
}

/** URLs listed in a sitemap or sitemap index (`<loc>`), XML entities decoded. */
export function sitemapUrls(xml: string): string[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((match) =>
    match[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!),
  );
}

/**
 * A URL stored in the Pagefind index, as the browser will open it: Pagefind prefixes stored
 * URLs with its `baseUrl`, which defaults to the folder above /pagefind/ (the site's base).
 */
export function searchIndexUrl(stored: string, base: string): string {
  return /^(https?:)?\/\//.test(stored) ? stored : `${base}${stored.replace(/^\//, '')}`;
}

/** `url(...)` references in a stylesheet (data: URLs and fragments-only excluded). */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)]
    .map((match) => match[2]!.trim())
    .filter((url) => !url.startsWith('data:') && !url.startsWith('#'));
}
