/**
 * What the browser remembers of a talk's reading mode (docs/reading-modes.md), as pure
 * functions over a storage and the facts of the visit, so they can be tested with a fake
 * storage. A mode is remembered when the reader picks it in the mode control, per talk. On a
 * later visit to a reader of that talk, the page goes to the remembered mode only when the visit
 * is a plain one: a new navigation (not back, forward or reload) to an address without a
 * #anchor and without a query. A shared deep link, a filter or a search result is never sent
 * elsewhere, and `location.replace` keeps the back button on the page the reader came from.
 * Self-contained: the every-page script (inlined) imports it, and so does reading-mode.ts.
 */

/** The part of Web Storage used here (localStorage, or a fake in tests). */
export interface ModeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const MODE = /^[a-z]{1,20}$/;

/** The storage key of a talk's mode. The site stores nothing else (every-page.ts relies on it). */
export const modeKey = (talk: string) => `huitan-mode:${talk}`;

/** The remembered mode under `key` (modeKey); null when none, when storage is refused, or for a value the site never writes. */
export function storedMode(storage: ModeStorage | undefined, key: string): string | null {
  try {
    const value = storage?.getItem(key) ?? null;
    return value !== null && MODE.test(value) ? value : null;
  } catch {
    // Storage can throw (blocked cookies, some private modes): then nothing is remembered.
    return null;
  }
}

export function rememberMode(storage: ModeStorage | undefined, key: string, mode: string): void {
  try {
    storage?.setItem(key, mode);
  } catch {
    // Full or refused storage: the choice is just not remembered.
  }
}

export interface Visit {
  /** The remembered mode, if any (storedMode). */
  stored: string | null;
  /** The mode of this page. */
  current: string;
  /** The modes this page links to. */
  available: readonly string[];
  /** location.hash and location.search. */
  hash: string;
  search: string;
  /** PerformanceNavigationTiming.type: navigate, reload, back_forward, prerender; undefined when unknown. */
  navigation: string | undefined;
}

/** The mode this visit should go to, or undefined to stay. */
export function modeToVisit(visit: Visit): string | undefined {
  const { stored, current } = visit;
  if (stored === null || stored === current || !visit.available.includes(stored)) return undefined;
  if (visit.hash !== '' || visit.search !== '') return undefined;
  return visit.navigation === 'navigate' ? stored : undefined;
}
