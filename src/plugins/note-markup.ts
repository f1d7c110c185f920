/**
 * Pure helpers for editorial notes in hast: the markup of one inline note (a marker button that
 * opens a popover with the note's text) and reading a GFM footnote item back into kind + content.
 */
import type { Element, ElementContent } from 'hast';
import { NOTE_KIND_LABELS, parseKindPrefix, type NoteDialect, type NoteKind } from '../lib/notes';

/** The words of a note's markup in one language: its kind label, the marker's accessible name, the close button. */
export interface NoteWords {
  label: string;
  markerName: string;
  close: string;
}

/** The original's (Chinese) words for a note of `kind`. */
export const chineseNoteWords = (kind: NoteKind): NoteWords => {
  const label = NOTE_KIND_LABELS[kind];
  return { label, markerName: `${label}注释`, close: '关闭' };
};

/** A translation's words for a note of `kind`: the dialect's label (Context, Translator's note). */
export function translatedNoteWords<K extends string>(dialect: NoteDialect<K>, kind: K): NoteWords {
  const label = dialect.labels[kind];
  return { label, markerName: `Note: ${label}`, close: 'Close' };
}

/**
 * One inline note. Works without JavaScript (the `popover` attribute and `popovertarget` are
 * declarative HTML); browsers without popover support show the text inline. The wrapper
 * carries `data-pagefind-ignore` so note text never shows up in search excerpts.
 *
 *     <span class="note" id="…" data-note-kind="correction" data-pagefind-ignore>
 *       <button class="note-marker" popovertarget="…-text" aria-label="更正注释">更正</button>
 *       <span class="note-body" id="…-text" popover role="note" aria-label="更正">
 *         <span class="note-kind">更正</span>…text…<button class="note-close" …>关闭</button>
 *       </span>
 *     </span>
 */
export function noteElement(
  id: string,
  kind: string,
  content: ElementContent[],
  words: NoteWords = chineseNoteWords(kind as NoteKind),
): Element {
  const { label } = words;
  const bodyId = `${id}-text`;
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['note'], id, dataNoteKind: kind, dataPagefindIgnore: '' },
    children: [
      {
        type: 'element',
        tagName: 'button',
        properties: { type: 'button', className: ['note-marker'], popoverTarget: bodyId, ariaLabel: words.markerName },
        children: [{ type: 'text', value: label }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['note-body'], id: bodyId, popover: 'auto', role: 'note', ariaLabel: label },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['note-kind'] },
            children: [{ type: 'text', value: label }],
          },
          ...content,
          {
            type: 'element',
            tagName: 'button',
            properties: {
              type: 'button',
              className: ['note-close'],
              popoverTarget: bodyId,
              popoverTargetAction: 'hide',
            },
            children: [{ type: 'text', value: words.close }],
          },
        ],
      },
    ],
  };
}

const isBackref = (node: ElementContent) =>
  node.type === 'element' && node.tagName === 'a' && node.properties['dataFootnoteBackref'] !== undefined;

/**
 * Reads one GFM footnote item (`<li><p>【更正】text <a data-footnote-backref>↩</a></p></li>`)
 * into its kind and inline content, without the prefix, the back-reference and the space
 * before it. `dialect`: the prefixes of the file's language (default: the original's, Chinese). `found` is the prefix as written, for messages; kind is undefined if unknown.
 */
export function readFootnoteItem<K extends string = NoteKind>(
  item: Element,
  dialect?: NoteDialect<K>,
): {
  kind: K | undefined;
  found: string | undefined;
  content: ElementContent[];
} {
  const paragraphs = item.children.filter(
    (child): child is Element => child.type === 'element' && child.tagName === 'p',
  );
  const space: ElementContent = { type: 'text', value: ' ' };
  const content: ElementContent[] = paragraphs.flatMap((p, index) => [
    ...(index > 0 ? [space] : []),
    ...p.children.filter((child) => !isBackref(child)),
  ]);
  const last = content.at(-1);
  if (last?.type === 'text') {
    last.value = last.value.trimEnd();
    if (last.value === '') content.pop();
  }
  const first = content[0];
  const prefix = parseKindPrefix<K>(first?.type === 'text' ? first.value : '', dialect);
  if (prefix.kind && first?.type === 'text') {
    first.value = prefix.rest;
    if (first.value === '') content.shift();
  }
  return { kind: prefix.kind, found: prefix.found, content };
}
