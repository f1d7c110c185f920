/**
 * The markup of one inline note, written as mdast for remark-notes.ts. Each part is a
 * `noteElement` node: remark-rehype turns a node it has no handler for into an element named by
 * its `data.hName`, with `data.hProperties` and its children converted as usual, so the note's
 * own text (emphasis, code, links) goes through the same handlers as the speaker's words.
 */
import type { Properties } from 'hast';
import { CHINESE_NOTES, NOTE_KIND_LABELS, type NoteDialect, type NoteKind } from '../lib/content/notes';
import type { Data, Parent, PhrasingContent, Text } from 'mdast';

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

/** The words of a note's markup in one language: its kind label, the marker's accessible name, the close button. */
export interface NoteWords {
  label: string;
  markerName: string;
  close: string;
}

/** The words of a note of `kind` in `dialect`: the original's (Chinese) or a translation's (Context, Translator's note). */
export function noteWords<K extends string>(dialect: NoteDialect<K>, kind: K): NoteWords {
  if ((dialect as unknown) === CHINESE_NOTES) {
    const label = NOTE_KIND_LABELS[kind as unknown as NoteKind];
    return { label, markerName: `${label}注释`, close: '关闭' };
  }
  const label = dialect.labels[kind];
  return { label, markerName: `Note: ${label}`, close: 'Close' };
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
 *         <span class="note-kind">更正</span>…text…<button class="note-close" …>关闭</button>
 *       </span>
 *     </span>
 */
export function noteElement(id: string, kind: string, words: NoteWords, content: PhrasingContent[]): NoteElement {
  const { label } = words;
  const bodyId = `${id}-text`;
  const marker = { type: 'button', className: ['note-marker'], popoverTarget: bodyId, ariaLabel: words.markerName };
  const close = { type: 'button', className: ['note-close'], popoverTarget: bodyId, popoverTargetAction: 'hide' };
  const body = { className: ['note-body'], id: bodyId, popover: 'auto', role: 'note', ariaLabel: label };
  return element('span', { className: ['note'], id, dataNoteKind: kind, dataPagefindIgnore: '' }, [
    element('button', marker, [text(label)]),
    element('span', body, [
      element('span', { className: ['note-kind'] }, [text(label)]),
      ...content,
      element('button', close, [text(words.close)]),
    ]),
  ]);
}
