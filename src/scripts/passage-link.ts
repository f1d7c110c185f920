/**
 * <ht-passage-link>: while the selection lies inside one turn's text, offers a link to that
 * passage: the turn's permalink plus a text fragment that matches only it on this page
 * (src/lib/text-fragment.ts). The bar stays while focus is in it, so it works by keyboard.
 */
import { buildTextDirective, passageUrl, type PassagePoint } from '../lib/text-fragment';
import { copiedMessage, copyText } from './copy-text';

const BLOCK = 'p, li, h1, h2, h3, h4, dt, dd, blockquote, figcaption, summary, label, td, th, article, section, header, footer, main, aside, nav, div, body';

/** The page as the browser searches it: text grouped by its nearest block element. */
function pageBlocks(): { blocks: string[]; locate: (node: Node, offset: number) => PassagePoint | undefined } {
  const blocks: string[] = [];
  const index = new Map<Element, number>();
  const where = new Map<Node, { block: number; start: number }>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, ht-passage-link') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
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

class PassageLink extends HTMLElement {
  #url: string | undefined;

  connectedCallback() {
    const run = () => this.#start();
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 500 });
    else setTimeout(run, 0);
  }

  #start() {
    document.addEventListener('selectionchange', () => this.#update());
    this.querySelector('[data-passage-copy]')?.addEventListener('click', () => void this.#copy());
    // Text may have been selected before the script started.
    this.#update();
  }

  /** The turn a selection lies in, if it lies in the text of exactly one turn. */
  #selectedTurn(range: Range): HTMLElement | undefined {
    const bodyOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('.turn-body');
    const body = bodyOf(range.startContainer);
    if (!body || body !== bodyOf(range.endContainer)) return undefined;
    return body.closest<HTMLElement>('.turn') ?? undefined;
  }

  #update() {
    // Focus moved into the bar (keyboard users tab to it): keep what was offered.
    if (this.contains(document.activeElement)) return;
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : undefined;
    const turn = range && range.toString().trim() !== '' ? this.#selectedTurn(range) : undefined;
    if (!range || !turn) {
      this.hidden = true;
      this.#url = undefined;
      return;
    }
    const { blocks, locate } = pageBlocks();
    const start = locate(range.startContainer, range.startOffset);
    const end = locate(range.endContainer, range.endOffset);
    if (!start || !end) return;
    const turnUrl = new URL(`#${turn.id}`, window.location.href);
    turnUrl.search = '';
    this.#url = passageUrl(turnUrl.href, buildTextDirective(blocks, start, end));
    const status = this.querySelector<HTMLElement>('.share-status');
    if (status) status.textContent = '';
    this.hidden = false;
  }

  async #copy() {
    if (!this.#url) return;
    const status = this.querySelector<HTMLElement>('.share-status');
    const result = await copyText(this.#url, null);
    if (status) status.textContent = result === 'copied' ? copiedMessage('这段文字的链接', result) : `无法直接复制，请手动复制：${this.#url}`;
  }
}

/**
 * The bar itself: made here, not by the server, as this module loads only on the first selection
 * in a turn (site.ts). It follows the transcript, so Tab reaches it right after the text.
 */
function passageBar(): HTMLElement {
  const bar = document.createElement('ht-passage-link');
  bar.className = 'passage-link';
  bar.hidden = true;
  const inner = document.createElement('div');
  inner.className = 'passage-link-inner';
  inner.setAttribute('role', 'group');
  inner.setAttribute('aria-label', '选中文字的链接');
  const button = document.createElement('button');
  [button.className, button.type, button.textContent] = ['button', 'button', '复制这段文字的链接'];
  button.dataset['passageCopy'] = '';
  const status = document.createElement('span');
  status.className = 'share-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  inner.append(button, status);
  bar.append(inner);
  return bar;
}

if (!customElements.get('ht-passage-link')) customElements.define('ht-passage-link', PassageLink);
if (!document.querySelector('ht-passage-link')) {
  const transcript = document.querySelector('.transcript');
  if (transcript) transcript.after(passageBar());
  else document.body.append(passageBar());
}
