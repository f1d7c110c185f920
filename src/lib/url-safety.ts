/**
 * The URL policy: which URLs may reach a page. Every URL content can carry goes through one of
 * these checks before it is published (docs/security.md):
 * - links (Markdown links and link definitions): http(s), or a path on this site;
 * - URL fields of talk and speaker files, and facts' sources: http(s) only (SafeUrlSchema);
 * - images in turns: a file of the talk itself, never another host;
 * - redirects (content/permalinks.json): from a normalised site path, to a site path only.
 * A `javascript:` or `data:` URL runs script or shows a page of someone else's making when
 * clicked; a redirect to another host lends the site's name to that host (an open redirect); a
 * redirect key with `..` would write its page outside the output folder.
 *
 * Each check returns the reason a URL is refused (text for "found …" messages), or undefined.
 */

/** The only schemes a URL in content may use. */
export const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);

/** What an allowed link is, for "expected …" messages. */
export const LINK_RULE = 'an http(s) URL or a path on this site';
/** What an allowed URL field is, for "expected …" messages. */
export const WEB_URL_RULE = 'an http(s) URL';
/** Where a turn's images live, relative to the turn file (content/talks/<talk>/images/). */
export const IMAGE_FOLDER = '../images/';
/** What an allowed image is, for "expected …" messages. */
export const IMAGE_RULE = `a file of the talk, ${IMAGE_FOLDER}<name>.png (or .jpg, .jpeg, .webp, .gif, .avif)`;

const IMAGE_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(png|jpe?g|webp|gif|avif)$/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
/** A path segment of an address on this site (unreserved characters only, RFC 3986). */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;
/** A #fragment naming an element id: the id pattern, with upper case and _ of older ids. */
const FRAGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * The URL as a browser reads it: ASCII tabs and newlines dropped anywhere, leading and trailing
 * control characters and spaces trimmed (WHATWG URL parsing), so `java\tscript:` is caught.
 */
export function browserForm(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** The scheme of `url`, lower-cased (`javascript`), or undefined for a path. */
export function schemeOf(url: string): string | undefined {
  return SCHEME.exec(browserForm(url))?.[1]?.toLowerCase();
}

/** The scheme of `url` when it is not allowed (e.g. `javascript`), else undefined. */
export function unsafeScheme(url: string): string | undefined {
  const scheme = schemeOf(url);
  return scheme !== undefined && !SAFE_SCHEMES.has(scheme) ? scheme : undefined;
}

/** Why an absolute URL with an allowed scheme is refused: it must parse and name a host. */
function webUrlProblem(cleaned: string): string | undefined {
  if (cleaned.includes('\\')) return 'a backslash, which browsers read as "/"';
  let parsed: URL;
  try {
    parsed = new URL(cleaned);
  } catch {
    return 'a URL that does not parse';
  }
  return parsed.hostname === '' ? 'a URL without a host' : undefined;
}

/** Why `url` is refused as a link on a page (LINK_RULE), or undefined when it is allowed. */
export function linkProblem(url: string): string | undefined {
  const cleaned = browserForm(url);
  if (cleaned === '') return 'an empty URL';
  const scheme = schemeOf(cleaned);
  if (scheme !== undefined) return SAFE_SCHEMES.has(scheme) ? webUrlProblem(cleaned) : `the scheme "${scheme}"`;
  // Browsers read "\" as "/" in http(s) URLs: "/\host" and "\\host" lead to another host.
  if (cleaned.includes('\\')) return 'a backslash, which browsers read as "/"';
  if (cleaned.startsWith('//')) return 'another host without a scheme (write https://…)';
  return undefined;
}

/** Why `url` is refused in a URL field of a talk or speaker file (WEB_URL_RULE), or undefined. */
export function webUrlFieldProblem(url: string): string | undefined {
  const scheme = schemeOf(url);
  if (scheme === undefined) return 'no scheme';
  if (!SAFE_SCHEMES.has(scheme)) return `the scheme "${scheme}"`;
  if (url !== url.trim()) return 'spaces around the URL';
  return webUrlProblem(browserForm(url));
}

/**
 * An image in a turn: the image file's name under the talk's images/ folder, or why it is
 * refused. Only the talk's own files are published (IMAGE_RULE): a remote image would be
 * fetched from another host on every visit (the CSP refuses it) and can change after review.
 */
export function imageFile(url: string): { file: string } | { problem: string } {
  const cleaned = browserForm(url);
  if (schemeOf(cleaned) !== undefined || cleaned.startsWith('//') || cleaned.startsWith('\\\\')) {
    return { problem: 'a remote image (images from other hosts are never published)' };
  }
  const name = cleaned.startsWith(IMAGE_FOLDER) ? cleaned.slice(IMAGE_FOLDER.length) : undefined;
  if (name === undefined || !IMAGE_FILE.test(name))
    return { problem: `an image outside ${IMAGE_FOLDER} or with another name` };
  return { file: `images/${name}` };
}

/** Why `path` is not a normalised page path of this site (`/a/b/`), or undefined. */
function pagePathProblem(path: string): string | undefined {
  if (schemeOf(path) !== undefined) return 'an absolute URL (expected a path starting with "/")';
  if (path.includes('\\')) return 'a backslash, which browsers read as "/"';
  if (/%2e/i.test(path)) return 'an encoded dot "%2e", which can climb out of the site';
  if (path.includes('%')) return 'percent-encoding (expected plain letters, digits, ".", "_", "~" and "-")';
  if (path.includes('?')) return 'a query string (a static page cannot see it)';
  if (!path.startsWith('/')) return 'a path that does not start with "/"';
  if (path.startsWith('//')) return 'another host (a path starting with "//")';
  if (!path.endsWith('/')) return 'a path without its trailing slash (pages are folders: /a/b/)';
  if (path.includes('//')) return 'a doubled slash';
  const segments = path
    .slice(1, -1)
    .split('/')
    .filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..'))
    return 'a "." or ".." segment, which climbs out of the site';
  const odd = segments.find((segment) => !SEGMENT.test(segment));
  return odd === undefined
    ? undefined
    : `the segment ${JSON.stringify(odd)} (expected letters, digits, ".", "_", "~" and "-")`;
}

/**
 * Why `key` cannot be a redirect's old address, or undefined. The build writes the redirect
 * page to `<key>index.html` under the output folder, so the key must be a plain page path that
 * stays inside it; a #fragment never reaches the server, so no page can redirect an anchor.
 */
export function redirectKeyProblem(key: string): string | undefined {
  if (key.includes('#')) {
    return 'an anchor (#…): a static page never sees the #fragment, so an anchor cannot be redirected; keep the anchor on its page instead';
  }
  if (key === '/') return 'the home page';
  return pagePathProblem(key);
}

/**
 * Why `address` is not a site address (`/a/b/` or `/a/b/#anchor`), or undefined: what
 * permalinks.json lists as published and what a redirect may lead to. Never another host.
 */
export function siteAddressProblem(address: string): string | undefined {
  const at = address.indexOf('#');
  const path = at === -1 ? address : address.slice(0, at);
  const problem = path === '/' ? undefined : pagePathProblem(path);
  if (problem !== undefined) return problem;
  if (at === -1) return undefined;
  const fragment = address.slice(at + 1);
  return FRAGMENT.test(fragment) ? undefined : `the fragment ${JSON.stringify(fragment)} (expected an element id)`;
}
