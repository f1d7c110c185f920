/**
 * Inline stylesheets and scripts under a strict Content-Security-Policy. Every page's CSS is
 * inlined (one less render-blocking request on a first visit, see astro.config.mjs), and so is
 * the site's small script (src/lib/build/inline-script.ts). Instead of 'unsafe-inline', the policy
 * names each inline <style> (in style-src) and <script> (in script-src) by its SHA-256 hash, so
 * any other inline style or script (injected markup, a `style` or `on…` attribute) is still refused.
 *
 * Only blocks the site's own build produced get a hash, identified by content known before the
 * pages are read (KnownInline): the CSS chunks Astro's bundle inlines, and the scripts
 * inline-pages.ts inlines. Any other inline <script> or <style> in a page stops the build: a
 * hash computed from whatever the page holds would allow injected markup along with it.
 */
import { createHash } from 'node:crypto';

/** The text of each <style> element of a built page, as the browser hashes it. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((match) => match[1]!);
}

/**
 * The text of each inline script the browser runs: <script> elements without `src`, other than
 * data blocks (JSON-LD), which browsers do not run and CSP does not govern.
 */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter(
      ([, attributes = '']) =>
        !/\ssrc\s*=/i.test(attributes) && !/\stype\s*=\s*["']?application\/ld\+json/i.test(attributes),
    )
    .map((match) => match[2]!);
}

/** A CSP hash source: 'sha256-<base64>'. */
export const sourceHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of a page's (or a site's) inline styles and scripts, each list without repeats. */
export interface InlineHashes {
  styles: string[];
  scripts: string[];
}

function withSources(policy: string, directive: string, sources: readonly string[]): string {
  if (sources.length === 0) return policy;
  const directives = policy.split(';').map((part) => part.trim());
  const at = directives.findIndex((part) => part.split(/\s+/)[0] === directive);
  if (at === -1)
    throw new Error(
      `expected a ${directive} directive in the Content-Security-Policy, found ${JSON.stringify(policy)}`,
    );
  directives[at] = [...new Set([...directives[at]!.split(/\s+/), ...sources])].join(' ');
  return directives.join('; ');
}

/** The policy with the style hashes added to style-src and the script hashes to script-src (each must be there when it has hashes to add). */
export function withHashes(policy: string, { styles, scripts }: InlineHashes): string {
  return withSources(withSources(policy, 'style-src', styles), 'script-src', scripts);
}

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i;

/** What the site's own build inlines, known before any page is read. */
export interface KnownInline {
  /** The CSS chunks of the bundle: a page's <style> is one or more of them, concatenated. */
  styles: readonly string[];
  /** The code of each script inline-pages.ts inlines (a <script type="module">). */
  scripts: ReadonlySet<string>;
}

/** True when `text` is `pieces` (each any number of times, in any order) concatenated. */
export function isConcatenationOf(text: string, pieces: readonly string[]): boolean {
  const usable = [...new Set(pieces)].filter((piece) => piece !== '');
  const reached = new Set<number>([0]);
  for (let at = 0; at < text.length; at += 1) {
    if (!reached.has(at)) continue;
    for (const piece of usable) if (text.startsWith(piece, at)) reached.add(at + piece.length);
  }
  return text !== '' && reached.has(text.length);
}

const BLOCK = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
const OPENING = /<(script|style)\b/i;
const clip = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** A JSON-LD data block: browsers do not run it, and CSP does not govern it. */
function isDataBlock(attributes: string, text: string): boolean {
  if (!/\stype\s*=\s*["']?application\/ld\+json["'\s>]?/i.test(attributes)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The hashes of a page's inline styles and scripts, each checked against `known`. `file` names
 * the page in the error on the first block the site's build did not produce.
 */
export function knownHashes(html: string, file: string, known: KnownInline): InlineHashes {
  const styles = new Set<string>();
  const scripts = new Set<string>();
  const refuse = (what: string, text: string) => {
    throw new Error(
      `${file}: Unexpected inline ${what} ${clip(text.trim())}: expected only the stylesheets and scripts the site's own build inlines (docs/security.md, the CSP contract)`,
    );
  };
  for (const [, tag, attributes = '', text = ''] of html.matchAll(BLOCK)) {
    if (tag!.toLowerCase() === 'style') {
      if (!isConcatenationOf(text, known.styles)) refuse('<style>', text);
      styles.add(sourceHash(text));
    } else if (/\ssrc\s*=/i.test(attributes) && text.trim() === '') {
      continue; // a script file: 'self' allows it
    } else if (isDataBlock(attributes, text)) {
      continue;
    } else {
      if (!known.scripts.has(text) || !/\stype\s*=\s*["']?module["'\s>]?/i.test(attributes)) refuse('<script>', text);
      scripts.add(sourceHash(text));
    }
  }
  // An opening tag left over has no end tag the browser agrees on: never allow it.
  const rest = html.replace(BLOCK, '');
  const stray = OPENING.exec(rest);
  if (stray) refuse(`<${stray[1]!.toLowerCase()}>`, rest.slice(stray.index));
  return { styles: [...styles], scripts: [...scripts] };
}

/**
 * A built page with its <meta> policy allowing its inline styles and scripts, each of which
 * must be one the site's build produced (`known`). `file` names the page in errors: an unknown
 * inline block, or inline styles or scripts but no policy to add them to.
 */
export function hashPage(html: string, file: string, known: KnownInline): { html: string; hashes: InlineHashes } {
  const hashes = knownHashes(html, file, known);
  if (hashes.styles.length + hashes.scripts.length === 0) return { html, hashes };
  if (!CSP_META.test(html)) {
    throw new Error(
      `${file}: expected a <meta http-equiv="Content-Security-Policy"> to allow its inline styles and scripts, found none`,
    );
  }
  return {
    html: html.replace(
      CSP_META,
      (_, open: string, policy: string, close: string) => `${open}${withHashes(policy, hashes)}${close}`,
    ),
    hashes,
  };
}

/** A Netlify/Cloudflare `_headers` file with the hashes added to every Content-Security-Policy line. */
export function hashHeaders(headers: string, hashes: InlineHashes): string {
  return headers.replace(
    /^(\s*Content-Security-Policy:\s*)(.*)$/gim,
    (_, name: string, policy: string) => `${name}${withHashes(policy, hashes)}`,
  );
}
