/**
 * The post-build site check's pure functions on small hand-made pages: each kind of broken
 * link, fragment and page requirement is caught and named, and good pages pass.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { cjkGaps } from '../../src/lib/text/cjk-spacing';
import {
  checkLinks,
  checkPage,
  cssUrls,
  pageUrlOf,
  publishedUrl,
  resolveUrl,
  searchIndexUrl,
  sitemapUrls,
  type BuiltPage,
  type SiteCheckOptions,
} from '../../src/lib/build/dist-check';

const OPTIONS: SiteCheckOptions = { base: '/', site: 'https://huitan.example/', lang: 'zh-CN' };
const FILES = new Set(['index.html', 'talk/index.html', '404.html', '_astro/a.css', 'og/card.png', '中文/index.html']);

function page(url: string, body: string, head = ''): BuiltPage {
  const canonical = publishedUrl(url, OPTIONS);
  const html = `<!doctype html><html lang="zh-CN"><head><title>标题</title><meta name="description" content="说明"><link rel="canonical" href="${canonical}">${head}</head><body>${body}</body></html>`;
  return { url, document: parseHTML(html).document };
}

describe('pageUrlOf', () => {
  test.each([
    ['index.html', '/'],
    ['talk/index.html', '/talk/'],
    ['404.html', '/404.html'],
    ['talk/q/x/index.html', '/talk/q/x/'],
  ])('%s → %s', (file, url) => expect(pageUrlOf(file)).toBe(url));
});

describe('resolveUrl', () => {
  test.each([
    ['/talk/', { file: 'talk/index.html', page: '/talk/', fragment: undefined }],
    ['talk/#a', { file: 'talk/index.html', page: '/talk/', fragment: 'a' }],
    ['#top', { file: 'index.html', page: '/', fragment: 'top' }],
    ['/_astro/a.css', { file: '_astro/a.css', page: '/_astro/a.css', fragment: undefined }],
    ['https://huitan.example/talk/?speakers=a#b', { file: 'talk/index.html', page: '/talk/', fragment: 'b' }],
    ['/%E4%B8%AD%E6%96%87/#%E4%B8%AD', { file: '中文/index.html', page: '/中文/', fragment: '中' }],
  ])('%s is internal', (href, target) => {
    expect(resolveUrl(href, '/', OPTIONS, FILES)).toEqual({ kind: 'internal', target });
  });

  test.each(['https://other.example/talk/', '//cdn.example/x.js'])('%s is external', (href) => {
    expect(resolveUrl(href, '/', OPTIONS, FILES)).toEqual({ kind: 'external' });
  });

  test.each([
    ['/missing/', '"/missing/" does not exist (no missing/index.html)'],
    ['/talk', '"/talk" needs a trailing slash (trailingSlash: \'always\')'],
    ['javascript:alert(1)', 'unsafe URL scheme "javascript:"'],
    [' java\tscript:alert(1)', 'unsafe URL scheme "javascript:"'],
    ['data:text/html,x', 'unsafe URL scheme "data:"'],
    ['mailto:a@example.org', 'unsafe URL scheme "mailto:"'],
    ['/%E4%B8%AD%ZZ/', 'malformed percent-encoding in "/%E4%B8%AD%ZZ/"'],
    ['/talk/#', 'empty #fragment (a link to nothing)'],
    ['', 'empty URL'],
  ])('%j is a problem', (href, message) => {
    expect(resolveUrl(href, '/', OPTIONS, FILES)).toEqual({ kind: 'problem', message });
  });

  test('under a base, links must stay inside it', () => {
    const options = { ...OPTIONS, base: '/huitan/' };
    expect(resolveUrl('/talk/', '/', options, FILES)).toEqual({
      kind: 'problem',
      message: '"/talk/" is outside the base path "/huitan/"',
    });
    expect(resolveUrl('/huitan/talk/#x', '/', options, FILES)).toMatchObject({
      kind: 'internal',
      target: { page: '/talk/', fragment: 'x' },
    });
    expect(resolveUrl('../', '/talk/', options, FILES)).toMatchObject({ kind: 'internal', target: { page: '/' } });
  });
});

describe('checkLinks', () => {
  test('resolves every link and fragment on good pages, and counts them', () => {
    const pages = [
      page(
        '/',
        '<a href="talk/#turn-1">去</a><a href="#main">跳</a><main id="main"></main><a href="https://example.org/">外</a>',
        '<link rel="stylesheet" href="/_astro/a.css">',
      ),
      page(
        '/talk/',
        '<article id="turn-1"><a href="#turn-1">#</a><a name="old"></a></article><a href="#old">旧</a><img src="/og/card.png" alt="">',
        '<meta property="og:image" content="https://huitan.example/og/card.png">',
      ),
      page('/404.html', '<a href="/">回</a>'),
    ];
    const { problems, tally } = checkLinks(pages, FILES, OPTIONS);
    expect(problems).toEqual([]);
    // 3 canonical links + 8 others; fragments: #turn-1 twice, #main, #old.
    expect(tally).toEqual({ links: 11, anchors: 4, external: 1 });
  });

  test('names the page and the element of each broken link or fragment', () => {
    const pages = [
      page(
        '/',
        '<a href="/talk/#nowhere">坏</a><a href="/gone/">无</a><a href="javascript:alert(1)">脚本</a><img src="/og/missing.png" alt="">',
      ),
      page('/talk/', '<p id="here">这里</p>', '<meta http-equiv="refresh" content="0;url=/moved/">'),
    ];
    expect(checkLinks(pages, FILES, OPTIONS).problems).toEqual([
      { page: '/', element: '<a href="/talk/#nowhere"> "坏"', message: '#nowhere does not exist on /talk/' },
      { page: '/', element: '<a href="/gone/"> "无"', message: '"/gone/" does not exist (no gone/index.html)' },
      { page: '/', element: '<a href="javascript:alert(1)"> "脚本"', message: 'unsafe URL scheme "javascript:"' },
      {
        page: '/',
        element: '<img src="/og/missing.png">',
        message: '"/og/missing.png" does not exist (no og/missing.png)',
      },
      {
        page: '/talk/',
        element: '<meta content="0;url=/moved/">',
        message: '"/moved/" does not exist (no moved/index.html)',
      },
    ]);
  });
});

describe('the inline site icon', () => {
  test('an image data: URL is allowed on <link rel="icon"> only, and a script data: URL not even there', () => {
    const icon = 'data:image/svg+xml,%3Csvg%3E%3C/svg%3E';
    const pages = [
      page(
        '/',
        `<a href="${icon}">图</a><img src="${icon}" alt="">`,
        `<link rel="icon" href="${icon}" type="image/svg+xml"><link rel="icon" href="data:text/html,x">`,
      ),
    ];
    expect(checkLinks(pages, FILES, OPTIONS).problems).toEqual([
      { page: '/', element: '<link href="data:text/html,x">', message: 'unsafe URL scheme "data:"' },
      { page: '/', element: `<a href="${icon}"> "图"`, message: 'unsafe URL scheme "data:"' },
      { page: '/', element: `<img src="${icon}">`, message: 'unsafe URL scheme "data:"' },
    ]);
  });
});

describe('checkPage', () => {
  test('passes a page with the language, title, description and its own canonical URL', () => {
    expect(checkPage(page('/talk/', '<p>你好，世界</p>'), OPTIONS)).toEqual([]);
  });

  test('names each missing or wrong requirement', () => {
    const html =
      '<!doctype html><html lang="en"><head><title> </title><link rel="canonical" href="/talk/"></head><body><p>你好 世界</p></body></html>';
    expect(checkPage({ url: '/talk/', document: parseHTML(html).document }, OPTIONS)).toEqual([
      { page: '/talk/', element: '<html>', message: 'expected lang="zh-CN", found "en"' },
      { page: '/talk/', element: '<title>', message: 'expected a title, found none' },
      { page: '/talk/', element: '<meta name="description">', message: 'expected one non-empty description, found 0' },
      { page: '/talk/', element: '<link rel="canonical">', message: 'expected an absolute URL, found "/talk/"' },
      { page: '/talk/', element: 'text in <p>', message: 'whitespace between two Chinese characters: …"你好 世界"…' },
      { page: '/talk/', element: '<p>', message: 'whitespace between two Chinese characters: …"你好 世界"…' },
    ]);
  });

  test('wants the canonical URL to name the page itself', () => {
    const wrong = page('/talk/', '');
    wrong.url = '/other/';
    expect(checkPage(wrong, OPTIONS)).toEqual([
      {
        page: '/other/',
        element: '<link rel="canonical">',
        message: 'expected "https://huitan.example/other/", found "https://huitan.example/talk/"',
      },
    ]);
  });

  test('asks a redirect page only for a title and an absolute canonical URL', () => {
    const html =
      '<!doctype html><title>Redirecting to: /talk/</title><meta http-equiv="refresh" content="0;url=/talk/"><link rel="canonical" href="https://huitan.example/talk/"><body><a href="/talk/">Redirecting</a></body>';
    expect(checkPage({ url: '/old/', document: parseHTML(html).document }, OPTIONS)).toEqual([]);
  });
});

describe('cjkGaps', () => {
  test('finds a space between Han characters across inline elements, and allows Han–Latin gaps', () => {
    const { document } = parseHTML('<html><body><p>用 <b>GPT</b> 写作</p><p>这是<em>重点 </em>内容</p></body></html>');
    expect(cjkGaps(document)).toEqual(['<p> …"这是重点 内容"…']);
  });
});

describe('sitemap, search index and stylesheet URLs', () => {
  test('reads <loc> entries with XML entities decoded', () => {
    expect(
      sitemapUrls(
        '<urlset><url><loc>https://huitan.example/a/?x=1&amp;y=2</loc></url><url><loc> https://huitan.example/b/ </loc></url></urlset>',
      ),
    ).toEqual(['https://huitan.example/a/?x=1&y=2', 'https://huitan.example/b/']);
  });

  test('prefixes stored search URLs with the base, as Pagefind does', () => {
    expect(searchIndexUrl('/talk/#turn', '/huitan/')).toBe('/huitan/talk/#turn');
    expect(searchIndexUrl('/talk/', '/')).toBe('/talk/');
  });

  test('lists url() references except data: URLs and SVG fragment references', () => {
    expect(
      cssUrls(
        'a{background:url("/og/a.png")} b{mask:url(data:image/svg+xml,x)} c{filter:url(#f)} d{src:url( ../x.woff2 )}',
      ),
    ).toEqual(['/og/a.png', '../x.woff2']);
  });
});
