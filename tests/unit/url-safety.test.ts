import { describe, expect, test } from 'vitest';
import {
  imageFile,
  linkProblem,
  redirectKeyProblem,
  siteAddressProblem,
  unsafeScheme,
  webUrlFieldProblem,
} from '../../src/lib/url-safety';

describe('unsafeScheme', () => {
  test.each([
    ['https://example.org/', undefined],
    ['http://example.org/a?b#c', undefined],
    ['mailto:editor@example.org', 'mailto'],
    ['/waic-2023-roundtable/#xu-li-opening', undefined],
    ['#quote-embodied-agents', undefined],
    ['../other/', undefined],
    ['page?x=javascript:1', undefined],
    ['javascript:alert(1)', 'javascript'],
    ['JavaScript:alert(1)', 'javascript'],
    [' \u0001javascript:alert(1)', 'javascript'],
    ['java\tscr\nipt:alert(1)', 'javascript'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['file:///etc/passwd', 'file'],
  ])('%j → %j', (url, expected) => {
    expect(unsafeScheme(url)).toBe(expected);
  });
});

describe('linkProblem: http(s), or a path on this site', () => {
  test.each([
    'https://example.org/',
    'http://example.org/a?b#c',
    '/waic-2023-roundtable/#xu-li-opening',
    '#quote-embodied-agents',
    '../other/',
    'page?x=javascript:1',
  ])('allows %j', (url) => {
    expect(linkProblem(url)).toBeUndefined();
  });

  test.each([
    ['javascript:alert(1)', 'the scheme "javascript"'],
    ['java\tscript:alert(1)', 'the scheme "javascript"'],
    ['data:text/html,<script>alert(1)</script>', 'the scheme "data"'],
    ['mailto:editor@example.org', 'the scheme "mailto"'],
    ['//evil.example/', 'another host without a scheme (write https://…)'],
    ['/\\evil.example/', 'a backslash, which browsers read as "/"'],
    ['https:\\\\evil.example', 'a backslash, which browsers read as "/"'],
    ['https://', 'a URL that does not parse'],
    ['', 'an empty URL'],
  ])('refuses %j: %s', (url, problem) => {
    expect(linkProblem(url)).toBe(problem);
  });
});

describe('webUrlFieldProblem: URL fields are http(s) only', () => {
  test.each(['https://www.worldaic.com.cn/', 'http://example.org/a?b#c'])('allows %j', (url) => {
    expect(webUrlFieldProblem(url)).toBeUndefined();
  });

  test.each([
    ['javascript:alert(1)', 'the scheme "javascript"'],
    ['data:text/html,<b>x</b>', 'the scheme "data"'],
    ['/waic-2023-roundtable/', 'no scheme'],
    ['//evil.example/', 'no scheme'],
    [' https://example.org/', 'spaces around the URL'],
  ])('refuses %j: %s', (url, problem) => {
    expect(webUrlFieldProblem(url)).toBe(problem);
  });
});

describe('imageFile: only the talk’s own images/ files', () => {
  test.each([
    ['../images/chart.png', 'images/chart.png'],
    ['../images/figure-2.jpeg', 'images/figure-2.jpeg'],
    ['../images/a1.webp', 'images/a1.webp'],
  ])('%j is %j', (url, file) => {
    expect(imageFile(url)).toEqual({ file });
  });

  test.each([
    ['https://evil.example/t.png', 'a remote image (images from other hosts are never published)'],
    ['//evil.example/t.png', 'a remote image (images from other hosts are never published)'],
    ['data:image/png;base64,AAAA', 'a remote image (images from other hosts are never published)'],
    ['x', 'an image outside ../images/ or with another name'],
    ['../images/../../secret.png', 'an image outside ../images/ or with another name'],
    ['../images/Chart.PNG', 'an image outside ../images/ or with another name'],
    ['../images/chart.svg', 'an image outside ../images/ or with another name'],
    ['/waic-2023-roundtable/q/embodied-agents.png', 'an image outside ../images/ or with another name'],
  ])('refuses %j: %s', (url, problem) => {
    expect(imageFile(url)).toEqual({ problem });
  });
});

describe('redirectKeyProblem: a page path that stays inside the output folder', () => {
  test.each(['/old-talk/', '/waic-2023-roundtable/q/old-name/', '/a.b/c_d/~e/'])('allows %j', (key) => {
    expect(redirectKeyProblem(key)).toBeUndefined();
  });

  test.each([
    ['/../traversal-demo/', 'a "." or ".." segment, which climbs out of the site'],
    ['/a/./b/', 'a "." or ".." segment, which climbs out of the site'],
    ['/%2e%2e/traversal-demo/', 'an encoded dot "%2e", which can climb out of the site'],
    ['/%2E%2e/x/', 'an encoded dot "%2e", which can climb out of the site'],
    ['/caf%C3%A9/', 'percent-encoding (expected plain letters, digits, ".", "_", "~" and "-")'],
    ['/a\\..\\b/', 'a backslash, which browsers read as "/"'],
    [
      '/waic-2023-roundtable/#yao-paperwork',
      'an anchor (#…): a static page never sees the #fragment, so an anchor cannot be redirected; keep the anchor on its page instead',
    ],
    ['/old/?page=2', 'a query string (a static page cannot see it)'],
    ['https://evil.example/old/', 'an absolute URL (expected a path starting with "/")'],
    ['//evil.example/old/', 'another host (a path starting with "//")'],
    ['/a//b/', 'a doubled slash'],
    ['old/', 'a path that does not start with "/"'],
    ['/old', 'a path without its trailing slash (pages are folders: /a/b/)'],
    ['/', 'the home page'],
    ['/a b/', 'the segment "a b" (expected letters, digits, ".", "_", "~" and "-")'],
  ])('refuses %j: %s', (key, problem) => {
    expect(redirectKeyProblem(key)).toBe(problem);
  });
});

describe('siteAddressProblem: redirect targets and published addresses stay on the site', () => {
  test.each([
    '/',
    '/waic-2023-roundtable/',
    '/waic-2023-roundtable/#yao-paperwork',
    '/waic-2023-roundtable/q/embodied-agents/',
  ])('allows %j', (address) => {
    expect(siteAddressProblem(address)).toBeUndefined();
  });

  test.each([
    ['javascript:alert(1)', 'an absolute URL (expected a path starting with "/")'],
    ['https://evil.example/', 'an absolute URL (expected a path starting with "/")'],
    ['//evil.example/', 'another host (a path starting with "//")'],
    ['/\\evil.example/', 'a backslash, which browsers read as "/"'],
    ['/../x/', 'a "." or ".." segment, which climbs out of the site'],
    ['/t/#', 'the fragment "" (expected an element id)'],
    ['/t/#a"b', 'the fragment "a\\"b" (expected an element id)'],
  ])('refuses %j: %s', (address, problem) => {
    expect(siteAddressProblem(address)).toBe(problem);
  });
});
