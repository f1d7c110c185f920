import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/lib/content/catalog';
import {
  addressesOfPage,
  checkPermalinks,
  formatPermalinks,
  joinPublished,
  parsePermalinks,
  readPermalinks,
  unlisted,
} from '../../src/lib/sharing/permalinks';
import { root } from '../helpers/paths';

const published = ['/t/', '/t/#turn-a', '/t/#quote-x', '/t/q/x/'];

const GONE_ANCHOR = (address: string) =>
  `permalink ${JSON.stringify(address)}: expected it to stay published, found it gone: restore the anchor (an anchor cannot be redirected; keep the turn's anchor or the quote's id as published)`;
const GONE_PAGE = (address: string) =>
  `permalink ${JSON.stringify(address)}: expected it to stay published or to have a redirect, found neither: restore the page, or add "redirects": { ${JSON.stringify(address)}: "<where it moved>" } to content/permalinks.json`;

describe('checkPermalinks', () => {
  test('passes when every listed address is still published, new ones or not', () => {
    expect(checkPermalinks({ published, redirects: {} }, [...published, '/t/#new-turn'])).toEqual([]);
  });

  test('fails when a turn anchor disappears, saying to restore it', () => {
    expect(checkPermalinks({ published, redirects: {} }, ['/t/', '/t/#quote-x', '/t/q/x/'])).toEqual([
      GONE_ANCHOR('/t/#turn-a'),
    ]);
  });

  test('fails when a key quote is deleted: its anchor and its share page', () => {
    expect(checkPermalinks({ published, redirects: {} }, ['/t/', '/t/#turn-a'])).toEqual([
      GONE_ANCHOR('/t/#quote-x'),
      GONE_PAGE('/t/q/x/'),
    ]);
  });

  test('fails when a share page moves without a redirect, and passes with one', () => {
    const current = ['/t/', '/t/#turn-a', '/t/#quote-x', '/t/q/y/'];
    expect(checkPermalinks({ published, redirects: {} }, current)).toEqual([GONE_PAGE('/t/q/x/')]);
    expect(checkPermalinks({ published, redirects: { '/t/q/x/': '/t/q/y/' } }, current)).toEqual([]);
  });

  test('rejects a redirect to an address that is not published, and accepts one to another built page', () => {
    const current = ['/t/', '/t/#turn-a', '/t/#quote-x'];
    expect(checkPermalinks({ published, redirects: { '/t/q/x/': '/t/q/gone/' } }, current)).toEqual([
      'redirect "/t/q/x/" → "/t/q/gone/": expected a published target, found "/t/q/gone/" missing',
    ]);
    expect(checkPermalinks({ published, redirects: { '/t/q/x/': '/speakers/a/' } }, current, ['/speakers/a/'])).toEqual(
      [],
    );
  });

  test('rejects a redirect from an anchor, which no static page can serve', () => {
    const current = ['/t/', '/t/#turn-b', '/t/#quote-x', '/t/q/x/'];
    expect(checkPermalinks({ published, redirects: { '/t/#turn-a': '/t/#turn-b' } }, current)).toEqual([
      'redirect from "/t/#turn-a": expected a page path, found an anchor (a static page never sees the #fragment; keep the anchor on its page instead)',
    ]);
  });

  test('rejects a redirect from a page that is still published', () => {
    expect(checkPermalinks({ published, redirects: { '/t/q/x/': '/t/' } }, published)).toEqual([
      'redirect from "/t/q/x/": expected a path that is no longer published, found it still published (remove the redirect)',
    ]);
  });
});

describe('unlisted and joinPublished: new addresses join the list', () => {
  test('unlisted names published addresses the list does not promise yet', () => {
    expect(unlisted({ published, redirects: {} }, [...published, '/t/#turn-new'])).toEqual(['/t/#turn-new']);
  });

  test('joinPublished keeps every listed address (gone ones too), adds the new, and sorts', () => {
    const file = { published: ['/t/#turn-a', '/old/'], redirects: { '/old/': '/t/' } };
    expect(joinPublished(file, ['/u/', '/t/', '/t/#turn-a'])).toEqual({
      published: ['/old/', '/t/', '/t/#turn-a', '/u/'],
      redirects: { '/old/': '/t/' },
    });
  });

  test('the file a build would write for the project’s content is the file as committed', () => {
    const text = readFileSync(path.join(root, 'content/permalinks.json'), 'utf8');
    const file = readPermalinks(path.join(root, 'content'));
    expect(formatPermalinks(joinPublished(file, file.published))).toBe(text);
  });
});

describe('the permalink file’s shape', () => {
  const problemsOf = (data: unknown): string[] => {
    try {
      parsePermalinks(data, 'content/permalinks.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return (error as ContentError).problems.map((problem) => `${problem.field ?? ''}: ${problem.message}`);
    }
    throw new Error('expected the file to be refused');
  };

  test('reads content/permalinks.json as a list of addresses and a map of redirects', () => {
    const file = readPermalinks(path.join(root, 'content'));
    expect(file.published).toContain('/waic-2023-roundtable/q/embodied-agents/');
    expect(file.published).toContain('/waic-2023-roundtable/#yao-rl-breakthrough');
    expect(file.published).toContain('/waic-2023-roundtable/#quote-embodied-agents');
  });

  test.each([
    ['/../traversal-demo/', 'a "." or ".." segment, which climbs out of the site'],
    ['/%2E%2e/traversal-demo/', 'an encoded dot "%2e", which can climb out of the site'],
    [
      '/waic-2023-roundtable/#yao-paperwork',
      'an anchor (#…): a static page never sees the #fragment, so an anchor cannot be redirected; keep the anchor on its page instead',
    ],
    ['https://evil.example/', 'an absolute URL (expected a path starting with "/")'],
  ])('refuses the redirect key %j, naming the field', (key, problem) => {
    expect(problemsOf({ published: [], redirects: { [key]: '/t/' } })).toEqual([
      `redirects[${JSON.stringify(key)}]: Unexpected redirect from ${JSON.stringify(key)}: expected a page path such as /talk/q/old-name/, found ${problem}`,
    ]);
  });

  test.each([
    ['javascript:alert(1)', 'an absolute URL (expected a path starting with "/")'],
    ['https://evil.example/', 'an absolute URL (expected a path starting with "/")'],
    ['//evil.example/', 'another host (a path starting with "//")'],
  ])('refuses the redirect target %j (no open redirect)', (target, problem) => {
    expect(problemsOf({ published: [], redirects: { '/old/': target } })).toEqual([
      `redirects["/old/"]: expected an address on this site (/talk/ or /talk/#anchor), found ${JSON.stringify(target)}: ${problem}`,
    ]);
  });

  test('refuses an unknown field, a missing list and a published address off the site', () => {
    expect(problemsOf({ published: ['/t/', 'https://evil.example/'], redirect: {} })).toEqual([
      'redirect: Unexpected field "redirect", expected one of: published, redirects',
      'redirects: expected a mapping of keys to values, found nothing (the field is required)',
      'published[1]: expected an address on this site (/talk/ or /talk/#anchor), found "https://evil.example/": an absolute URL (expected a path starting with "/")',
    ]);
  });
});

describe('addressesOfPage', () => {
  const reader =
    '<html><head></head><body><article class="turn" id="a-opens"><p>甲<mark class="key-quote" id="quote-q1">乙</mark></p></article><article class="turn" id="b-answers"></article></body></html>';

  test('a reader publishes its address, its turns’ anchors and its key quotes’ anchors', () => {
    expect(addressesOfPage('/t/', reader)).toEqual(['/t/', '/t/#a-opens', '/t/#b-answers', '/t/#quote-q1']);
  });

  test('a share page publishes its address; a redirect page and other pages nothing', () => {
    expect(addressesOfPage('/t/q/q1/', '<html><body><h1>q</h1></body></html>')).toEqual(['/t/q/q1/']);
    expect(
      addressesOfPage('/t/q/old/', '<html><head><meta http-equiv="refresh" content="0; url=/t/q/q1/"></head></html>'),
    ).toEqual([]);
    expect(addressesOfPage('/search/', '<html><body></body></html>')).toEqual([]);
    expect(addressesOfPage('/speakers/a/', reader)).toEqual([]);
  });
});
