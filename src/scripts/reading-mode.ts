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

const control = document.querySelector<HTMLElement>('.reading-modes');
const links = [...(control?.querySelectorAll<HTMLAnchorElement>('a[data-mode]') ?? [])];
// The talk is the original reader's (/<base>/<talk>/).
const talk = links
  .find((link) => link.dataset['mode'] === 'original')
  ?.pathname.split('/')
  .at(-2);
if (control && talk) {
  const key = modeKey(talk);
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const target = modeToVisit({
    stored: storedMode(storage(), key),
    current: control.querySelector<HTMLElement>('[aria-current]')?.dataset['mode'] ?? '',
    available: links.map((link) => link.dataset['mode'] ?? ''),
    hash: window.location.hash,
    search: window.location.search,
    navigation: navigation?.type,
  });
  const go = links.find((link) => link.dataset['mode'] === target);
  if (go) window.location.replace(go.href);
  for (const link of links) {
    const plain = link.getAttribute('href') ?? '';
    const update = () => link.setAttribute('href', switchHref(plain, window.location.href));
    update();
    for (const type of ['pointerdown', 'focus', 'contextmenu']) link.addEventListener(type, update);
    link.addEventListener('click', () => {
      update();
      rememberMode(storage(), key, link.dataset['mode'] ?? '');
    });
  }
}
