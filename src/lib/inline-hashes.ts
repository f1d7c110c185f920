/**
 * Inline stylesheets and scripts under a strict Content-Security-Policy. Every page's CSS is
 * inlined (one less render-blocking request on a first visit, see astro.config.mjs), and so is
 * the site's small script (src/lib/inline-script.ts). Instead of 'unsafe-inline', the policy
 * names each inline <style> (in style-src) and <script> (in script-src) by its SHA-256 hash, so
 * any other inline style or script (injected markup, a `style` or `on…` attribute) is still refused.
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
    .filter(([, attributes = '']) => !/\ssrc\s*=/i.test(attributes) && !/\stype\s*=\s*["']?application\/ld\+json/i.test(attributes))
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
  if (at === -1) throw new Error(`expected a ${directive} directive in the Content-Security-Policy, found ${JSON.stringify(policy)}`);
  directives[at] = [...new Set([...directives[at]!.split(/\s+/), ...sources])].join(' ');
  return directives.join('; ');
}

/** The policy with the style hashes added to style-src and the script hashes to script-src (each must be there when it has hashes to add). */
export function withHashes(policy: string, { styles, scripts }: InlineHashes): string {
  return withSources(withSources(policy, 'style-src', styles), 'script-src', scripts);
}

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i;

/**
 * A built page with its <meta> policy allowing its inline styles and scripts. `file` names the
 * page in the error when it has inline styles or scripts but no policy to add them to.
 */
export function hashPage(html: string, file: string): { html: string; hashes: InlineHashes } {
  const hashes: InlineHashes = {
    styles: [...new Set(inlineStyles(html).map(sourceHash))],
    scripts: [...new Set(inlineScripts(html).map(sourceHash))],
  };
  if (hashes.styles.length + hashes.scripts.length === 0) return { html, hashes };
  if (!CSP_META.test(html)) {
    throw new Error(`${file}: expected a <meta http-equiv="Content-Security-Policy"> to allow its inline styles and scripts, found none`);
  }
  return { html: html.replace(CSP_META, (_, open: string, policy: string, close: string) => `${open}${withHashes(policy, hashes)}${close}`), hashes };
}

/** A Netlify/Cloudflare `_headers` file with the hashes added to every Content-Security-Policy line. */
export function hashHeaders(headers: string, hashes: InlineHashes): string {
  return headers.replace(/^(\s*Content-Security-Policy:\s*)(.*)$/gim, (_, name: string, policy: string) => `${name}${withHashes(policy, hashes)}`);
}
