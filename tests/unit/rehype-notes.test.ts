/**
 * rehype-notes through a real processor (remark-parse, remark-gfm, remark-rehype, the plugin,
 * rehype-stringify): GFM footnotes become inline popover notes, one markup per kind.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import rehypeKeyQuotes from '../../src/plugins/rehype-key-quotes';
import rehypeNotes, { noteLanguageOf } from '../../src/plugins/rehype-notes';
import { CHINESE_NOTES } from '../../src/lib/notes';
import { ENGLISH_NOTES } from '../../src/schemas/translation';

const FILE = 'content/talks/demo/turns/02-yao-answers.md';

function render(body: string, frontmatter: Record<string, unknown> = { anchor: 'yao-answers' }): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeNotes).use(rehypeStringify);
  return String(processor.processSync(new VFile({ path: FILE, value: body, data: { astro: { frontmatter } } })));
}

/** The expected markup of one note (see note-markup.ts). */
const note = (id: string, kind: string, label: string, content: string) =>
  `<span class="note" id="${id}" data-note-kind="${kind}" data-pagefind-ignore="">` +
  `<button type="button" class="note-marker" popovertarget="${id}-text" aria-label="${label}注释">${label}</button>` +
  `<span class="note-body" id="${id}-text" popover="auto" role="note" aria-label="${label}">` +
  `<span class="note-kind">${label}</span>${content}` +
  `<button type="button" class="note-close" popovertarget="${id}-text" popovertargetaction="hide">关闭</button>` +
  `</span></span>`;

describe('rehypeNotes', () => {
  test.each([
    [
      'context',
      '背景',
      '【背景】清华的老师，见[主页](https://example.org/gao)。',
      '清华的老师，见<a href="https://example.org/gao">主页</a>。',
    ],
    ['correction', '更正', '【更正】应为*高阳*。未核实。', '应为<em>高阳</em>。未核实。'],
    [
      'term',
      '术语',
      '【术语】混合专家（`MoE`），[论文](https://arxiv.org/abs/1701.06538)',
      '混合专家（<code>MoE</code>），<a href="https://arxiv.org/abs/1701.06538">论文</a>',
    ],
  ])('renders a %s note inline after its word, without the footnote section', (kind, label, definition, content) => {
    expect(render(`高洋[^gao]老师。\n\n[^gao]: ${definition}\n`)).toBe(
      `<p>高洋${note('note-yao-answers-gao', kind, label, content)}老师。</p>\n`,
    );
  });

  test('gives notes of different turns different ids, and falls back without an anchor', () => {
    const body = '词[^a]。\n\n[^a]: 【背景】说明，未核实。\n';
    expect(render(body, { anchor: 'pan-answers' })).toContain('id="note-pan-answers-a"');
    expect(render(body, {})).toContain('id="note-turn-a"');
  });

  test('renders several notes in one paragraph, each at its own word', () => {
    const html = render('甲[^a]乙[^b]丙。\n\n[^b]: 【术语】二，未核实。\n\n[^a]: 【更正】一，未核实。\n');
    expect(html).toBe(
      `<p>甲${note('note-yao-answers-a', 'correction', '更正', '一，未核实。')}乙${note('note-yao-answers-b', 'term', '术语', '二，未核实。')}丙。</p>\n`,
    );
  });

  test('leaves a body without notes untouched', () => {
    expect(render('第一段。\n\n第二段。\n')).toBe('<p>第一段。</p>\n<p>第二段。</p>');
  });

  test('stops rendering on an unknown kind, naming the file and the note', () => {
    expect(() => render('词[^a]。\n\n[^a]: 【注释】说明。\n')).toThrow(
      `${FILE} note [^a]: Unexpected note kind "【注释】": expected the note to start with 【背景】, 【更正】 or 【术语】`,
    );
  });
});

describe('rehypeNotes on a translated turn (the dialect comes from the path)', () => {
  const ENGLISH_FILE = 'content/talks/demo/translations/en/turns/02-yao-answers.md';
  const renderEnglish = (body: string, quotes: { id: string; span: string }[] = []) =>
    String(
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype)
        .use(rehypeNotes)
        .use(rehypeKeyQuotes)
        .use(rehypeStringify)
        .processSync(
          new VFile({
            path: ENGLISH_FILE,
            value: body,
            data: { astro: { frontmatter: { anchor: 'yao-answers', quotes } } },
          }),
        ),
    );
  /** rehype-stringify writes an apostrophe in an attribute as &#x27;. */
  const attr = (value: string) => value.replace(/'/g, '&#x27;');
  const englishNote = (id: string, kind: string, label: string, content: string) =>
    `<span class="note" id="${id}" data-note-kind="${kind}" data-pagefind-ignore="">` +
    `<button type="button" class="note-marker" popovertarget="${id}-text" aria-label="Note: ${attr(label)}">${label}</button>` +
    `<span class="note-body" id="${id}-text" popover="auto" role="note" aria-label="${attr(label)}">` +
    `<span class="note-kind">${label}</span>${content}` +
    `<button type="button" class="note-close" popovertarget="${id}-text" popovertargetaction="hide">Close</button>` +
    `</span></span>`;

  test.each([
    ['context', 'Context'],
    ['correction', 'Correction'],
    ['term', 'Term'],
    ['translator', "Translator's note"],
  ])('renders a %s note with the English label %s', (kind, label) => {
    expect(renderEnglish(`Gao Yang[^gao] said.\n\n[^gao]: [${label}] A teacher, unverified.\n`)).toBe(
      `<p>Gao Yang${englishNote('note-yao-answers-gao', kind, label, 'A teacher, unverified.')} said.</p>\n`,
    );
  });

  test('refuses a Chinese prefix in an English turn, naming the English prefixes', () => {
    expect(() => renderEnglish('Word[^a].\n\n[^a]: 【背景】说明，未核实。\n')).toThrow(
      `${ENGLISH_FILE} note [^a]: Unexpected note kind missing: expected the note to start with [Context], [Correction], [Term] or [Translator's note]`,
    );
  });

  test('reads a language without a dialect, and any other path, as the original (Chinese)', () => {
    expect(noteLanguageOf('content/talks/demo/translations/xx/turns/01-a.md').dialect).toBe(CHINESE_NOTES);
    expect(noteLanguageOf(FILE).dialect).toBe(CHINESE_NOTES);
    expect(noteLanguageOf(ENGLISH_FILE).dialect).toBe(ENGLISH_NOTES);
    expect(noteLanguageOf(undefined).dialect).toBe(CHINESE_NOTES);
  });

  test('key-quote highlighting marks the English span of an English turn', () => {
    const html = renderEnglish('It must fail early, and say where.\n', [{ id: 'fail-early', span: 'fail early' }]);
    expect(html).toBe('<p>It must <mark id="quote-fail-early" class="key-quote">fail early</mark>, and say where.</p>');
  });
});
