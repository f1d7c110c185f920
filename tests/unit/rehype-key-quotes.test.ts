import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { createMarkdownProcessor, markdownConfigDefaults, parseFrontmatter } from '@astrojs/markdown-remark';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import rehypeSlug from 'rehype-slug';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { splitAtSpan } from '../../src/plugins/key-quote-span';
import rehypeKeyQuotes, { type RehypeKeyQuotesOptions } from '../../src/plugins/rehype-key-quotes';
import remarkRejectHtml from '../../src/plugins/remark-reject-html';

const FILE = 'content/talks/demo-talk/turns/02-yao-answers.md';

interface Quote {
  id: string;
  span: string;
}

/** A turn file as Astro hands it to the Markdown pipeline: the body, with front matter in data.astro. */
function turnFile(body: string, quotes: Quote[] | undefined, path: string | undefined = FILE): VFile {
  return new VFile({
    ...(path === undefined ? {} : { path }),
    value: body,
    data: { astro: { frontmatter: quotes === undefined ? {} : { quotes } } },
  });
}

/** Markdown → HTML through remark-parse, remark-gfm, the two plugins, remark-rehype and rehype-stringify. */
function render(body: string, quotes?: Quote[], options: RehypeKeyQuotesOptions = {}, path?: string): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRejectHtml)
    .use(remarkRehype)
    .use(rehypeKeyQuotes, options)
    .use(rehypeStringify);
  return String(processor.processSync(turnFile(body, quotes, path)));
}

const mark = (id: string, text: string) => `<mark id="quote-${id}" class="key-quote">${text}</mark>`;

describe('splitAtSpan', () => {
  test.each([
    ['in the middle', '我们认为大模型很重要。', '大模型', { before: '我们认为', span: '大模型', after: '很重要。' }],
    ['at the start', '大模型很重要。', '大模型', { before: '', span: '大模型', after: '很重要。' }],
    ['at the end', '我们认为大模型', '大模型', { before: '我们认为', span: '大模型', after: '' }],
    ['the whole text', '大模型', '大模型', { before: '', span: '大模型', after: '' }],
  ])('splits around a span %s', (_name, text, span, expected) => {
    expect(splitAtSpan(text, span)).toEqual(expected);
  });

  test.each([
    ['a span that does not occur', '我们认为', '大模型'],
    ['an empty span', '我们认为', ''],
    ['an empty text', '', '大模型'],
  ])('returns undefined for %s', (_name, text, span) => {
    expect(splitAtSpan(text, span)).toBeUndefined();
  });

  test.each([
    ['twice apart', '谢谢你，谢谢大家', '谢谢'],
    ['overlapping', '哈哈哈', '哈哈'],
  ])('throws for a span that occurs %s', (_name, text, span) => {
    expect(() => splitAtSpan(text, span)).toThrow(`expected the span to occur once, found it twice: "${span}"`);
  });
});

describe('rehypeKeyQuotes', () => {
  test.each([
    [
      'in the middle of a paragraph',
      '我们认为大模型很重要。',
      '大模型',
      `<p>我们认为${mark('q', '大模型')}很重要。</p>`,
    ],
    ['at the start of a paragraph', '大模型很重要。', '大模型', `<p>${mark('q', '大模型')}很重要。</p>`],
    [
      'at the end of a paragraph',
      '我们认为大模型很重要。',
      '很重要。',
      `<p>我们认为大模型${mark('q', '很重要。')}</p>`,
    ],
    ['as a whole paragraph', '大模型很重要。', '大模型很重要。', `<p>${mark('q', '大模型很重要。')}</p>`],
    [
      'with Latin text',
      '在ChatGPT以后，AI变成机器人。',
      'ChatGPT以后，AI',
      `<p>在${mark('q', 'ChatGPT以后，AI')}变成机器人。</p>`,
    ],
    ['with a character HTML escapes', 'R&D很重要。', 'R&D', `<p>${mark('q', 'R&#x26;D')}很重要。</p>`],
  ])('wraps a span %s in <mark id="quote-…" class="key-quote">', (_name, body, span, expected) => {
    expect(render(body, [{ id: 'q', span }])).toBe(expected);
  });

  test('wraps a span in its paragraph and leaves the other paragraphs alone', () => {
    expect(render('第一段。\n\n第二段有金句。\n\n第三段。', [{ id: 'gold', span: '金句' }])).toBe(
      `<p>第一段。</p>\n<p>第二段有${mark('gold', '金句')}。</p>\n<p>第三段。</p>`,
    );
  });

  test.each([
    [
      'in one paragraph, in order',
      '甲乙丙丁戊。',
      [
        { id: 'a', span: '乙' },
        { id: 'b', span: '丁' },
      ],
      `<p>甲${mark('a', '乙')}丙${mark('b', '丁')}戊。</p>`,
    ],
    [
      'in one paragraph, the second before the first',
      '甲乙丙丁戊。',
      [
        { id: 'a', span: '丁' },
        { id: 'b', span: '乙' },
      ],
      `<p>甲${mark('b', '乙')}丙${mark('a', '丁')}戊。</p>`,
    ],
    [
      'side by side',
      '甲乙丙。',
      [
        { id: 'a', span: '甲' },
        { id: 'b', span: '乙' },
      ],
      `<p>${mark('a', '甲')}${mark('b', '乙')}丙。</p>`,
    ],
    [
      'in two paragraphs',
      '第一句。\n\n第二句。',
      [
        { id: 'a', span: '第二句' },
        { id: 'b', span: '第一句' },
      ],
      `<p>${mark('b', '第一句')}。</p>\n<p>${mark('a', '第二句')}。</p>`,
    ],
  ])('wraps two quotes of one turn %s', (_name, body, quotes, expected) => {
    expect(render(body, quotes)).toBe(expected);
  });

  test('wraps a span that lies entirely inside emphasis', () => {
    expect(render('这是**很重要的话**。', [{ id: 'q', span: '很重要' }])).toBe(
      `<p>这是<strong>${mark('q', '很重要')}的话</strong>。</p>`,
    );
  });

  test('uses the className and idPrefix options', () => {
    expect(render('甲乙丙', [{ id: 'q', span: '乙' }], { className: 'gold', idPrefix: 'k-' })).toBe(
      '<p>甲<mark id="k-q" class="gold">乙</mark>丙</p>',
    );
  });

  test.each([
    ['no front matter quotes', undefined],
    ['an empty quote list', []],
  ])('leaves a turn with %s unchanged', (_name, quotes) => {
    expect(render('我们认为*大模型*很重要。', quotes)).toBe('<p>我们认为<em>大模型</em>很重要。</p>');
  });

  test('ignores malformed front matter quotes', () => {
    const file = new VFile({
      path: FILE,
      value: '甲乙丙',
      data: { astro: { frontmatter: { quotes: [null, { id: 1, span: '乙' }, 'x'] } } },
    });
    const html = unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeKeyQuotes)
      .use(rehypeStringify)
      .processSync(file);
    expect(String(html)).toBe('<p>甲乙丙</p>');
  });

  test.each([
    ['crossing emphasis', '这是**重要**的话。', '重要的话'],
    ['crossing a link', '请看[这篇论文](https://example.org)的结论。', '这篇论文的结论'],
    ['crossing into an autolinked URL', '请看 https://example.org 的结论。', '看 https'],
    ['crossing a paragraph break', '第一段。\n\n第二段。', '。第二段'],
    ['that does not occur', '第一段。', '第二段'],
  ])('throws, naming the file and quote, for a span %s', (_name, body, span) => {
    expect(() => render(body, [{ id: 'q', span }])).toThrow(
      `${FILE} field "quotes" (id "q"): expected the span inside one run of plain text, found it missing or crossing formatting: ${JSON.stringify(span)}`,
    );
  });

  test('throws when a second quote lies inside the first one (marks never nest)', () => {
    expect(() =>
      render('甲乙丙丁', [
        { id: 'outer', span: '乙丙' },
        { id: 'inner', span: '丙' },
      ]),
    ).toThrow(`${FILE} field "quotes" (id "inner"): expected the span inside one run of plain text`);
  });

  test('throws for a span that occurs twice in one run of text (the catalog reports it first)', () => {
    expect(() => render('谢谢你，谢谢大家。', [{ id: 'q', span: '谢谢' }])).toThrow(
      'expected the span to occur once, found it twice: "谢谢"',
    );
  });

  test('says "a turn" when the file has no path', () => {
    const file = new VFile({ value: '甲', data: { astro: { frontmatter: { quotes: [{ id: 'q', span: '乙' }] } } } });
    const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeKeyQuotes).use(rehypeStringify);
    expect(() => processor.processSync(file)).toThrow(/^a turn field "quotes" \(id "q"\): /);
  });
});

describe('remarkRejectHtml', () => {
  test.each([
    ['a <script> block', '第一段。\n\n<script>alert(1)</script>\n', 3, '<script>alert(1)</script>'],
    ['an inline <img onerror>', '看这里<img src=x onerror=alert(1)>好的', 1, '<img src=x onerror=alert(1)>'],
    [
      'an <iframe> block',
      '第一段。\n\n第二段。\n\n<iframe src="https://evil.example/"></iframe>',
      5,
      '<iframe src="https://evil.example/"></iframe>',
    ],
    [
      'a <style> block',
      '<style>body { display: none }</style>\n\n第二段。',
      1,
      '<style>body { display: none }</style>',
    ],
    ['an inline <span>', '第一段。\n\n一句<span style="color:red">红字</span>。', 3, '<span style="color:red">'],
    ['an HTML comment', '第一段。<!-- 编者按 -->', 1, '<!-- 编者按 -->'],
  ])('throws on %s with the file and body line', (_name, body, line, snippet) => {
    expect(() => render(body)).toThrow(
      new Error(
        `${FILE} field "body" (body line ${line}) Unexpected raw HTML ${JSON.stringify(snippet)}: expected plain Markdown text (raw HTML is not published)`,
      ),
    );
  });

  test.each([
    ['a javascript: link', '第一段。\n\n点[这里](javascript:alert(1))。', 3, 'javascript:alert(1)', 'javascript'],
    ['a javascript: autolink', '见<javascript:alert(1)>。', 1, 'javascript:alert(1)', 'javascript'],
    ['a data: link', '[图](data:text/html,x)', 1, 'data:text/html,x', 'data'],
    ['a vbscript: link definition', '[甲][r]\n\n[r]: vbscript:msgbox', 3, 'vbscript:msgbox', 'vbscript'],
  ])('throws on %s with the file and body line', (_name, body, line, url, scheme) => {
    expect(() => render(body)).toThrow(
      new Error(
        `${FILE} field "body" (body line ${line}) Unexpected link to ${JSON.stringify(url)}: expected an http(s) URL or a path on this site, found the scheme "${scheme}"`,
      ),
    );
  });

  test('shortens a long HTML snippet to 57 characters and an ellipsis', () => {
    const html = `<div class="${'x'.repeat(80)}">`;
    expect(() => render(html)).toThrow(
      new Error(
        `${FILE} field "body" (body line 1) Unexpected raw HTML ${JSON.stringify(`${html.slice(0, 57)}…`)}: expected plain Markdown text (raw HTML is not published)`,
      ),
    );
  });

  test('says "a Markdown file" when the file has no path', () => {
    const processor = unified().use(remarkParse).use(remarkRejectHtml).use(remarkRehype).use(rehypeStringify);
    expect(() => processor.processSync(new VFile({ value: '甲\n\n<b>粗</b>' }))).toThrow(
      new Error(
        'a Markdown file field "body" (body line 3) Unexpected raw HTML "<b>": expected plain Markdown text (raw HTML is not published)',
      ),
    );
  });

  test('leaves the line out when the HTML node has no position', () => {
    const tree = { type: 'root' as const, children: [{ type: 'html' as const, value: '<hr>' }] };
    expect(() => remarkRejectHtml()(tree, new VFile({ path: FILE }))).toThrow(
      new Error(
        `${FILE} field "body" Unexpected raw HTML "<hr>": expected plain Markdown text (raw HTML is not published)`,
      ),
    );
  });

  test.each([
    ['escaped angle brackets', '写成\\<script>就没事', '<p>写成&#x3C;script>就没事</p>'],
    ['HTML in inline code', '写成`<script>`就没事', '<p>写成<code>&#x3C;script></code>就没事</p>'],
    ['an autolink', '见<https://example.org/>。', '<p>见<a href="https://example.org/">https://example.org/</a>。</p>'],
    ['a lone less-than sign', '1 < 2 是对的', '<p>1 &#x3C; 2 是对的</p>'],
  ])('lets %s through as text', (_name, body, expected) => {
    expect(render(body)).toBe(expected);
  });
});

describe("both plugins in Astro's own Markdown pipeline", () => {
  // The processor astro.config.mjs sets up (markdown.smartypants/remarkPlugins/rehypePlugins),
  // and a turn file split the way Astro's Markdown content entry type splits it
  // (astro/dist/vite-plugin-markdown/content-entry-type.js: front matter blanked, body trimmed).
  const processor = createMarkdownProcessor({
    ...markdownConfigDefaults,
    syntaxHighlight: false,
    smartypants: false,
    remarkPlugins: [remarkRejectHtml],
    rehypePlugins: [rehypeSlug, rehypeKeyQuotes],
  });
  const path = resolve(FILE);
  async function renderFile(source: string): Promise<string> {
    const parsed = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
    const result = await (
      await processor
    ).render(parsed.content.trim(), {
      frontmatter: parsed.frontmatter,
      // @ts-expect-error fileURL is internal API, but it is what Astro passes (file.path comes from it).
      fileURL: pathToFileURL(path),
    });
    return result.code;
  }
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const source = (body: string) =>
    [
      '---',
      'anchor: yao-answers',
      'position: 2',
      'speaker: yao-qizhi',
      'quotes:',
      '  - id: embodied',
      '    headline: 让AI成为机器人。',
      '    span: 让AI变成有视觉、听觉等多种感知能力的机器人',
      '---',
      '',
      body,
    ].join('\n');

  test('highlights the key quote of a turn file', async () => {
    const html = await renderFile(
      source('我来解释一下。\n\n下一个目标就是让AI变成有视觉、听觉等多种感知能力的机器人，它能够自主学习。\n'),
    );
    expect(html).toBe(
      `<p>我来解释一下。</p>\n<p>下一个目标就是${mark('embodied', '让AI变成有视觉、听觉等多种感知能力的机器人')}，它能够自主学习。</p>`,
    );
  });

  test('stops on raw HTML, naming the file', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error: unknown = await renderFile(
      source('让AI变成有视觉、听觉等多种感知能力的机器人。\n\n<script>alert(1)</script>\n'),
    ).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^Failed to parse Markdown file "(.+)":\n\1 field "body" \(body line \d+\) Unexpected raw HTML "<script>alert\(1\)<\/script>": expected plain Markdown text/,
    );
    expect((error as Error).message).toContain(path);
  });

  // Astro renders only the trimmed body, so lines count from the body's first line: the <script>
  // on line 13 of the file is on body line 3, and the message says so (not "<file>:3"). The
  // catalog reports the same HTML with its file line first (see catalog.test.ts).
  test('reports raw HTML with its body line, not as a file line', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      renderFile(source('让AI变成有视觉、听觉等多种感知能力的机器人。\n\n<script>alert(1)</script>\n')),
    ).rejects.toThrow(
      `${path} field "body" (body line 3) Unexpected raw HTML "<script>alert(1)</script>": expected plain Markdown text (raw HTML is not published)`,
    );
  });
});
