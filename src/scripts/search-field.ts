/**
 * <ht-search-field>: the header's search field. Typing in it, clicking it, "/" or Ctrl/⌘-K open the
 * search dialog; the dialog's panel code (and later Pagefind) is imported only then. Esc closes
 * the dialog and focus returns to where it was.
 */
import searchStylesheet from '../styles/search.css?url';

/**
 * The dialog's stylesheet is not in the page (only the search page inlines it): it loads on the
 * first approach to the search field (pointer or focus), so it is usually in before the dialog
 * opens; opened at once with "/" or Ctrl/⌘-K, the dialog shows plain for the moment it takes.
 */
function loadSearchStyles() {
  if (document.querySelector(`link[href="${searchStylesheet}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = searchStylesheet;
  document.head.append(link);
}

class SearchField extends HTMLElement {
  #dialog: HTMLDialogElement | null = null;
  #field: HTMLInputElement | null = null;
  #returnTo: HTMLElement | null = null;

  connectedCallback() {
    this.#dialog = this.querySelector('dialog');
    this.#field = this.querySelector<HTMLInputElement>('.site-search-input');
    if (!this.#dialog || !this.#field) return;

    for (const type of ['pointerover', 'focusin']) this.addEventListener(type, loadSearchStyles, { once: true });
    this.#field.addEventListener('input', () => this.open(this.#field!.value));
    this.#field.addEventListener('click', () => this.open(this.#field!.value));
    this.#field.form?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.open(this.#field!.value);
    });
    document.addEventListener('keydown', (event) => this.#onKey(event));
    this.#dialog.addEventListener('close', () => {
      this.#field!.value = '';
      const target = this.#returnTo?.isConnected ? this.#returnTo : this.#field;
      target?.focus();
    });
    // Clicking the backdrop closes the dialog.
    this.#dialog.addEventListener('click', (event) => {
      if (event.target === this.#dialog) this.#dialog!.close();
    });
  }

  #onKey(event: KeyboardEvent) {
    if (this.#dialog!.open) return;
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable="true"]') !== null;
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (slash || commandK) {
      event.preventDefault();
      this.open('');
    }
  }

  async open(initial: string) {
    const dialog = this.#dialog!;
    if (dialog.open) return;
    // The code first: showing the dialog and focusing its field lay out the page (10–20 ms on the
    // reader), and the requests need not wait for that. pagefind.js loads in parallel with the
    // panel's code (which starts the rest of Pagefind as it is defined), not after it: the
    // loader's import of the same URL then finds the module loaded. search-query is the panel's
    // one static import, a chunk it shares with the search-term marks: requested here, it loads
    // with the panel instead of after it (npm run bench: search cold).
    const base = dialog.querySelector<HTMLElement>('ht-search-panel')?.dataset['base'];
    if (base) void import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).catch(() => undefined);
    void import('../lib/search/query').catch(() => undefined);
    // The panel's words (a chunk the lazy scripts share), also in parallel rather than after it.
    void import('../lib/i18n/script-text').catch(() => undefined);
    const panel = import('./search-panel');
    this.#returnTo =
      document.activeElement instanceof HTMLElement && document.activeElement !== this.#field
        ? document.activeElement
        : this.#field;
    loadSearchStyles();
    dialog.showModal();
    const input = dialog.querySelector<HTMLInputElement>('.search-input');
    if (input) {
      input.value = initial;
      input.focus();
      input.setSelectionRange(initial.length, initial.length);
    }
    await panel;
    // Whatever was typed before the panel's code arrived (the field it came from, or keys
    // pressed right after "/") is searched now: those input events found no listener.
    if (input?.value.trim()) input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

if (!customElements.get('ht-search-field')) customElements.define('ht-search-field', SearchField);
