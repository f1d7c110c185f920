/**
 * A linkedom page for unit tests of the browser scripts (src/scripts/): its window's globals
 * (document, customElements, HTMLElement, …) stubbed in, so that a script imported afterwards
 * defines its element in this page. Call `vi.resetModules()` before importing the script again
 * for a new page, and `close()` after the test.
 *
 * linkedom has no checkedness: here an input's `checked` is its `checked` attribute, which is
 * also what `:checked` matches in linkedom.
 */
import { NodeFilter, parseHTML } from 'linkedom';
import { vi } from 'vitest';

export interface ScriptPage {
  window: Window & typeof globalThis;
  document: Document;
  /** Inserts `html` into the body, connecting (and starting) any custom elements in it. */
  mount(html: string): void;
  /** Removes the globals and the `checked` property (linkedom's classes are shared by every page). */
  close(): void;
}

export function scriptPage(url = 'https://huitan.test/'): ScriptPage {
  const { window, document } = parseHTML('<!doctype html><html><head></head><body></body></html>') as unknown as {
    window: Window & typeof globalThis;
    document: Document;
  };
  const location = new URL(url);
  Object.defineProperty(window, 'location', { value: location, configurable: true });
  for (const name of ['customElements', 'Element', 'HTMLElement', 'Event', 'Node'] as const)
    vi.stubGlobal(name, window[name]);
  vi.stubGlobal('NodeFilter', NodeFilter);
  const input = Object.getPrototypeOf(document.createElement('input')) as HTMLInputElement;
  Object.defineProperty(input, 'checked', {
    configurable: true,
    get(this: HTMLInputElement) {
      return this.hasAttribute('checked');
    },
    set(this: HTMLInputElement, value: boolean) {
      this.toggleAttribute('checked', value);
    },
  });
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('location', location);
  return {
    window,
    document,
    mount: (html) => document.body.insertAdjacentHTML('beforeend', html),
    close: () => {
      vi.unstubAllGlobals();
      delete (input as Partial<HTMLInputElement>).checked;
    },
  };
}
