/**
 * <ht-speaker-filter>: enhances the CSS-only speaker filter. It mirrors the choice in the URL
 * (`?speakers=a,b`, `&host=0` when the host's questions are hidden), restores it on load,
 * ignores unknown values, and announces how many turns are visible. It may load after the reader
 * has changed the boxes (every-page.ts loads it on the first approach to the filter): the URL only
 * overrides them when it names a filter, which every-page.ts marks with `data-url-filter`.
 */
import { parseFilterQuery } from '../lib/text/format';
import { filteredAddress } from './speaker-filter-state';
import { pageText } from '../lib/i18n/script-text';

class SpeakerFilter extends HTMLElement {
  #form: HTMLFormElement | null = null;

  connectedCallback() {
    this.#form = this.querySelector('form');
    if (!this.#form) return;
    const run = () => this.#start();
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 500 });
    else setTimeout(run, 0);
  }

  get #speakerBoxes(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('input[name="speakers"]')];
  }

  get #keepHost(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('input.keep-host');
  }

  #start() {
    const form = this.#form!;
    if (this.hasAttribute('data-url-filter')) {
      const known = this.#speakerBoxes.map((box) => box.value);
      const { speakers, keepHost } = parseFilterQuery(window.location.search, known);
      for (const box of this.#speakerBoxes) box.checked = speakers.includes(box.value);
      if (this.#keepHost) this.#keepHost.checked = keepHost;
    }
    form.addEventListener('change', () => this.#update(true));
    // A reset clears the boxes after the event: read the new state on the next task.
    form.addEventListener('reset', () => setTimeout(() => this.#update(true), 0));
    this.#update(false);
  }

  #update(announce: boolean) {
    const speakers = this.#speakerBoxes.filter((box) => box.checked).map((box) => box.value);
    const keepHost = this.#keepHost?.checked ?? true;
    const next = filteredAddress(window.location.href, speakers, keepHost);
    if (next) history.replaceState(history.state, '', next);

    const turns = [...document.querySelectorAll<HTMLElement>('.turn')];
    const shown = turns.filter((turn) => {
      const body = turn.querySelector<HTMLElement>('.turn-body');
      return body !== null && getComputedStyle(body).display !== 'none';
    }).length;
    const status = this.querySelector<HTMLElement>('.filter-status');
    if (status && (announce || speakers.length > 0)) {
      status.textContent =
        speakers.length === 0 ? pageText().filter.all(turns.length) : pageText().filter.some(shown, turns.length);
    }
  }
}

if (!customElements.get('ht-speaker-filter')) customElements.define('ht-speaker-filter', SpeakerFilter);
