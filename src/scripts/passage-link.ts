/**
 * <ht-passage-link>: while the selection lies inside one turn's text, offers a link to that
 * passage: the turn's permalink plus a text fragment that matches only it on this page
 * (src/lib/sharing/text-fragment.ts). The bar stays while focus is in it, so it works by keyboard.
 */
import { copiedMessage, copyText } from './copy-text';
import { pageBlocks, passageLink, selectedTurn } from './passage-target';
import { pageText } from '../lib/i18n/script-text';

const TEXT = pageText().passage;

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

  #update() {
    // Focus moved into the bar (keyboard users tab to it): keep what was offered.
    if (this.contains(document.activeElement)) return;
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : undefined;
    const turn =
      range && range.toString().trim() !== '' ? selectedTurn(range.startContainer, range.endContainer) : undefined;
    if (!range || !turn) {
      this.hidden = true;
      this.#url = undefined;
      return;
    }
    const { blocks, locate } = pageBlocks(document.body);
    const start = locate(range.startContainer, range.startOffset);
    const end = locate(range.endContainer, range.endOffset);
    if (!start || !end) return;
    this.#url = passageLink(window.location.href, turn.id, blocks, start, end);
    const status = this.querySelector<HTMLElement>('.share-status');
    if (status) status.textContent = '';
    this.hidden = false;
  }

  async #copy() {
    if (!this.#url) return;
    const status = this.querySelector<HTMLElement>('.share-status');
    const result = await copyText(this.#url, null);
    if (status) status.textContent = result === 'copied' ? copiedMessage(TEXT.what, result) : TEXT.manual(this.#url);
  }
}

/**
 * The bar itself: made here, not by the server, as this module loads only on the first selection
 * in a turn (every-page.ts). It follows the transcript, so Tab reaches it right after the text.
 */
function passageBar(): HTMLElement {
  const bar = document.createElement('ht-passage-link');
  bar.className = 'passage-link';
  bar.hidden = true;
  const inner = document.createElement('div');
  inner.className = 'passage-link-inner';
  inner.setAttribute('role', 'group');
  inner.setAttribute('aria-label', TEXT.groupLabel);
  const button = document.createElement('button');
  [button.className, button.type, button.textContent] = ['button', 'button', TEXT.button];
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
