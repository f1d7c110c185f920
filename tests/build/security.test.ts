/**
 * Every built page carries the strict Content-Security-Policy as its first <head> element and
 * nothing that policy would block (no inline script, no inline style but the stylesheet it names
 * by hash, no style attributes, no event-handler attributes, no script URLs), and _headers
 * repeats the policy with what only a header can say.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, HEADER_CONTENT_SECURITY_POLICY } from '../../src/lib/deploy';
import { listFilesSync } from '../../src/lib/files';
import { hashHeaderStyles, inlineStyles, styleHash, withStyleHashes } from '../../src/lib/style-hashes';
import { readPage } from '../helpers/dist';
import { distDir, root } from '../helpers/paths';

const pages = listFilesSync(distDir).filter((file) => file.endsWith('.html')).map((file) => `/${file}`);

describe('the Content-Security-Policy', () => {
  test('allows scripts only from the site (and WebAssembly for search), never inline', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  test.each(pages)('%s has it as the first element of <head>, and nothing it would block', (page) => {
    const document = readPage(page.replace(/index\.html$/, ''));
    const head = document.head.children;
    // <meta charset> must come first of all; the policy right after it governs the rest.
    expect(head[0]?.getAttribute('charset')).toBe('utf-8');
    expect(head[1]?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    // The page's one inline stylesheet (its components' CSS, merged by Astro) is allowed by its
    // hash, and only it.
    const styles = [...document.querySelectorAll('style')];
    expect(styles).toHaveLength(1);
    expect(styles[0]!.parentElement?.localName).toBe('head');
    expect(head[1]?.getAttribute('content')).toBe(withStyleHashes(CONTENT_SECURITY_POLICY, [styleHash(styles[0]!.textContent ?? '')]));
    expect(document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')).toHaveLength(1);
    // A JSON-LD block is data, not script: browsers do not run it and CSP does not apply.
    expect(document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')).toHaveLength(0);
    expect(document.querySelectorAll('[style]')).toHaveLength(0);
    const handlers = [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `<${element.tagName.toLowerCase()} ${attribute.name}>`),
    );
    expect(handlers).toEqual([]);
    // The site icon is an image data: URL (Base.astro); no other data: URL is linked.
    const scriptUrls = [...document.querySelectorAll('[href]:not(link[rel="icon"]), [src], [action]')]
      .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '')
      .filter((url) => /^\s*(javascript|vbscript|data):/i.test(url));
    expect(scriptUrls).toEqual([]);
  });
});

describe('public/_headers', () => {
  // Each page inlines the stylesheets of its own components: every distinct one, in page order.
  const stylesheets = pages.flatMap((page) => inlineStyles(readFileSync(path.join(distDir, page), 'utf8')));
  const headers = readFileSync(path.join(root, 'public/_headers'), 'utf8');
  const rules = headers
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .map((line) => line.trim());

  test('is published with the site, its policy allowing the pages’ stylesheets by hash', () => {
    const hashes = [...new Set(stylesheets.map(styleHash))];
    expect(hashes.length).toBeGreaterThan(1);
    expect(readFileSync(path.join(distDir, '_headers'), 'utf8')).toBe(hashHeaderStyles(headers, hashes));
  });

  test('sends the same policy for every path, with frame-ancestors, which a <meta> cannot carry', () => {
    expect(headers).toMatch(/^\/\*$/m);
    expect(rules).toContain(`Content-Security-Policy: ${HEADER_CONTENT_SECURITY_POLICY}`);
    expect(HEADER_CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  test('sets nosniff, a referrer policy and a permissions policy', () => {
    expect(rules).toContain('X-Content-Type-Options: nosniff');
    expect(rules).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    expect(rules.find((rule) => rule.startsWith('Permissions-Policy: '))).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  });
});
