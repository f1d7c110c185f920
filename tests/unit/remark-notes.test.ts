/**
 * remark-notes through a real processor (remark-parse, remark-gfm, the plugin, remark-rehype,
 * rehype-stringify): GFM footnotes become inline popover notes, one markup per kind, and GFM
 * renders no footnote section. A broken note stops rendering with the catalog's own message.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, test } from 'vitest';
import { CHINESE_NOTES, inspectNotes, NOTE_KIND_LABELS } from '../../src/lib/content/notes';
import { isLocale, ui, type Locale } from '../../src/lib/i18n/ui';
import { ENGLISH_NOTE_KIND_LABELS, ENGLISH_NOTES, NOTE_DIALECTS } from '../../src/schemas/translation';
import remarkNotes from '../../src/plugins/remark-notes';
import rehypeKeyQuotes from '../../src/plugins/rehype-key-quotes';

const FILE = 'content/talks/demo/turns/02-yao-answers.md';
const ENGLISH_FILE = 'content/talks/demo/translations/en/turns/02-yao-answers.md';

function render(body: string, frontmatter: Record<string, unknown> = { anchor: 'yao-answers' }, path = FILE): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkNotes).use(remarkRehype).use(rehypeStringify);
  return String(processor.processSync(new VFile({ path, value: body, data: { astro: { frontmatter } } })));
}

/** The message rendering stops with. */
function failure(body: string, path = FILE): VFileMessage {
  try {
    render(body, { anchor: 'yao-answers' }, path);
  } catch (error) {
    return error as VFileMessage;
  }
  throw new Error('expected rendering to fail, it did not');
}

/** The expected markup of one note (see note-markup.ts), in Chinese or English words. */
const note = (id: string, kind: string, label: string, content: string, english = false) =>
  `<span class="note" id="${id}" data-note-kind="${kind}" data-pagefind-ignore="">` +
  `<button type="button" class="note-marker" popovertarget="${id}-text" aria-label="${english ? `Note: ${label}` : `${label}注释`}">${label}</button>` +
  `<span class="note-body" id="${id}-text" popover="auto" role="note" aria-label="${label}">` +
  `<span class="note-kind">${label}</span>${content}` +
  `</span></span>`;

describe('remarkNotes', () => {
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
  ])('puts a %s note in place of its reference and drops the definition', (kind, label, definition, content) => {
    expect(render(`高洋[^gao]老师。\n\n[^gao]: ${definition}\n`)).toBe(
      `<p>高洋${note('note-yao-answers-gao', kind, label, content)}老师。</p>`,
    );
  });

  test('leaves GFM no footnote to render: no section, no call, no back-reference', () => {
    const html = render('词[^a]。\n\n[^a]: 【背景】说明，未核实。\n');
    expect(html).not.toMatch(/data-footnote|user-content-fn|<sup>|<section/);
  });

  test('gives notes of different turns different ids, and falls back without an anchor', () => {
    const body = '词[^a]。\n\n[^a]: 【背景】说明，未核实。\n';
    expect(render(body, { anchor: 'pan-answers' })).toContain('id="note-pan-answers-a"');
    expect(render(body, {})).toContain('id="note-turn-a"');
  });

  test('renders several notes in one paragraph, each at its own word', () => {
    const html = render('甲[^a]乙[^b]丙。\n\n[^b]: 【术语】二，未核实。\n\n[^a]: 【更正】一，未核实。\n');
    expect(html).toBe(
      `<p>甲${note('note-yao-answers-a', 'correction', '更正', '一，未核实。')}乙${note('note-yao-answers-b', 'term', '术语', '二，未核实。')}丙。</p>`,
    );
  });

  test('leaves a body without notes untouched', () => {
    expect(render('第一段。\n\n第二段。\n')).toBe('<p>第一段。</p>\n<p>第二段。</p>');
  });

  test.each([
    ['an unknown kind', '词[^a]。\n\n[^a]: 【注释】说明，未核实。\n', 'kind-unknown', { line: 3, column: 1 }],
    ['a reference without a definition', '第一段。\n\n词[^a]。\n', 'reference-undefined', { line: 3, column: 1 }],
    [
      'a definition never referenced',
      '词。\n\n[^a]: 【背景】说明，未核实。\n',
      'definition-unused',
      { line: 3, column: 1 },
    ],
    ['a note without a source', '词[^a]。\n\n[^a]: 【背景】说明。\n', 'source-missing', { line: 3, column: 1 }],
  ])('stops on %s with the catalog message, its rule and its place', (_, body, ruleId, place) => {
    const message = failure(body);
    expect(message.reason).toBe(inspectNotes(body).problems[0]!.message);
    expect(message).toMatchObject({ ruleId, source: 'remark-notes', file: FILE, fatal: true, place });
  });

  test('reads a prefix only as plain text: one inside emphasis stops rendering as an unknown kind', () => {
    const message = failure('词[^a]。\n\n[^a]: *【背景】*说明，未核实。\n');
    expect(message.reason).toBe(
      'Unexpected note kind missing in [^a]: expected the note to start with one of 【背景】, 【更正】, 【术语】',
    );
    expect(message.ruleId).toBe('kind-unknown');
  });
});

describe('remarkNotes in a translated turn', () => {
  test('key-quote highlighting marks the English span of an English turn', () => {
    const html = String(
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkNotes)
        .use(remarkRehype)
        .use(rehypeKeyQuotes)
        .use(rehypeStringify)
        .processSync(
          new VFile({
            path: ENGLISH_FILE,
            value: 'It must fail early, and say where.\n',
            data: { astro: { frontmatter: { anchor: 'a', quotes: [{ id: 'fail-early', span: 'fail early' }] } } },
          }),
        ),
    );
    expect(html).toBe('<p>It must <mark id="quote-fail-early" class="key-quote">fail early</mark>, and say where.</p>');
  });

  test('reads English prefixes and shows the English kind label', () => {
    const body = 'Gao Yang[^gao] said.\n\n[^gao]: [Correction] Should be *Gao Yang*, unverified.\n';
    expect(render(body, { anchor: 'yao-answers' }, ENGLISH_FILE)).toBe(
      `<p>Gao Yang${note('note-yao-answers-gao', 'correction', 'Correction', 'Should be <em>Gao Yang</em>, unverified.', true)} said.</p>`,
    );
  });

  test.each(["[Translator's note]", '[Translator’s note]'])(
    "renders a translator's note written %s, which needs no source, labelled with the typographic apostrophe",
    (prefix) => {
      const body = `A pun[^pun] here.\n\n[^pun]: ${prefix} The original plays on 模 and 膜.\n`;
      expect(render(body, { anchor: 'yao-answers' }, ENGLISH_FILE)).toBe(
        `<p>A pun${note('note-yao-answers-pun', 'translator', 'Translator’s note', 'The original plays on 模 and 膜.', true)} here.</p>`,
      );
    },
  );

  test('stops on a Chinese prefix in an English turn, with the English dialect message', () => {
    const body = 'Gao Yang[^gao] said.\n\n[^gao]: 【背景】unverified.\n';
    const message = failure(body, ENGLISH_FILE);
    expect(message.reason).toBe(inspectNotes(body, ENGLISH_NOTES).problems[0]!.message);
    expect(message.reason).toContain("[Context], [Correction], [Term], [Translator's note]");
  });

  test('names each kind of every note dialect in the dictionary of its language, an interface language', () => {
    for (const [lang, dialect] of Object.entries(NOTE_DIALECTS)) {
      expect(isLocale(lang), lang).toBe(true);
      const words = ui(lang as Locale).notes.kinds as Record<string, string>;
      for (const kind of dialect.kinds) expect(words[kind], `${lang} ${kind}`).toMatch(/\S/);
    }
    // What Chinese readers see is what the editor writes; English differs only in the apostrophe.
    expect(CHINESE_NOTES.kinds.map((kind) => ui('zh-CN').notes.kinds[kind])).toEqual(
      CHINESE_NOTES.kinds.map((kind) => NOTE_KIND_LABELS[kind]),
    );
    expect(ENGLISH_NOTES.kinds.map((kind) => ui('en').notes.kinds[kind])).toEqual(
      ENGLISH_NOTES.kinds.map((kind) => ENGLISH_NOTE_KIND_LABELS[kind].replaceAll("'", '’')),
    );
  });

  test('stops on notes in a translation whose language has no note dialect', () => {
    const path = 'content/talks/demo/translations/xx/turns/02-yao-answers.md';
    expect(failure('Word[^a].\n\n[^a]: [Context] unverified.\n', path)).toMatchObject({
      ruleId: 'dialect-unknown',
      place: { start: { line: 3, column: 1 } },
    });
    expect(render('No notes here.\n', {}, path)).toBe('<p>No notes here.</p>');
  });
});
