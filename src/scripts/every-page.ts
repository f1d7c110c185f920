/**
 * The one script every page loads (Base.astro). It defines the element that must work from the
 * start (the header's search field: "/" and Ctrl/⌘-K) and loads everything else on first use,
 * so a reader downloads one small module before searching (budgets: npm run bench):
 * - the speaker filter's URL mirror and announced count (speaker-filter.ts): at once when the URL
 *   names a filter, else on the first pointer or focus on the filter (it filters without
 *   JavaScript: checkboxes and CSS);
 * - share menus (share-menu.ts): at once where a page has full menus (share and cite pages);
 *   on the reader, whose menus are light, on the first pointer or focus on one;
 * - the selection bar (passage-link.ts, which also makes the bar): on the first selection in a
 *   turn, which it then reads;
 * - search-term marks (highlight-terms.ts): when a search result led here with ?hl=…;
 * - the language switch's place keeping (language-switch.ts): on the first pointer or focus on it;
 * - the notes' close buttons (note-close.ts): on the first pointer or focus on a note's marker;
 * - the reader's tools (reader-tools.ts: the reading modes, the phone toolbar's panels): at once
 *   when this talk has a remembered reading mode (the page may go there), else on the first
 *   pointer or focus on the tools; a first visit has none.
 */
import { namesFilter } from '../lib/search/names-filter';
import './search-field';

/** Runs `load` once, on the first pointer or keyboard approach to an element matching `selector`. */
function onIntent(selector: string, load: () => Promise<unknown>) {
  // pointerover also fires on touch before the tap; focusin covers the keyboard.
  const INTENT = ['pointerover', 'focusin'] as const;
  const intent = (event: Event) => {
    if (!(event.target instanceof Element) || !event.target.closest(selector)) return;
    for (const type of INTENT) document.removeEventListener(type, intent, true);
    void load();
  };
  for (const type of INTENT) document.addEventListener(type, intent, true);
}

const filter = document.querySelector<HTMLElement>('ht-speaker-filter');
if (filter) {
  if (namesFilter(window.location.search)) {
    // Tells the filter's script to apply the URL: it imports nothing from this script, which is
    // inlined into each page (src/lib/build/inline-script.ts).
    filter.dataset['urlFilter'] = '';
    void import('./speaker-filter');
  } else {
    onIntent('ht-speaker-filter', () => import('./speaker-filter'));
  }
}

const loadShare = () => import('./share-menu');

if (document.querySelector('ht-share:not([data-deferred])')) void loadShare();
else if (document.querySelector('ht-share')) onIntent('ht-share', loadShare);

if (document.querySelector('.turn-body')) {
  // Only a selection of a turn's words: typing in a field (the search box) changes the selection
  // too, at every key, and reading the selection there would lay out the page each time.
  const selected = () => {
    if (document.activeElement?.matches('input, textarea')) return;
    const node = window.getSelection()?.anchorNode;
    if (!(node instanceof Element ? node : node?.parentElement)?.closest('.turn-body')) return;
    document.removeEventListener('selectionchange', selected);
    void import('./passage-link');
  };
  document.addEventListener('selectionchange', selected);
}

if (new URLSearchParams(window.location.search).has('hl')) void import('./highlight-terms');

if (document.querySelector('.note-marker')) onIntent('.note-marker', () => import('./note-close'));

if (document.querySelector('a[data-language-switch]'))
  onIntent('a[data-language-switch]', () => import('./language-switch'));

if (document.querySelector('.reader-toolbar')) {
  const loadTools = () => import('./reader-tools');
  onIntent('.reader-aside', loadTools);
  try {
    // The site stores nothing but reading modes: with none stored, nothing can be remembered here.
    if (localStorage.length > 0) void loadTools();
  } catch {
    // Refused storage: nothing is remembered.
  }
}
