/**
 * Gives each inline note (src/plugins/note-markup.ts) a close button at its end, in the note's
 * own language: a visible way out of an open note besides Escape, a tap outside or its marker.
 * The page does not carry the buttons (a reader has dozens of notes and opens few): every-page.ts
 * loads this on the first pointer or focus on a marker, before the note opens.
 */
import { scriptTextFor } from '../lib/i18n/script-text';

/** Adds the close buttons to the notes under `root` that lack one; returns how many it added. */
export function addCloseButtons(root: ParentNode = document): number {
  let added = 0;
  for (const body of root.querySelectorAll<HTMLElement>('.note-body[popover][id]')) {
    if (body.querySelector('.note-close')) continue;
    const lang = body.closest<HTMLElement>('[lang]')?.lang ?? document.documentElement.lang;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'note-close';
    button.setAttribute('popovertarget', body.id);
    button.setAttribute('popovertargetaction', 'hide');
    button.textContent = scriptTextFor(lang).notes.close;
    body.append(button);
    added += 1;
  }
  return added;
}

addCloseButtons();
