/**
 * Inline stylesheets under a strict Content-Security-Policy: every page's CSS is inlined (one
 * less render-blocking request on a first visit, see astro.config.mjs), and instead of
 * 'unsafe-inline' the policy names each <style> by its SHA-256 hash, so any other inline style
 * (injected markup, a `style` attribute) is still refused.
 */
import { createHash } from 'node:crypto';

/** The text of each <style> element of a built page, as the browser hashes it. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((match) => match[1]!);
}

/** A CSP hash source: 'sha256-<base64>'. */
export const styleHash = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

/** The policy with `hashes` added to its style-src directive (which it must have). */
export function withStyleHashes(policy: string, hashes: readonly string[]): string {
  const directives = policy.split(';').map((part) => part.trim());
  const at = directives.findIndex((part) => part.split(/\s+/)[0] === 'style-src');
  if (at === -1) throw new Error(`expected a style-src directive in the Content-Security-Policy, found ${JSON.stringify(policy)}`);
  directives[at] = [...new Set([...directives[at]!.split(/\s+/), ...hashes])].join(' ');
  return directives.join('; ');
}

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i;

/**
 * A built page with its <meta> policy allowing its inline styles. `file` names the page in the
 * error when it has inline styles but no policy to add them to.
 */
export function hashPageStyles(html: string, file: string): { html: string; hashes: string[] } {
  const hashes = [...new Set(inlineStyles(html).map(styleHash))];
  if (hashes.length === 0) return { html, hashes };
  if (!CSP_META.test(html)) throw new Error(`${file}: expected a <meta http-equiv="Content-Security-Policy"> to allow its inline styles, found none`);
  return { html: html.replace(CSP_META, (_, open: string, policy: string, close: string) => `${open}${withStyleHashes(policy, hashes)}${close}`), hashes };
}

/** A Netlify/Cloudflare `_headers` file with the hashes added to every Content-Security-Policy line. */
export function hashHeaderStyles(headers: string, hashes: readonly string[]): string {
  return headers.replace(/^(\s*Content-Security-Policy:\s*)(.*)$/gim, (_, name: string, policy: string) => `${name}${withStyleHashes(policy, hashes)}`);
}
