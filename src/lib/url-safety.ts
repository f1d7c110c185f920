/**
 * Which link URLs content may carry. A Markdown link such as `[x](javascript:alert(1))` is not
 * raw HTML, yet would run script when clicked: content links may only be http(s), mailto or
 * relative. Used by the content check (src/lib/catalog.ts) and remark-reject-html.
 */

/** Schemes a link in content may use. */
export const SAFE_LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

/**
 * The scheme of `url` when it is not allowed (lower-cased, e.g. `javascript`), else undefined.
 * Reads the URL as a browser does: ASCII tabs and newlines anywhere, and leading control
 * characters and spaces, are dropped before the scheme is read.
 */
export function unsafeScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
  return scheme !== undefined && !SAFE_LINK_SCHEMES.has(scheme) ? scheme : undefined;
}
