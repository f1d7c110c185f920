import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { hashHeaderStyles, hashPageStyles, inlineStyles, styleHash, withStyleHashes } from '../../src/lib/style-hashes';

const POLICY = "default-src 'self'; style-src 'self'; img-src 'self' data:";
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('styleHash', () => {
  test('is the CSP source of the SHA-256 of the text as UTF-8, base64', () => {
    expect(styleHash('a{color:red}')).toBe(sha('a{color:red}'));
    expect(styleHash('.说{}')).toBe(sha('.说{}'));
    expect(styleHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});

describe('inlineStyles', () => {
  test('reads the text of every <style>, with or without attributes, not of style attributes', () => {
    const html = '<head><style>a{}</style><STYLE media="print">\nb{}\n</STYLE></head><p style="c">x</p>';
    expect(inlineStyles(html)).toEqual(['a{}', '\nb{}\n']);
  });
});

describe('withStyleHashes', () => {
  test('adds the hashes to style-src once each, keeping every other directive', () => {
    expect(withStyleHashes(POLICY, ["'sha256-a'", "'sha256-b'", "'sha256-a'"])).toBe(
      "default-src 'self'; style-src 'self' 'sha256-a' 'sha256-b'; img-src 'self' data:",
    );
    expect(withStyleHashes("style-src 'self' 'sha256-a'", ["'sha256-a'"])).toBe("style-src 'self' 'sha256-a'");
  });

  test('refuses a policy without style-src rather than leave the styles blocked', () => {
    expect(() => withStyleHashes("default-src 'self'", ["'sha256-a'"])).toThrow(/expected a style-src directive/);
  });
});

describe('hashPageStyles', () => {
  const page = (head: string) => `<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${POLICY}">${head}</head><body></body></html>`;

  test('names each inline stylesheet of the page in its <meta> policy', () => {
    const { html, hashes } = hashPageStyles(page('<style>a{}</style><style>b{}</style>'), 'index.html');
    expect(hashes).toEqual([sha('a{}'), sha('b{}')]);
    expect(html).toBe(page('<style>a{}</style><style>b{}</style>').replace("style-src 'self'", `style-src 'self' ${sha('a{}')} ${sha('b{}')}`));
  });

  test('leaves a page without inline styles as it is', () => {
    expect(hashPageStyles(page(''), 'index.html')).toEqual({ html: page(''), hashes: [] });
  });

  test('stops on a page with inline styles and no policy, naming the file', () => {
    expect(() => hashPageStyles('<head><style>a{}</style></head>', 'speakers/x/index.html')).toThrow(
      /^speakers\/x\/index\.html: expected a <meta http-equiv="Content-Security-Policy"> to allow its inline styles, found none$/,
    );
  });
});

describe('hashHeaderStyles', () => {
  test('adds the hashes to every Content-Security-Policy line of _headers and nothing else', () => {
    const headers = `# comment style-src 'self'\n/*\n  Content-Security-Policy: ${POLICY}; frame-ancestors 'none'\n  X-Frame-Options: DENY\n`;
    expect(hashHeaderStyles(headers, ["'sha256-a'"])).toBe(
      `# comment style-src 'self'\n/*\n  Content-Security-Policy: default-src 'self'; style-src 'self' 'sha256-a'; img-src 'self' data:; frame-ancestors 'none'\n  X-Frame-Options: DENY\n`,
    );
  });
});
