/**
 * The markup of one inline note, written as mdast for remark-notes.ts. Each part is a
 * `noteElement` node: remark-rehype turns a node it has no handler for into an element named by
 * its `data.hName`, with `data.hProperties` and its children converted as usual, so the note's
 * own text (emphasis, code, links) goes through the same handlers as the speaker's words.
 */
import type { Properties } from 'hast';
import type { Data, Parent, PhrasingContent, Text } from 'mdast';
import { ui, type Locale } from '../lib/i18n/ui';

/** An HTML element in mdast: what remark-rehype makes of it is `<hName …hProperties>children</hName>`. */
export interface NoteElement extends Parent {
  type: 'noteElement';
  data: Data & { hName: string; hProperties: Properties };
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    noteElement: NoteElement;
  }
  interface RootContentMap {
    noteElement: NoteElement;
  }
}

const element = (hName: string, hProperties: Properties, children: PhrasingContent[]): NoteElement => ({
  type: 'noteElement',
  data: { hName, hProperties },
  children,
});
const text = (value: string): Text => ({ type: 'text', value });

/** The words of a note's markup in one language: its kind label and the marker's accessible name. */
export interface NoteWords {
  label: string;
  markerName: string;
}

/**
 * The words of a note of `kind` written in `locale`'s language, from that language's dictionary
 * (`notes`): the original's (背景, 更正) or a translation's (Context, Translator’s note). They are
 * what readers see, so they may differ from the prefix the editor writes (`[Translator's note]`).
 */
export function noteWords(locale: Locale, kind: string): NoteWords {
  const words = ui(locale).notes;
  const kinds: Readonly<Record<string, string>> = words.kinds;
  if (!Object.hasOwn(kinds, kind))
    throw new Error(
      `expected a note kind the ${locale} dictionary names (${Object.keys(kinds).join(', ')}), found ${JSON.stringify(kind)}`,
    );
  const label = kinds[kind]!;
  return { label, markerName: words.markerName(label) };
}

/**
 * One inline note. Works without JavaScript (the `popover` attribute and `popovertarget` are
 * declarative HTML); browsers without popover support show the text inline. The wrapper
 * carries `data-pagefind-ignore` so note text never shows up in search excerpts. `label` is
 * how the note's language names its kind (更正, or Correction in an English translation).
 *
 *     <span class="note" id="…" data-note-kind="correction" data-pagefind-ignore>
 *       <button class="note-marker" popovertarget="…-text" aria-label="更正注释">更正</button>
 *       <span class="note-body" id="…-text" popover role="note" aria-label="更正">
 *         <span class="note-kind">更正</span>…text…
 *       </span>
 *     </span>
 *
 * An open note closes by Escape, by a click or tap outside it, or from its marker again; with
 * JavaScript it also gets a close button (src/scripts/note-close.ts), which is not in the page:
 * a reader has dozens of notes and opens few.
 */
export function noteElement(id: string, kind: string, words: NoteWords, content: PhrasingContent[]): NoteElement {
  const { label } = words;
  const bodyId = `${id}-text`;
  const marker = { type: 'button', className: ['note-marker'], popoverTarget: bodyId, ariaLabel: words.markerName };
  const body = { className: ['note-body'], id: bodyId, popover: 'auto', role: 'note', ariaLabel: label };
  return element('span', { className: ['note'], id, dataNoteKind: kind, dataPagefindIgnore: '' }, [
    element('button', marker, [text(label)]),
    element('span', body, [element('span', { className: ['note-kind'] }, [text(label)]), ...content]),
  ]);
}
