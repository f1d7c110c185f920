import { describe, expect, test } from 'vitest';
import { unsafeScheme } from '../../src/lib/url-safety';

describe('unsafeScheme', () => {
  test.each([
    ['https://example.org/', undefined],
    ['http://example.org/a?b#c', undefined],
    ['mailto:editor@example.org', undefined],
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
