/**
 * What the selection bar links to (src/scripts/passage-target.ts, used by passage-link.ts): the
 * page's text as the browser searches it, the turn a selection lies in, and the text fragment
 * chosen for a selection, on a reader-shaped page in linkedom. How a directive is built and
 * encoded from given blocks is text-fragment.test.ts.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { pageBlocks, passageLink, selectedTurn } from '../../src/scripts/passage-target';
import { scriptPage, type ScriptPage } from '../helpers/script-dom';

/** The reader's markup contract: article.turn#anchor > .turn-body > p (TurnBlock.astro), the bar after the transcript. */
const READER = [
  '<main><h1 class="talk-title">创想共论</h1><section class="talk-section"><h2 class="section-title">基础理论</h2>',
  '<article class="turn" id="xu-li-opens"><header class="turn-head"><h3>徐立</h3></header>',
  '<div class="turn-body"><p>我们先谈谈幻觉的问题。</p></div></article>',
  '<article class="turn" id="yao-answers"><header class="turn-head"><h3>姚期智</h3></header>',
  '<div class="turn-body"><p>幻觉的问题<mark class="key-quote">非常重要</mark>。</p><p>第二段讲多模态：GAN-based 方法，很快。</p></div></article>',
  '</section></main>',
  '<script>const 幻觉的问题非常重要 = 1;</script>',
  '<ht-passage-link><div><button>复制这段文字的链接</button></div></ht-passage-link>',
].join('');
const PAGE = 'https://huitan.test/waic/?hl=幻觉&speakers=yao-qizhi#xu-li-opens';

let page: ScriptPage;
beforeEach(() => {
  page = scriptPage(PAGE);
  page.mount(READER);
});
afterEach(() => page.close());

const $ = (selector: string) => page.document.querySelector(selector)!;
/** The nth text node under `selector`. */
const text = (selector: string, nth = 0) => [...$(selector).childNodes].filter((node) => node.nodeType === 3)[nth]!;

/** The text fragment of a passage link, decoded: [prefix, start, end, suffix] (absent parts undefined). */
function fragment(url: string): { turn: string; prefix?: string; start: string; end?: string; suffix?: string } {
  const [turnUrl, directive] = url.split(':~:text=') as [string, string];
  const parts = directive.split(',').map(decodeURIComponent);
  const prefix = parts[0]!.endsWith('-') ? parts.shift()!.slice(0, -1) : undefined;
  const suffix = parts.at(-1)!.startsWith('-') ? parts.pop()!.slice(1) : undefined;
  const [start, end] = parts as [string, string | undefined];
  return { turn: turnUrl, ...(prefix && { prefix }), start, ...(end && { end }), ...(suffix && { suffix }) };
}

describe('pageBlocks', () => {
  test('reads the page’s text block by block, without scripts or the bar’s own words', () => {
    expect(pageBlocks(page.document.body).blocks).toEqual([
      '创想共论',
      '基础理论',
      '徐立',
      '我们先谈谈幻觉的问题。',
      '姚期智',
      '幻觉的问题非常重要。',
      '第二段讲多模态：GAN-based 方法，很快。',
    ]);
  });

  test('places a point in a marked span at its offset in the whole paragraph', () => {
    const { locate } = pageBlocks(page.document.body);
    expect(locate(text('#yao-answers p'), 2)).toEqual({ block: 5, offset: 2 });
    expect(locate(text('#yao-answers mark'), 1)).toEqual({ block: 5, offset: 6 });
    expect(locate(text('#yao-answers p', 1), 1)).toEqual({ block: 5, offset: 10 });
  });

  test('places a boundary between elements at the text that follows it, or the end of the text before it', () => {
    const { locate } = pageBlocks(page.document.body);
    expect(locate($('#yao-answers .turn-body'), 1)).toEqual({ block: 6, offset: 0 });
    expect(locate($('#yao-answers .turn-body'), 2)).toEqual({
      block: 6,
      offset: '第二段讲多模态：GAN-based 方法，很快。'.length,
    });
  });

  test('has no point for text it does not read', () => {
    const { locate } = pageBlocks(page.document.body);
    expect(locate(text('script'), 1)).toBeUndefined();
    expect(locate(text('ht-passage-link button'), 1)).toBeUndefined();
  });
});

describe('selectedTurn', () => {
  test('is the turn whose words hold both ends of the selection', () => {
    expect(selectedTurn(text('#yao-answers p'), text('#yao-answers mark'))?.id).toBe('yao-answers');
    expect(selectedTurn(text('#yao-answers p'), text('#yao-answers p:last-child'))?.id).toBe('yao-answers');
    expect(selectedTurn($('#yao-answers .turn-body'), $('#yao-answers p'))?.id).toBe('yao-answers');
  });

  test.each([
    ['two turns', '#xu-li-opens p', '#yao-answers p'],
    ['a turn’s words and its speaker’s name', '#yao-answers h3', '#yao-answers p'],
    ['a heading outside any turn', '.section-title', '.section-title'],
    ['a turn and the bar', '#yao-answers p', 'ht-passage-link button'],
  ])('is none for a selection across %s', (_name, from, to) => {
    expect(selectedTurn(text(from), text(to))).toBeUndefined();
  });
});

describe('passageLink: the fragment chosen for a selection', () => {
  function linkFor(startNode: Node, startOffset: number, endNode: Node, endOffset: number) {
    const { blocks, locate } = pageBlocks(page.document.body);
    const turn = selectedTurn(startNode, endNode)!;
    return passageLink(
      page.window.location.href,
      turn.id,
      blocks,
      locate(startNode, startOffset)!,
      locate(endNode, endOffset)!,
    );
  }

  test('links the turn on this page, without the page’s query or hash', () => {
    const link = linkFor(text('#yao-answers mark'), 0, text('#yao-answers mark'), 4);
    expect(link.startsWith('https://huitan.test/waic/#yao-answers:~:text=')).toBe(true);
    expect(fragment(link)).toEqual({ turn: 'https://huitan.test/waic/#yao-answers', start: '非常重要' });
  });

  test('adds context to a passage another turn also says', () => {
    // 幻觉的问题 is in both turns (and in the script, which the browser does not search).
    const link = linkFor(text('#yao-answers p'), 0, text('#yao-answers p'), 5);
    expect(fragment(link)).toMatchObject({ start: '幻觉的问题', suffix: '非常重要' });
  });

  test('spans a selection across a marked span as one passage', () => {
    const link = linkFor(text('#yao-answers p'), 3, text('#yao-answers p', 1), 1);
    expect(fragment(link)).toMatchObject({ start: '问题非常重要。' });
  });

  test('links a selection across two paragraphs of a turn with a range from the first to the last', () => {
    const link = linkFor(text('#yao-answers mark'), 0, text('#yao-answers p:last-child'), 7);
    expect(fragment(link)).toMatchObject({ start: '非常重要。', end: '第二段讲多模态' });
  });

  test('keeps Chinese and Latin punctuation in the passage, encoding the hyphen the syntax uses', () => {
    const paragraph = text('#yao-answers p:last-child');
    const from = '第二段讲多模态：'.length;
    const link = linkFor(paragraph, from, paragraph, from + 'GAN-based 方法，很快。'.length);
    expect(fragment(link)).toMatchObject({ start: 'GAN-based 方法，很快。' });
    expect(link).toContain('GAN%2Dbased%20');
  });

  test('drops the spaces a selection starts or ends with', () => {
    const paragraph = text('#yao-answers p:last-child');
    const from = '第二段讲多模态：GAN-based'.length;
    const link = linkFor(paragraph, from, paragraph, from + ' 方法'.length);
    expect(fragment(link)).toMatchObject({ start: '方法' });
  });
});
