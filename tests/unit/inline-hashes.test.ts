import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { hashHeaders, hashPage, inlineScripts, inlineStyles, sourceHash, withHashes } from '../../src/lib/inline-hashes';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('sourceHash', () => {
  test('is the CSP source of the SHA-256 of the text as UTF-8, base64', () => {
    // Expected values from `printf '…' | openssl dgst -sha256 -binary | base64`.
    expect(sourceHash('a{color:red}')).toBe("'sha256-6hWWMOcF+mJesSJGYhmK2lkIIEw9Xc5XKGLPVzh8yxs='");
    expect(sourceHash('.说{}')).toBe("'sha256-c8P2A4IJ4HbHU8812d11CfOY+IQ+WwrdHTmgZqb/qKw='");
    expect(sourceHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});

describe('inlineStyles and inlineScripts', () => {
  test('read the text of every <style>, with or without attributes, not of style attributes', () => {
    const html = '<head><style>a{}</style><STYLE media="print">\nb{}\n</STYLE></head><p style="c">x</p>';
    expect(inlineStyles(html)).toEqual(['a{}', '\nb{}\n']);
  });

  test('read the text of every script the browser runs inline: not files, not JSON-LD data', () => {
    const html =
      '<script type="module">go()</script><script src="/a.js"></script><SCRIPT>\nb()\n</SCRIPT>' +
      '<script type="application/ld+json">{"@type":"Article"}</script><script type="module" src="/b.js"></script>';
    expect(inlineScripts(html)).toEqual(['go()', '\nb()\n']);
  });
});

describe('withHashes', () => {
  test('adds style hashes to style-src and script hashes to script-src once each, keeping every other directive', () => {
    expect(withHashes(POLICY, { styles: ["'sha256-a'", "'sha256-b'", "'sha256-a'"], scripts: ["'sha256-c'"] })).toBe(
      "default-src 'self'; script-src 'self' 'sha256-c'; style-src 'self' 'sha256-a' 'sha256-b'; img-src 'self' data:",
    );
    expect(withHashes("style-src 'self' 'sha256-a'", { styles: ["'sha256-a'"], scripts: [] })).toBe("style-src 'self' 'sha256-a'");
  });

  test('refuses a policy without the directive it must add to, rather than leave the page blocked', () => {
    expect(() => withHashes("default-src 'self'", { styles: ["'sha256-a'"], scripts: [] })).toThrow(/expected a style-src directive/);
    expect(() => withHashes("style-src 'self'", { styles: [], scripts: ["'sha256-a'"] })).toThrow(/expected a script-src directive/);
    expect(withHashes("default-src 'self'", { styles: [], scripts: [] })).toBe("default-src 'self'");
  });
});

describe('hashPage', () => {
  const page = (head: string) => `<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${POLICY}">${head}</head><body></body></html>`;

  test('names each inline stylesheet and script of the page in its <meta> policy', () => {
    const head = '<style>a{}</style><style>b{}</style><script type="module">go()</script>';
    const { html, hashes } = hashPage(page(head), 'index.html');
    expect(hashes).toEqual({ styles: [sha('a{}'), sha('b{}')], scripts: [sha('go()')] });
    expect(html).toBe(page(head).replace("style-src 'self'", `style-src 'self' ${sha('a{}')} ${sha('b{}')}`).replace("script-src 'self'", `script-src 'self' ${sha('go()')}`));
  });

  test('leaves a page without inline styles or scripts as it is', () => {
    expect(hashPage(page('<script src="/a.js"></script>'), 'index.html')).toEqual({ html: page('<script src="/a.js"></script>'), hashes: { styles: [], scripts: [] } });
  });

  test('stops on a page with inline code and no policy, naming the file', () => {
    expect(() => hashPage('<head><script>go()</script></head>', 'speakers/x/index.html')).toThrow(
      /^speakers\/x\/index\.html: expected a <meta http-equiv="Content-Security-Policy"> to allow its inline styles and scripts, found none$/,
    );
  });
});

describe('hashHeaders', () => {
  test('adds the hashes to every Content-Security-Policy line of _headers and nothing else', () => {
    const headers = `# comment style-src 'self'\n/*\n  Content-Security-Policy: ${POLICY}; frame-ancestors 'none'\n  X-Frame-Options: DENY\n`;
    expect(hashHeaders(headers, { styles: ["'sha256-a'"], scripts: ["'sha256-b'"] })).toBe(
      `# comment style-src 'self'\n/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-b'; style-src 'self' 'sha256-a'; img-src 'self' data:; frame-ancestors 'none'\n  X-Frame-Options: DENY\n`,
    );
  });
});
