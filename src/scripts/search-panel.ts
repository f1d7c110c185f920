/**
 * <ht-search-panel>: runs searches as the reader types and renders results, a speaker facet
 * (and, on a site with several talks, a talk facet) with counts, and an announced status. Everything the reader typed is rendered as text
 * (textContent), never as markup. In "page" mode the query and facets live in the URL
 * (/search/?q=…&speaker=…&talk=…): a search restores on load and the back button steps back.
 * Speakers are named in the page's language (site.json's editions). On a site in several
 * languages the results in the page's language come first and are the ones counted; a result in
 * another says which, and carries its `lang` (see resultLanguage).
 */
import { excerpt, loadPage, MAX_QUERY_LENGTH } from '../lib/search/query';
import { SEARCH_INDEX_LANGUAGE, searchLanguage } from '../lib/search/records';
import { speakersFor, type SearchSpeaker } from '../lib/search/site-json';
import {
  FIRST_PAGE,
  hitLanguage,
  loadPagefind,
  loadSite,
  preloadQuery,
  search,
  warmUp,
  type Hit,
  type Languages,
  type SearchOutcome,
} from './search-engine';
import { pageText } from '../lib/i18n/script-text';

const TYPING_DELAY_MS = 120;
/** The panel's words, in the page's language. */
const TEXT = pageText().search;
/** Results shown at first and added by "more": only these turns' records are fetched. */
const PAGE_SIZE = FIRST_PAGE;

/** A language tag in its usual case (zh-cn → zh-CN), for `lang` attributes. */
const tagCase = (tag: string) =>
  tag
    .split('-')
    .map((part, i) => (i > 0 && part.length === 2 ? part.toUpperCase() : part.toLowerCase()))
    .join('-');

/** How a result in another language than the page's says so (null when it is in the page's). */
export interface ResultLanguage {
  /** Its `lang`. */
  tag: string;
  /** E.g. "Shown in Chinese", "英文译文". */
  label: string;
}

/** A language's name in the page's words: the dictionary's, else the browser's, else its tag. */
export function languageName(language: string, pageLang: string, names: Record<string, string>): string {
  const primary = searchLanguage(language);
  if (names[primary]) return names[primary];
  try {
    return new Intl.DisplayNames([pageLang], { type: 'language' }).of(primary) ?? primary;
  } catch {
    return primary;
  }
}

/**
 * Whether `hit` is in another language than a page in `pageLang`, and if so its tag and label. A
 * turn of a translation is one whose page is the talk under its language's folder
 * (`/<lang>/<talk>/`, lib/sharing/routes.ts localized); any other is the talk as given.
 */
export function resultLanguage(
  hit: Pick<Hit, 'language' | 'url' | 'talk'>,
  pageLang: string,
  text: Pick<typeof TEXT, 'shownIn' | 'languages'>,
): ResultLanguage | null {
  const tag = tagCase(hit.language ?? SEARCH_INDEX_LANGUAGE);
  if (searchLanguage(tag) === searchLanguage(pageLang)) return null;
  const path = hit.url.split('#')[0] ?? '';
  const translation = path.endsWith(`/${tag.toLowerCase()}/${hit.talk}/`);
  return { tag, label: text.shownIn(languageName(tag, pageLang, text.languages), translation) };
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A speaker's initials on their colour, as Avatar.astro draws them; decorative (the name is beside it). */
function avatar(initials: string, color: string, className = 'avatar'): HTMLSpanElement {
  const badge = element('span', className, initials);
  badge.dataset['color'] = color;
  badge.setAttribute('aria-hidden', 'true');
  return badge;
}

/** A speaker's option in the facet: the same markup as the server's 全部 option, with an avatar. */
function speakerOption(speaker: SearchSpeaker): HTMLLabelElement {
  const option = element('label', 'filter-option search-facet-option');
  option.dataset['color'] = speaker.color;
  option.dataset['facet'] = speaker.id;
  const radio = element('input');
  [radio.type, radio.name, radio.value] = ['radio', 'speaker', speaker.id];
  const count = element('span', 'filter-count');
  count.dataset['countFor'] = speaker.id;
  option.append(
    radio,
    avatar(speaker.initials, speaker.color, 'avatar avatar-small'),
    element('span', undefined, speaker.name),
    count,
  );
  return option;
}

class SearchPanel extends HTMLElement {
  #input!: HTMLInputElement;
  #facet!: HTMLFieldSetElement;
  #talkFacet: HTMLFieldSetElement | null = null;
  #status!: HTMLElement;
  #suggestion!: HTMLElement;
  #list!: HTMLOListElement;
  #speakers: SearchSpeaker[] = [];
  /** The page's language and the index's languages (site.json), once read. */
  #languages: Languages = { page: searchLanguage(document.documentElement.lang), all: [] };
  /** Resolves once the speakers are read and the facet has an option for each. */
  #ready: Promise<void> = Promise.resolve();
  #base = '/';
  #page = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;
  #outcome: SearchOutcome | undefined;
  /** The hits on screen, and where the next page starts in the outcome's matches. */
  #hits: Hit[] = [];
  /** Whether the background load of a small index (warmUp) has started. */
  #warmed = false;
  #next = 0;
  /** Whether the current history entry is a committed search (see #remember). */
  #committed = false;
  #more!: HTMLButtonElement;
  /** Shows the results in other languages than the page's, listed after its own (see #visible). */
  #others!: HTMLButtonElement;
  /** Whether the reader asked for them (per search). */
  #revealed = false;

  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('.search-input');
    const form = this.querySelector<HTMLFormElement>('.search-form');
    const facet = this.querySelector<HTMLFieldSetElement>('.search-facet-speaker');
    this.#talkFacet = this.querySelector<HTMLFieldSetElement>('.search-facet-talk');
    const status = this.querySelector<HTMLElement>('.search-status');
    const suggestion = this.querySelector<HTMLElement>('.search-suggestion');
    const list = this.querySelector<HTMLOListElement>('.search-results');
    if (!input || !form || !facet || !status || !suggestion || !list) return;
    [this.#input, this.#facet, this.#status, this.#suggestion, this.#list] = [input, facet, status, suggestion, list];
    this.#more = element('button', 'button search-more', TEXT.more);
    this.#more.type = 'button';
    this.#more.hidden = true;
    this.#more.addEventListener('click', () => void this.#showMore());
    this.#others = element('button', 'button search-more search-others');
    this.#others.type = 'button';
    this.#others.hidden = true;
    this.#others.addEventListener('click', () => {
      this.#revealed = true;
      this.#others.hidden = true;
      void this.#showMore();
    });
    list.after(this.#more, this.#others);
    this.#base = this.dataset['base'] ?? '/';
    this.#ready = loadSite(this.#base).then((site) => {
      const speakers = speakersFor(site, document.documentElement.lang);
      this.#speakers = speakers;
      this.#languages = { ...this.#languages, all: site.index?.languages ?? [] };
      facet.append(...speakers.map(speakerOption));
    });
    this.#page = this.dataset['mode'] === 'page';
    // The panel starts when the dialog opens (or the search page loads): start Pagefind now, so
    // that its script, WebAssembly and index load while the reader types the first query.
    loadPagefind(this.#base).catch(() => undefined);

    input.addEventListener('input', () => {
      loadPagefind(this.#base)
        .then((pagefind) => preloadQuery(pagefind, input.value))
        .catch(() => undefined); // the search that follows reports failures
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#run('replace'), TYPING_DELAY_MS);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#timer);
      void this.#run('push');
    });
    for (const fieldset of [facet, this.#talkFacet]) {
      fieldset?.addEventListener('change', () => void this.#run('push'));
    }
    if (this.#page) {
      for (const note of document.querySelectorAll<HTMLElement>('.search-needs-js')) note.hidden = true;
      window.addEventListener('popstate', () => void this.#restore());
      void this.#restore();
    }
  }

  /** Reads q, speaker and talk from the URL; unknown speakers and talks are ignored. */
  async #restore() {
    await this.#ready; // the speaker in the URL is chosen among the facet's options
    const params = new URLSearchParams(window.location.search);
    this.#committed = window.location.search !== '';
    this.#input.value = (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH);
    this.#setFacet(params.get('speaker') ?? '');
    this.#setTalk(params.get('talk') ?? '');
    void this.#run('none');
  }

  get #facetValue(): string {
    return this.#facet.querySelector<HTMLInputElement>('input[name="speaker"]:checked')?.value ?? '';
  }

  get #talkValue(): string {
    return this.#talkFacet?.querySelector<HTMLInputElement>('input[name="talk"]:checked')?.value ?? '';
  }

  #setFacet(value: string) {
    const known = this.#speakers.some((speaker) => speaker.id === value);
    for (const radio of this.#facet.querySelectorAll<HTMLInputElement>('input[name="speaker"]')) {
      radio.checked = radio.value === (known ? value : '');
    }
  }

  #setTalk(value: string) {
    const radios = [...(this.#talkFacet?.querySelectorAll<HTMLInputElement>('input[name="talk"]') ?? [])];
    const known = radios.some((radio) => radio.value === value);
    for (const radio of radios) radio.checked = radio.value === (known ? value : '');
  }

  #remember(how: 'push' | 'replace' | 'none') {
    if (!this.#page || how === 'none') return;
    // Typing replaces the history entry it started from, unless that entry is a search the
    // reader committed (pressed Enter on, picked a facet for, or arrived at): then the first
    // keystroke starts a new entry, so Back returns to the committed search.
    const params = new URLSearchParams();
    const q = this.#input.value.trim().slice(0, MAX_QUERY_LENGTH);
    if (q) params.set('q', q);
    if (this.#facetValue) params.set('speaker', this.#facetValue);
    if (this.#talkValue) params.set('talk', this.#talkValue);
    const query = params.toString();
    const next = `${window.location.pathname}${query ? `?${query}` : ''}`;
    const unchanged = next === `${window.location.pathname}${window.location.search}`;
    if (!unchanged && (how === 'push' || this.#committed)) history.pushState(null, '', next);
    else if (!unchanged) history.replaceState(null, '', next);
    if (how === 'push' || !unchanged) this.#committed = how === 'push';
  }

  async #run(how: 'push' | 'replace' | 'none') {
    const sequence = ++this.#sequence;
    const text = this.#input.value;
    this.#remember(how);
    if (!text.trim()) {
      this.#outcome = undefined;
      this.#render();
      return;
    }
    this.setAttribute('aria-busy', 'true');
    try {
      // Speakers first read too: a query may name one (search-engine.ts).
      const [pagefind] = await Promise.all([loadPagefind(this.#base), this.#ready]);
      const outcome = await search(
        pagefind,
        text,
        this.#speakers,
        { speaker: this.#facetValue, talk: this.#talkValue },
        this.#talkFacet !== null,
        this.#languages,
      );
      this.#revealed = false;
      const { items: hits, next } = await loadPage(this.#visible(outcome), 0, PAGE_SIZE);
      if (sequence !== this.#sequence) return;
      [this.#outcome, this.#hits, this.#next] = [outcome, hits, next];
      this.#render();
      if (!this.#warmed) {
        // With the first results on screen, a small site's whole index loads in the background
        // so the next queries answer without the network (search-engine.ts warmUp).
        this.#warmed = true;
        const turns = Number(this.dataset['turns'] ?? 0);
        const warm = () =>
          void warmUp(
            pagefind,
            this.#speakers.map(({ id }) => id),
            turns,
          ).catch(() => undefined);
        if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 1000 });
        else setTimeout(warm, 0);
      }
    } catch (error) {
      if (sequence !== this.#sequence) return;
      this.#outcome = undefined;
      this.#list.replaceChildren();
      this.#more.hidden = true;
      this.#others.hidden = true;
      this.#status.textContent = TEXT.failed;
      console.warn('search failed', error);
    } finally {
      if (sequence === this.#sequence) this.removeAttribute('aria-busy');
    }
  }

  /** The next page of results, appended; focus stays on the button (or moves to the last result). */
  async #showMore() {
    const outcome = this.#outcome;
    if (!outcome) return;
    const sequence = this.#sequence;
    this.setAttribute('aria-busy', 'true');
    try {
      const shown = this.#visible(outcome);
      const { items: hits, next } = await loadPage(shown, this.#next, PAGE_SIZE);
      if (sequence !== this.#sequence) return;
      this.#hits.push(...hits);
      this.#next = next;
      this.#list.append(...hits.map((hit) => this.#result(hit, outcome)));
      this.#more.hidden = this.#next >= shown.length;
      this.#offerOthers(outcome);
      if (this.#more.hidden) this.#list.querySelector<HTMLElement>('li:last-child a')?.focus();
    } finally {
      if (sequence === this.#sequence) this.removeAttribute('aria-busy');
    }
  }

  #render() {
    const outcome = this.#outcome;
    const chosen = this.#facetValue;
    this.#suggestion.replaceChildren();
    this.#suggestion.hidden = true;
    this.#more.hidden = true;
    this.#others.hidden = true;
    if (!outcome) {
      this.#facet.hidden = true;
      if (this.#talkFacet) this.#talkFacet.hidden = true;
      this.#list.replaceChildren();
      this.#status.textContent = this.#input.value.trim() ? TEXT.empty : '';
      return;
    }
    if (outcome.query.words.length === 0) {
      this.#facet.hidden = true;
      if (this.#talkFacet) this.#talkFacet.hidden = true;
      this.#list.replaceChildren();
      this.#status.textContent = TEXT.onlySymbols;
      return;
    }
    // Each facet counts the turns the other facet leaves, so its numbers add up to what it would show.
    const talk = this.#talkValue;
    const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
    this.#renderFacet(this.#facet, outcome.speakerCounts, sum(outcome.speakerCounts), chosen);
    if (this.#talkFacet) this.#renderFacet(this.#talkFacet, outcome.talkCounts, sum(outcome.talkCounts), talk);
    // Only the turns on screen have been loaded and checked; one that failed the check is left out.
    // On a site in several languages the page's language's matches come first (`leading` of them).
    const split = outcome.languages;
    const leading = split ? split.leading : outcome.matches.length;
    const loadedLeading = this.#hits.filter((hit) => !split || hitLanguage(hit) === split.page).length;
    const found = leading - (Math.min(this.#next, leading) - loadedLeading);
    const others =
      outcome.matches.length - leading - (Math.max(0, this.#next - leading) - (this.#hits.length - loadedLeading));
    this.#list.replaceChildren(...this.#hits.map((hit) => this.#result(hit, outcome)));
    this.#more.hidden = this.#next >= this.#visible(outcome).length;
    this.#offerOthers(outcome);

    const talkTitle = talk
      ? this.#talkFacet?.querySelector<HTMLElement>(`[data-facet-value="${CSS.escape(talk)}"] .search-facet-name`)
          ?.textContent
      : undefined;
    const who =
      [
        chosen ? this.#speakers.find((speaker) => speaker.id === chosen)?.name : undefined,
        talkTitle && TEXT.talk(talkTitle),
      ]
        .filter(Boolean)
        .join(TEXT.and) || undefined;
    const lang = document.documentElement.lang;
    const othersName =
      split?.others.length === 1 ? languageName(split.others[0]!, lang, TEXT.languages) : TEXT.otherLanguages;
    const also = others > 0 ? TEXT.alsoIn(others, othersName) : '';
    if (outcome.speaker) {
      this.#status.textContent = TEXT.speakerAll(outcome.speaker.name, found) + also;
      this.#offerTextSearch(outcome);
    } else if (found > 0) {
      this.#status.textContent = TEXT.found(found, outcome.query.display, who) + also;
    } else if (others > 0) {
      this.#status.textContent = TEXT.foundIn(others, outcome.query.display, othersName, who);
    } else {
      this.#status.textContent = TEXT.notFound(outcome.query.display, who);
      if ((chosen || talk) && outcome.total > 0) this.#offerClearFacet(outcome.total);
    }
  }

  /**
   * The matches shown: on a site in several languages, only the page's language's while they are
   * the ones counted, until the reader asks for the others (#others). They are mostly the same
   * turns in the other language, and each would cost its record (about 2 KB) on the first query.
   * When the page's language has none, the others are the results (and counted).
   */
  #visible(outcome: SearchOutcome) {
    const split = outcome.languages;
    return split && split.counted === 'page' && !this.#revealed
      ? outcome.matches.slice(0, split.leading)
      : outcome.matches;
  }

  /** The button that shows the other languages' results, once the page's are all on screen. */
  #offerOthers(outcome: SearchOutcome) {
    const split = outcome.languages;
    const waiting = split ? outcome.matches.length - split.leading : 0;
    this.#others.hidden =
      !split || split.counted !== 'page' || this.#revealed || waiting === 0 || this.#next < split.leading;
    if (!split || this.#others.hidden) return;
    const lang = document.documentElement.lang;
    const name = split.others.length === 1 ? languageName(split.others[0]!, lang, TEXT.languages) : TEXT.otherLanguages;
    this.#others.textContent = TEXT.showOthers(waiting, name);
  }

  #renderFacet(facet: HTMLFieldSetElement, counts: Map<string, number>, total: number, chosen: string) {
    facet.hidden = total === 0 && !chosen;
    for (const option of facet.querySelectorAll<HTMLElement>('.search-facet-option')) {
      const radio = option.querySelector<HTMLInputElement>('input')!;
      const count = radio.value ? (counts.get(radio.value) ?? 0) : total;
      const label = option.querySelector<HTMLElement>('.filter-count');
      if (label) label.textContent = String(count);
      option.hidden = radio.value !== '' && count === 0 && radio.value !== chosen;
    }
  }

  #result(hit: Hit, outcome: SearchOutcome): HTMLLIElement {
    const item = element('li', 'search-result');
    item.dataset['color'] = hit.color;
    const [path = '', hash = ''] = hit.url.split('#');
    const url = new URL(path, window.location.origin);
    if (!outcome.speaker) url.searchParams.set('hl', outcome.query.words.join(' '));
    url.hash = hash;
    const link = element('a', 'search-result-link');
    link.href = `${url.pathname}${url.search}${url.hash}`;

    // The speaker as the page's language names them (site.json's editions); the rest is the turn's.
    const speaker = this.#speakers.find(({ id }) => id === hit.speaker);
    const head = element('span', 'search-result-head');
    const role = element('span', 'search-result-role', hit.role);
    head.append(
      avatar(speaker?.initials ?? hit.initials, hit.color),
      element('span', 'search-result-speaker', speaker?.name ?? hit.speakerName),
      role,
    );
    const where = element('span', 'search-result-where', [hit.talkTitle, hit.section].filter(Boolean).join(' · '));
    const text = element('span', 'search-result-excerpt');
    // A turn in another language than the page's says so, and its words carry their language.
    const other = resultLanguage(hit, document.documentElement.lang, TEXT);
    if (other) {
      for (const part of [role, where, text]) part.lang = other.tag;
      head.append(element('span', 'search-result-language', other.label));
    }
    for (const part of excerpt(hit.text, outcome.speaker ? [] : outcome.query.words, 80, hit.language)) {
      text.append(part.marked ? element('mark', 'search-hit', part.text) : document.createTextNode(part.text));
    }
    link.append(head, where, text);
    item.append(link);
    return item;
  }

  #offerTextSearch(outcome: SearchOutcome) {
    const button = element('button', 'button search-text-instead', TEXT.textInstead(outcome.query.display));
    button.type = 'button';
    button.addEventListener('click', () => {
      this.#input.value = `"${outcome.query.display}"`;
      void this.#run('push');
      this.#input.focus();
    });
    this.#suggestion.append(button);
    this.#suggestion.hidden = false;
  }

  #offerClearFacet(total: number) {
    const button = element('button', 'button search-clear-facet', TEXT.clearFacet(total));
    button.type = 'button';
    button.addEventListener('click', () => {
      this.#setFacet('');
      this.#setTalk('');
      void this.#run('push');
      this.#input.focus();
    });
    this.#suggestion.append(button);
    this.#suggestion.hidden = false;
  }
}

if (!customElements.get('ht-search-panel')) customElements.define('ht-search-panel', SearchPanel);
