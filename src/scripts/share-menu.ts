/**
 * <ht-share>: enhances a ShareMenu. A light menu (data-deferred, the reader's) first gets its
 * full panel, built here as SharePanel.astro renders it and filled from the menu's data-* and
 * the talk's fields (the reader's `data-share-talk`); then
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

function element(tag: string, className: string, text = ''): HTMLElement {
  const made = document.createElement(tag);
  made.className = className;
  made.textContent = text;
  return made;
}

/** A copy button: its words, then (for screen readers) what it copies, named by `label`. */
function copyButton(copy: string, words: string, label: string, separator = TEXT.panel.labelSeparator) {
  const button = element('button', 'button share-button', words) as HTMLButtonElement;
  button.type = 'button';
  button.dataset['copy'] = copy;
  button.hidden = true;
  button.append(element('span', 'visually-hidden', `${separator}${label}`));
  return button;
}

/** One row: its term, its value (`part`, filled by the caller) and its copy button. */
function row(term: string, part: string, copy: string, label: string, english = false) {
  const termElement = element('span', 'share-term', term);
  // The styles' names are English words: marked so on a page in another language (SharePanel.astro).
  if (english && !document.documentElement.lang.toLowerCase().startsWith('en')) termElement.lang = 'en';
  const value = element('p', 'share-value');
  value.dataset['sharePart'] = part;
  const line = element('div', 'share-row');
  line.append(termElement, value, copyButton(part, copy, label));
  return line;
}

/**
 * The full panel of a light menu, as SharePanel.astro renders a turn's or quote's: the link, the
 * quote (or the turn's words, copied with their source), GB/T 7714 and APA for an original, APA
 * and Chicago for a translation, Web Share and the status. Citations are filled by the caller.
 */
function fullPanel(menu: { id: string; url: string; label: string; quote: boolean; translated: boolean }) {
  const words = TEXT.panel;
  const panel = element('div', 'share-panel');
  const term = element('span', 'share-term', words.link);
  term.id = `${menu.id}-link-term`;
  const link = element('a', 'share-value', menu.url) as HTMLAnchorElement;
  link.href = menu.url;
  link.dataset['sharePart'] = 'url';
  const copyLink = copyButton('url', words.copyLink, menu.label);
  copyLink.setAttribute('aria-describedby', term.id);
  const linkRow = element('div', 'share-row');
  linkRow.append(term, link, copyLink);
  panel.append(linkRow);
  if (menu.quote) {
    const quote = row(words.quote, 'text', words.copyQuote, menu.label);
    quote.dataset['shareQuote'] = '';
    panel.append(quote);
  } else {
    const turnText = element('div', 'share-row');
    turnText.dataset['shareTurnText'] = '';
    turnText.hidden = true;
    const copy = copyButton('text', words.copyTurnText, menu.label);
    copy.hidden = false;
    turnText.append(element('span', 'share-term', words.turnText), copy);
    panel.append(turnText);
  }
  if (!menu.translated) panel.append(row(words.gbtTerm, 'gbt', words.copyGbt, menu.label));
  panel.append(row(words.apaTerm, 'apa', words.copyApa, menu.label, true));
  if (menu.translated) panel.append(row(words.chicagoTerm, 'chicago', words.copyChicago, menu.label, true));
  const native = copyButton('', words.native, menu.label, '');
  native.className = 'button share-button share-native';
  native.removeAttribute('data-copy');
  native.dataset['shareNative'] = '';
  const status = element('p', 'share-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  panel.append(native, status);
  return panel;
}

class ShareMenu extends HTMLElement {
  #talk: ShareTalk | undefined;

  connectedCallback() {
    if (this.#talk) return;
    this.#talk = talkOf(this.dataset['talk'] ?? this.closest<HTMLElement>('[data-share-talk]')?.dataset['shareTalk']);
    if (!this.#talk) return; // no talk to cite: the menu stays as the server rendered it
    if (this.hasAttribute('data-deferred')) this.#fill();
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

  /** Replaces the light panel with the full one, filled for this turn or quote. */
  #fill() {
    // A light menu carries its URL once, on its link (ShareMenu.astro).
    this.dataset['url'] ??= this.querySelector<HTMLAnchorElement>('.share-panel a.share-value')?.href ?? '';
    const { url = '', label = '', text, id = '' } = this.dataset;
    const translated = this.#translated();
    const panel = fullPanel({ id, url, label, quote: Boolean(text), translated: translated !== undefined });
    if (text) setText(panel.querySelector('[data-share-part="text"]')!, text);
    setText(
      panel.querySelector('[data-share-part="apa"]')!,
      translated ? citeApaTranslation(translated) : citeApa(this.#citation()),
    );
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
