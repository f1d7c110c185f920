/**
 * Every built page carries the strict Content-Security-Policy as its first <head> element and
 * nothing that policy would block (no inline script or style but the site's script and the
 * stylesheet it names by hash, no style attributes, no event-handler attributes, no script URLs),
 * and _headers repeats the policy with what only a header can say.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, HEADER_CONTENT_SECURITY_POLICY } from '../../src/lib/build/deploy';
import { listFilesSync } from '../../src/lib/files';
import { hashHeaders, inlineScripts, inlineStyles, sourceHash, withHashes } from '../../src/lib/build/inline-hashes';
import { readPage } from '../helpers/dist';
import { distDir, root } from '../helpers/paths';

const pages = listFilesSync(distDir)
  .filter((file) => file.endsWith('.html'))
  .map((file) => `/${file}`);

describe('the Content-Security-Policy', () => {
  test('allows scripts only from the site (and WebAssembly for search), none inline but by hash', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]),
    );
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
    // The page's one inline stylesheet (its components' CSS, merged by Astro) and, where it has
    // one, its one inline script (the site's, src/lib/build/inline-script.ts) are allowed by their
    // hashes, and only they.
    const styles = [...document.querySelectorAll('style')];
    expect(styles).toHaveLength(1);
    expect(styles[0]!.parentElement?.localName).toBe('head');
    // A JSON-LD block is data, not script: browsers do not run it and CSP does not apply.
    const scripts = [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')];
    expect(scripts.length).toBeLessThanOrEqual(1);
    for (const script of scripts) expect(script.getAttribute('type')).toBe('module');
    expect(head[1]?.getAttribute('content')).toBe(
      withHashes(CONTENT_SECURITY_POLICY, {
        styles: [sourceHash(styles[0]!.textContent ?? '')],
        scripts: scripts.map((script) => sourceHash(script.textContent ?? '')),
      }),
    );
    expect(document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')).toHaveLength(1);
    expect(document.querySelectorAll('[style]')).toHaveLength(0);
    const handlers = [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes]
        .filter((attribute) => /^on/i.test(attribute.name))
        .map((attribute) => `<${element.tagName.toLowerCase()} ${attribute.name}>`),
    );
    expect(handlers).toEqual([]);
    // The site icon is an image data: URL (Base.astro); no other data: URL is linked.
    const scriptUrls = [...document.querySelectorAll('[href]:not(link[rel="icon"]), [src], [action]')]
      .map(
        (element) =>
          element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '',
      )
      .filter((url) => /^\s*(javascript|vbscript|data):/i.test(url));
    expect(scriptUrls).toEqual([]);
  });
});

describe('public/_headers', () => {
  // Each page inlines the stylesheets of its own components, and the site's script: every
  // distinct one, in page order.
  const html = pages.map((page) => readFileSync(path.join(distDir, page), 'utf8'));
  const stylesheets = html.flatMap(inlineStyles);
  const scripts = html.flatMap(inlineScripts);
  const headers = readFileSync(path.join(root, 'public/_headers'), 'utf8');
  const rules = headers
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .map((line) => line.trim());

  test('is published with the site, its policy allowing the pages’ stylesheets and script by hash', () => {
    const hashes = {
      styles: [...new Set(stylesheets.map(sourceHash))],
      scripts: [...new Set(scripts.map(sourceHash))],
    };
    expect(hashes.styles.length).toBeGreaterThan(1);
    expect(hashes.scripts).toHaveLength(1);
    expect(readFileSync(path.join(distDir, '_headers'), 'utf8')).toBe(hashHeaders(headers, hashes));
  });

  test('sends the same policy for every path, with frame-ancestors, which a <meta> cannot carry', () => {
    expect(headers).toMatch(/^\/\*$/m);
    expect(rules).toContain(`Content-Security-Policy: ${HEADER_CONTENT_SECURITY_POLICY}`);
    expect(HEADER_CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  test('sets nosniff, a referrer policy and a permissions policy', () => {
    expect(rules).toContain('X-Content-Type-Options: nosniff');
    expect(rules).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    expect(rules.find((rule) => rule.startsWith('Permissions-Policy: '))).toMatch(
      /camera=\(\), microphone=\(\), geolocation=\(\)/,
    );
  });
});
