/**
 * src/lib/build/: what runs only at build time, around Astro rather than inside a page: where the
 * site is published and its security policy (this file), the hashes that let inline scripts
 * and styles pass that policy (inline-hashes.ts, inline-script.ts, used by
 * src/integrations/inline-pages.ts), the Vite preload unwrapping (preload-unwrap.ts, used by
 * src/plugins/vite-unwrap-preload.ts), and the check of the built dist/ folder (dist-check.ts,
 * run by npm run check:site).
 *
 * Where the site is published, and the security policy every page carries. Read by
 * astro.config.mjs (HUITAN_SITE, HUITAN_BASE), src/layouts/Base.astro (the CSP meta tag) and
 * the post-build check, so the three never disagree.
 */

/**
 * The origin pages are published at when HUITAN_SITE is not set: the address `npm start`
 * serves. Canonical URLs are always absolute, so a deploy must set HUITAN_SITE.
 */
export const DEFAULT_SITE = 'http://127.0.0.1:4321';

/** HUITAN_SITE as a URL with a trailing slash; the default when unset or empty. */
export function siteOrigin(value: string | undefined): string {
  const url = new URL(value && value.trim() !== '' ? value.trim() : DEFAULT_SITE);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`HUITAN_SITE: expected an http(s) URL, found ${JSON.stringify(value)}`);
  }
  return url.origin + '/';
}

/** HUITAN_BASE as Astro's base with a leading and trailing slash: '' → '/', 'huitan' → '/huitan/'. */
export function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed !== '' && !/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) {
    throw new Error(`HUITAN_BASE: expected a path like /huitan/, found ${JSON.stringify(value)}`);
  }
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * The Content-Security-Policy of every page (a <meta> tag, so it holds on any host).
 * 'wasm-unsafe-eval' lets Pagefind run its WebAssembly; no 'unsafe-inline' anywhere: the build
 * adds the hash of each page's inline stylesheet and site script (src/lib/build/inline-hashes.ts), and
 * any other inline script or style is refused. data: images are for small icons only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * What only an HTTP header can say (a <meta> CSP ignores frame-ancestors): the full policy for
 * public/_headers, with framing by other sites forbidden.
 */
export const HEADER_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
