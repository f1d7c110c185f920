import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkPermalinks, readPermalinks, unlisted } from '../../src/lib/permalinks';
import { root } from '../helpers/paths';

const published = ['/t/', '/t/#turn-a', '/t/#quote-x', '/t/q/x/'];

describe('checkPermalinks', () => {
  test('passes when every listed URL is still published', () => {
    expect(checkPermalinks({ published, redirects: {} }, [...published, '/t/#new-turn'])).toEqual([]);
  });

  test('fails when a turn anchor disappears', () => {
    expect(checkPermalinks({ published, redirects: {} }, ['/t/', '/t/#quote-x', '/t/q/x/'])).toEqual([
      'permalink "/t/#turn-a": expected it to stay published or to have a redirect in content/permalinks.json, found neither',
    ]);
  });

  test('fails when a share page moves without a redirect, and passes with one', () => {
    const current = ['/t/', '/t/#turn-a', '/t/#quote-x', '/t/q/y/'];
    expect(checkPermalinks({ published, redirects: {} }, current)).toEqual([
      'permalink "/t/q/x/": expected it to stay published or to have a redirect in content/permalinks.json, found neither',
    ]);
    expect(checkPermalinks({ published, redirects: { '/t/q/x/': '/t/q/y/' } }, current)).toEqual([]);
  });

  test('rejects a redirect to a URL that is not published', () => {
    const current = ['/t/', '/t/#turn-a', '/t/#quote-x'];
    expect(checkPermalinks({ published, redirects: { '/t/q/x/': '/t/q/gone/' } }, current)).toEqual([
      'redirect "/t/q/x/" → "/t/q/gone/": expected a published target, found "/t/q/gone/" missing',
    ]);
  });

  test('rejects a redirect from an anchor, which no static page can serve', () => {
    const current = ['/t/', '/t/#turn-b', '/t/#quote-x', '/t/q/x/'];
    expect(checkPermalinks({ published, redirects: { '/t/#turn-a': '/t/#turn-b' } }, current)).toEqual([
      'redirect from "/t/#turn-a": expected a page path, found an anchor (static redirects cannot see #fragments; keep the anchor instead)',
    ]);
  });

  test('rejects a redirect from a page that is still published', () => {
    expect(checkPermalinks({ published, redirects: { '/t/q/x/': '/t/' } }, published)).toEqual([
      'redirect from "/t/q/x/": expected a path that is no longer published, found it still published',
    ]);
  });
});

describe('unlisted', () => {
  test('names published URLs the list does not promise yet', () => {
    expect(unlisted({ published, redirects: {} }, [...published, '/t/#turn-new'])).toEqual(['/t/#turn-new']);
  });
});

describe('content/permalinks.json', () => {
  test('reads as a list of published URLs and a map of redirects', () => {
    const file = readPermalinks(path.join(root, 'content'));
    expect(file.published).toContain('/waic-2023-roundtable/q/embodied-agents/');
    expect(file.published).toContain('/waic-2023-roundtable/#yao-rl-breakthrough');
    expect(file.published).toContain('/waic-2023-roundtable/#quote-embodied-agents');
  });
});
