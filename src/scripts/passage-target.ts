/**
 * What the selection bar (passage-link.ts) links to: the page's text as the browser searches it
 * for a text fragment, the turn a selection lies in, and the link itself. Apart from the element,
 * so that these choices are unit tested on a page without a browser.
 */
import { buildTextDirective, passageUrl, type PassagePoint } from '../lib/sharing/text-fragment';

const BLOCK =
  'p, li, h1, h2, h3, h4, dt, dd, blockquote, figcaption, summary, label, td, th, article, section, header, footer, main, aside, nav, div, body';

export interface PageText {
  /** The text of each block, in document order. */
  blocks: string[];
  /** A selection boundary as a block and an offset in its text; undefined where there is no text to point at. */
  locate(node: Node, offset: number): PassagePoint | undefined;
}

/** The page under `root` as the browser searches it: text grouped by its nearest block element. */
export function pageBlocks(root: Element): PageText {
  const document = root.ownerDocument;
  const blocks: string[] = [];
  const index = new Map<Element, number>();
  const where = new Map<Node, { block: number; start: number }>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Scripts, styles and the bar's own words are not the page's text.
    if (node.parentElement?.closest('script, style, ht-passage-link')) continue;
    const block = node.parentElement!.closest(BLOCK)!;
    let at = index.get(block);
    if (at === undefined) {
      at = blocks.push('') - 1;
      index.set(block, at);
    }
    where.set(node, { block: at, start: blocks[at]!.length });
    blocks[at] += node.textContent ?? '';
  }
  const locate = (node: Node, offset: number): PassagePoint | undefined => {
    if (node.nodeType !== Node.TEXT_NODE) {
      // A selection boundary between elements: use the nearest text node inside or after it.
      const child = node.childNodes[offset] ?? node.childNodes[node.childNodes.length - 1];
      if (!child) return undefined;
      const inner = document.createTreeWalker(child, NodeFilter.SHOW_TEXT).nextNode();
      return inner ? locate(inner, offset >= node.childNodes.length ? (inner.textContent?.length ?? 0) : 0) : undefined;
    }
    const place = where.get(node);
    return place && { block: place.block, offset: place.start + offset };
  };
  return { blocks, locate };
}

/** The turn a selection from `start` to `end` lies in, if it lies in the text of exactly one turn. */
export function selectedTurn(start: Node, end: Node): HTMLElement | undefined {
  const bodyOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('.turn-body');
  const body = bodyOf(start);
  if (!body || body !== bodyOf(end)) return undefined;
  return body.closest<HTMLElement>('.turn') ?? undefined;
}

/**
 * The link to a passage of the turn `turnId` on the page at `pageHref`: the turn's permalink
 * without the page's query (a search highlight or a filter is not part of the passage) and a text
 * fragment that matches only the passage from `start` to `end`.
 */
export function passageLink(
  pageHref: string,
  turnId: string,
  blocks: readonly string[],
  start: PassagePoint,
  end: PassagePoint,
): string {
  const turnUrl = new URL(`#${turnId}`, pageHref);
  turnUrl.search = '';
  return passageUrl(turnUrl.href, buildTextDirective(blocks, start, end));
}
