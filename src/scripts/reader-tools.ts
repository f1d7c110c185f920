/**
 * The reader's tools (ReaderView's aside), loaded by the every-page script on first approach, or
 * at once when the talk has a remembered reading mode: the reading modes' behaviour
 * (reading-mode.ts), and one thing for the phone toolbar's panels, which open and close without
 * JavaScript (the `popover` attribute: Esc, a tap outside, focus back to the button): a link
 * followed inside an open panel (an outline section, a mode) closes it, so the reader sees
 * where it leads instead of the panel over it.
 */
import './reading-mode';

document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element)) return;
  const panel = event.target.closest('a[href]')?.closest<HTMLElement>('.reader-panel[popover]');
  if (panel?.matches(':popover-open')) panel.hidePopover();
});
