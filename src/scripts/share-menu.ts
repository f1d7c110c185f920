/**
 * <ht-share>: enhances a ShareMenu. A light menu (data-deferred, the reader's) first gets its
 * full panel, cloned from the page's #share-template and filled from the menu's data-*; then
 * every menu reveals its copy buttons (and Web Share where the browser has it), puts the access
 * date into the GB/T 7714 citation, copies with a manual-copy fallback and announces the result.
 *
 * This module is loaded on demand (every-page.ts): at once where a page has full menus, and on the
 * first pointer or focus on a light menu where it has only those.
 */
import {
  attributionLabel,
  citeApa,
  citeApaTranslation,
  citeChicagoNote,
  citeGbt7714,
  englishAttributionLabel,
  englishLanguageName,
  isoDay,
  translatedCitation,
  type CitationInput,
} from '../lib/sharing/citation';
import type { ShareTalk } from '../lib/sharing/routes';
import { copiedMessage, copyText } from './copy-text';
import { splitHan } from '../lib/text/han-runs';
import { pageText } from '../lib/i18n/script-text';

const TEXT = pageText().share;

/**
 * Puts a citation into `element`; on a page not in Chinese each run of Chinese in it (an original
 * title) is marked as the site's Chinese, zh-CN, as MarkedText.astro marks it on the server.
 */
function setText(element: Element, text: string) {
  if (document.documentElement.lang.toLowerCase().startsWith('zh')) {
    element.textContent = text;
    return;
  }
  element.replaceChildren(
    ...splitHan(text).map((run) => {
      if (!run.han) return run.text;
      const span = document.createElement('span');
      span.lang = 'zh-CN';
      span.textContent = run.text;
      return span;
    }),
  );
}
/** What each copy button copies, as its confirmation names it. */
const WHAT: Record<string, string> = {
  url: TEXT.what.url,
  text: TEXT.what.text,
  gbt: TEXT.what.gbt,
  apa: TEXT.what.apa,
  chicago: TEXT.what.chicago,
};

function talkOf(json: string | undefined): ShareTalk | undefined {
  try {
    return json ? (JSON.parse(json) as ShareTalk) : undefined;
  } catch {
    return undefined;
  }
}

class ShareMenu extends HTMLElement {
  #talk: ShareTalk | undefined;

  connectedCallback() {
    if (this.#talk) return;
    const template = document.querySelector<HTMLTemplateElement>('template#share-template');
    this.#talk = talkOf(this.dataset['talk'] ?? template?.dataset['talk']);
    if (!this.#talk) return; // no talk to cite: the menu stays as the server rendered it
    if (this.hasAttribute('data-deferred')) {
      if (!template) return;
      this.#fill(template);
    }
    this.#start();
  }

  #part(name: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-share-part="${name}"]`);
  }

  #citation(accessed?: string): CitationInput {
    const { title, subtitle, date } = this.#talk!;
    return { author: this.dataset['author'] ?? '', title, subtitle, date, url: this.dataset['url'] ?? '', accessed };
  }

  /** A translated talk's citation input (routes.ts ShareTalk.translation), or undefined for an original. */
  #translated(accessed?: string) {
    const talk = this.#talk!;
    if (!talk.translation) return undefined;
    const { author = '', family, url = '' } = this.dataset;
    return translatedCitation(talk, talk.translation, { author, family }, url, accessed);
  }

  /** Replaces the light panel with the template's, filled for this turn or quote. */
  #fill(template: HTMLTemplateElement) {
    const panel = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
    // A light menu carries its URL once, on its link (ShareMenu.astro).
    this.dataset['url'] ??= this.querySelector<HTMLAnchorElement>('.share-panel a.share-value')?.href ?? '';
    const { url = '', label = '', text, id = '' } = this.dataset;
    const link = panel.querySelector<HTMLAnchorElement>('[data-share-part="url"]')!;
    link.href = url;
    link.textContent = url;
    const term = panel.querySelector<HTMLElement>('[data-share-id="link-term"]')!;
    term.id = `${id}-link-term`;
    panel.querySelector('[data-copy="url"]')!.setAttribute('aria-describedby', term.id);
    if (text) {
      setText(panel.querySelector('[data-share-part="text"]')!, text);
      panel.querySelector('[data-share-turn-text]')!.remove();
    } else {
      panel.querySelector('[data-share-quote]')!.remove();
    }
    const translated = this.#translated();
    setText(
      panel.querySelector('[data-share-part="apa"]')!,
      translated ? citeApaTranslation(translated) : citeApa(this.#citation()),
    );
    for (const span of panel.querySelectorAll('[data-share-label]')) span.append(label);
    this.querySelector('.share-panel')!.replaceWith(panel);
    this.removeAttribute('data-deferred');
  }

  #start() {
    const gbt = this.#part('gbt');
    if (gbt) gbt.textContent = citeGbt7714(this.#citation(isoDay(new Date())));
    const chicago = this.#part('chicago');
    const translated = this.#translated(isoDay(new Date()));
    if (chicago && translated) setText(chicago, citeChicagoNote(translated));
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
    const talk = this.#talk!;
    const author = this.dataset['author'] ?? '';
    const url = this.dataset['url'] ?? '';
    // A translated turn's source line says whose translation it is and from what language.
    const source = talk.translation
      ? TEXT.translatedTurnSource(
          author,
          englishAttributionLabel(talk),
          url,
          talk.translation.by,
          englishLanguageName(talk.translation.from),
        )
      : TEXT.turnSource(author, attributionLabel(talk), url);
    return `${paragraphs.join('\n')}\n${source}`;
  }

  async #copy(kind: string) {
    const part = this.#part(kind);
    const text =
      kind === 'url'
        ? (this.dataset['url'] ?? '')
        : kind === 'text' && !part
          ? this.#turnText()
          : (part?.textContent ?? '');
    const result = await copyText(text, part ?? this.closest('.turn')?.querySelector('.turn-body') ?? null);
    this.#announce(copiedMessage(kind === 'text' && !part ? TEXT.what.turnText : (WHAT[kind] ?? ''), result));
  }

  async #share() {
    try {
      await navigator.share({ title: TEXT.shareTitle(this.dataset['label'] ?? ''), url: this.dataset['url'] ?? '' });
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
