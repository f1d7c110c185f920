/**
 * The reading-mode control's behaviour (ReadingModes.astro, docs/reading-modes.md), part of the
 * reader's tools (reader-tools.ts): loaded at once when this talk has a remembered mode, else on
 * the first pointer or focus on the tools. It goes to the remembered mode on a plain visit (reading-mode-state.ts
 * says when), remembers the mode a reader picks, and makes a mode link carry the reader's place
 * (#anchor, speaker filter) like the language switch. Without it the links are plain links.
 */
import { switchHref } from './language-switch-url';
import { modeKey, modeToVisit, rememberMode, storedMode, type ModeStorage } from './reading-mode-state';

function storage(): ModeStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The modes in the order ReadingModes.astro renders them (READING_MODES in lib/reading/modes.ts). */
const MODES = ['original', 'translation', 'both'];

const control = document.querySelector<HTMLElement>('.reading-modes');
const links = [...(control?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
const modeOf = (link: Element | null) => MODES[links.indexOf(link as HTMLAnchorElement)] ?? '';
// The talk is the original reader's (/<base>/<talk>/).
const talk = links[0]?.pathname.split('/').at(-2);
if (control && talk && links.length === MODES.length) {
  const key = modeKey(talk);
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const target = modeToVisit({
    stored: storedMode(storage(), key),
    current: modeOf(control.querySelector('[aria-current]')),
    available: MODES,
    hash: window.location.hash,
    search: window.location.search,
    navigation: navigation?.type,
  });
  const go = target === undefined ? undefined : links[MODES.indexOf(target)];
  if (go) window.location.replace(go.href);
  for (const link of links) {
    const plain = link.getAttribute('href') ?? '';
    const update = () => link.setAttribute('href', switchHref(plain, window.location.href));
    update();
    for (const type of ['pointerdown', 'focus', 'contextmenu']) link.addEventListener(type, update);
    link.addEventListener('click', () => {
      update();
      rememberMode(storage(), key, modeOf(link));
    });
  }
}
