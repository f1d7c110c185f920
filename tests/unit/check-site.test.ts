/**
 * The post-build check end to end on tiny sites written to a temp folder: it reads pages,
 * stylesheets, the sitemap and Pagefind's index, and names each problem's page and element.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { checkSite, formatReport, readSearchIndexUrls } from '../../src/cli/check-site';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/build/deploy';

const OPTIONS = { base: '/', site: 'https://huitan.example/', lang: 'zh-CN' };
let dir: string | undefined;

function site(files: Record<string, string | Buffer>): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huitan-check-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const page = (url: string, body: string) => `<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
    <title>页面</title>
    <meta name="description" content="说明">
    <link rel="canonical" href="https://huitan.example${url}">
    <link rel="stylesheet" href="/a.css">
  </head>
  <body>
    <main id="main">${body}</main>
  </body>
</html>
`;

const fragment = (record: object) =>
  gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(record))]));

describe('checkSite', () => {
  test('passes a small valid site and counts what it checked', async () => {
    const out = site({
      'index.html': page('/', '<h1>会谈</h1><p><a href="/talk/#turn">去</a></p>'),
      'talk/index.html': page('/talk/', '<h1>实录</h1><article id="turn"><p><a href="#turn">#</a></p></article>'),
      'a.css': 'body { background: url("/bg.png"); }',
      'bg.png': 'png',
      'sitemap-0.xml': '<urlset><url><loc>https://huitan.example/talk/</loc></url></urlset>',
      'pagefind/fragment/zh-cn_1.pf_fragment': fragment({ url: '/talk/#turn' }),
    });
    const report = await checkSite(out, OPTIONS);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ pages: 2, stylesheets: 1, sitemapUrls: 1, searchUrls: 1, skipped: [] });
    // Canonical ×2, stylesheet ×2, two <a>, url(), sitemap, search index.
    expect(report.tally).toEqual({ links: 9, anchors: 3, external: 0 });
    expect(formatReport(out, OPTIONS, report)).toContain('no problems');
  });

  test('names the page and element of invalid HTML, a broken link and a stale search result', async () => {
    const out = site({
      'index.html': page('/', '<h1>会谈</h1><p><a href="/gone/">去</a></p><div><p>未闭合</div>'),
      'a.css': '',
      'pagefind/fragment/zh-cn_1.pf_fragment': fragment({ url: '/old/#turn' }),
    });
    const report = await checkSite(out, OPTIONS);
    expect(report.problems.map((problem) => `${problem.page} | ${problem.element} | ${problem.message}`)).toEqual([
      '/ | #main > div > p (line 12:67) | Element <p> is implicitly closed by parent </div> (html-validate no-implicit-close)',
      '/ | <a href="/gone/"> "去" | "/gone/" does not exist (no gone/index.html)',
      'pagefind index | result URL "/old/#turn" | "/old/" does not exist (no old/index.html)',
    ]);
    expect(formatReport(out, OPTIONS, report)).toContain('3 problem(s):');
  });

  test('says what it skipped when the build has no sitemap or search index', async () => {
    const report = await checkSite(site({ 'index.html': page('/', '<h1>会谈</h1>'), 'a.css': '' }), OPTIONS);
    expect(report.skipped).toEqual([
      'sitemap: the build has no sitemap*.xml',
      'search index: the build has no pagefind/ folder',
    ]);
  });

  test('holds the site to content/permalinks.json: a renamed anchor or a deleted share page is a problem', async () => {
    const reader = '<h1>实录</h1><article class="turn" id="turn-b"><p>话</p></article>';
    const out = site({
      'index.html': page('/', '<h1>会谈</h1>'),
      'talk/index.html': page('/talk/', reader),
      'a.css': '',
    });
    const permalinks = { published: ['/talk/', '/talk/#turn-a', '/talk/#turn-b', '/talk/q/x/'], redirects: {} };
    const report = await checkSite(out, OPTIONS, permalinks);
    expect(report.problems.map((problem) => `${problem.page} | ${problem.message}`)).toEqual([
      'content/permalinks.json | permalink "/talk/#turn-a": expected it to stay published, found it gone: restore the anchor (an anchor cannot be redirected; keep the turn\'s anchor or the quote\'s id as published)',
      'content/permalinks.json | permalink "/talk/q/x/": expected it to stay published or to have a redirect, found neither: restore the page, or add "redirects": { "/talk/q/x/": "<where it moved>" } to content/permalinks.json',
    ]);
    expect(report.permalinks).toBe(4);
    expect(formatReport(out, OPTIONS, report)).toContain(
      '4 permalinks of content/permalinks.json still published or redirected',
    );
  });

  test('refuses a folder that was not built', async () => {
    await expect(checkSite(site({ 'x.txt': '' }), OPTIONS)).rejects.toThrow(
      /found no index.html: run `npm run build` first/,
    );
  });
});

describe('readSearchIndexUrls', () => {
  test('reads the URL of every Pagefind fragment', () => {
    const out = site({
      'pagefind/fragment/a.pf_fragment': fragment({ url: '/a/#x', content: '甲' }),
      'pagefind/fragment/b.pf_fragment': fragment({ url: '/b/' }),
      'pagefind/fragment/notes.txt': 'not a fragment',
    });
    expect(readSearchIndexUrls(path.join(out, 'pagefind'))).toEqual(['/a/#x', '/b/']);
  });

  test('reads the fragments of every shard too', () => {
    const out = site({
      'pagefind/fragment/a.pf_fragment': fragment({ url: '/a/#x' }),
      'pagefind/shard-2/fragment/b.pf_fragment': fragment({ url: '/b/#y' }),
      'pagefind/shard-3/fragment/c.pf_fragment': fragment({ url: '/c/#z' }),
    });
    expect(readSearchIndexUrls(path.join(out, 'pagefind'))).toEqual(['/a/#x', '/b/#y', '/c/#z']);
  });
});
