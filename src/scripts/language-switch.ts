/**
 * The language switch's behaviour (LanguageSwitch.astro): just before the link is followed, its
 * address takes the reader's place along (switchHref). Set on pointerdown, focus and click, so a
 * middle click or "open in new tab" gets it too; the server's link stays the no-JS fallback.
 * Loaded when a pointer or the focus first reaches the link (every-page.ts), so it sets the
 * address at once as well: the event that loaded it has passed.
 */
import { switchHref } from './language-switch-url';

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-switch]')) {
  const plain = link.getAttribute('href') ?? '';
  const update = () => link.setAttribute('href', switchHref(plain, window.location.href));
  update();
  for (const type of ['pointerdown', 'focus', 'click', 'contextmenu']) link.addEventListener(type, update);
}
