/**
 * <ht-share>: enhances a ShareMenu. Reveals the copy buttons (and Web Share where the browser
 * has it), puts the access date into the GB/T 7714 citation, copies with a manual-copy
 * fallback and announces the result in the menu's live region.
 */
import { citeGbt7714, isoDay, type CitationInput } from '../lib/citation';
import { copiedMessage, copyText } from './copy-text';

const WHAT: Record<string, string> = {
  url: '链接',
  text: '引文',
  gbt: 'GB/T 7714 引用',
  apa: 'APA 引用',
};

class ShareMenu extends HTMLElement {
  connectedCallback() {
    const run = () => this.#start();
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 500 });
    else setTimeout(run, 0);
  }

  #part(name: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-share-part="${name}"]`);
  }

  #start() {
    const citation = JSON.parse(this.dataset['citation'] ?? '{}') as CitationInput;
    const gbt = this.#part('gbt');
    if (gbt) gbt.textContent = citeGbt7714({ ...citation, accessed: isoDay(new Date()) });
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-copy]')) button.hidden = false;
    this.querySelector<HTMLElement>('[data-share-turn-text]')?.removeAttribute('hidden');
    const native = this.querySelector<HTMLButtonElement>('[data-share-native]');
    if (native && typeof navigator.share === 'function') {
      native.hidden = false;
      native.addEventListener('click', () => void this.#share());
    }
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('[data-copy]');
      if (button) void this.#copy(button.dataset['copy'] ?? 'url');
    });
  }

  /** A turn's words, paragraph by paragraph, followed by who said it where and the link. */
  #turnText(): string {
    const turn = this.closest('.turn');
    const paragraphs = [...(turn?.querySelectorAll('.turn-body p') ?? [])].map((p) => p.textContent?.trim() ?? '');
    return `${paragraphs.join('\n')}\n——${this.dataset['author']}，${this.dataset['talkLabel']} ${this.dataset['url']}`;
  }

  async #copy(kind: string) {
    const part = this.#part(kind);
    const text = kind === 'url' ? (this.dataset['url'] ?? '') : kind === 'text' && !part ? this.#turnText() : (part?.textContent ?? '');
    const result = await copyText(text, part ?? this.closest('.turn')?.querySelector('.turn-body') ?? null);
    this.#announce(copiedMessage(kind === 'text' && !part ? '发言全文' : (WHAT[kind] ?? ''), result));
  }

  async #share() {
    try {
      await navigator.share({ title: `${this.dataset['label']}｜会谈`, url: this.dataset['url'] ?? '' });
    } catch {
      // The reader closed the share sheet: nothing to announce.
    }
  }

  #announce(message: string) {
    const status = this.querySelector<HTMLElement>('.share-status');
    if (!status) return;
    // Clearing first makes a repeated message be announced again.
    status.textContent = '';
    requestAnimationFrame(() => {
      status.textContent = message;
    });
  }
}

if (!customElements.get('ht-share')) customElements.define('ht-share', ShareMenu);
