/** rehype plugin: turns GFM footnotes into inline notes next to the word (see note-markup.ts). */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { CHINESE_NOTES, noteAnchor, type NoteDialect } from '../lib/notes';
import { NOTE_DIALECTS } from '../schemas/translation';
import { chineseNoteWords, noteElement, readFootnoteItem, translatedNoteWords, type NoteWords } from './note-markup';
import { contentError } from '../lib/content-error';

export interface RehypeNotesOptions {
  /**
   * Stands in for the turn anchor when the file has no `anchor` in its front matter.
   * Default: "turn". A turn's notes are `note-<anchor>-<label>`, unique on a page of many turns.
   */
  fallbackAnchor?: string;
}

function anchorOf(file: VFile, fallback: string): string {
  const astro = file.data['astro'] as { frontmatter?: { anchor?: unknown } } | undefined;
  const anchor = astro?.frontmatter?.anchor;
  return typeof anchor === 'string' && anchor !== '' ? anchor : fallback;
}

/** A translated turn's path: `…/translations/<lang>/turns/<file>.md`. */
const TRANSLATED_TURN = /[/\\]translations[/\\]([^/\\]+)[/\\]turns[/\\][^/\\]+$/u;

/**
 * How the file writes notes, from its path: a translated turn's language's dialect (an unknown
 * language is the catalog's to report), anything else the original's Chinese prefixes.
 */
export function noteLanguageOf(filePath: string | undefined): {
  dialect: NoteDialect<string>;
  words: (kind: string) => NoteWords;
} {
  const lang = TRANSLATED_TURN.exec(filePath ?? '')?.[1];
  const dialect = lang === undefined ? undefined : NOTE_DIALECTS[lang];
  if (dialect) return { dialect, words: (kind) => translatedNoteWords(dialect, kind as keyof typeof dialect.labels) };
  return {
    dialect: CHINESE_NOTES as unknown as NoteDialect<string>,
    words: (kind) => chineseNoteWords(kind as Parameters<typeof chineseNoteWords>[0]),
  };
}

/** The dialect's prefixes for messages: 【背景】, 【更正】 or 【术语】. */
function kindList(dialect: NoteDialect<string>): string {
  const prefixes = dialect.kinds.map((kind) => dialect.writePrefix(dialect.labels[kind]!));
  return prefixes.length < 2 ? prefixes.join('') : `${prefixes.slice(0, -1).join(', ')} or ${prefixes.at(-1)}`;
}

const isElement = (node: unknown, tagName: string): node is Element =>
  typeof node === 'object' &&
  node !== null &&
  (node as Element).type === 'element' &&
  (node as Element).tagName === tagName;

export default function rehypeNotes(options: RehypeNotesOptions = {}) {
  const fallbackAnchor = options.fallbackAnchor ?? 'turn';

  return (tree: Root, file: VFile) => {
    // The definitions: GFM puts them in <section data-footnotes> at the end of the document.
    const items = new Map<string, Element>();
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'section' || node.properties['dataFootnotes'] === undefined) return undefined;
      visit(node, 'element', (item) => {
        if (item.tagName === 'li' && typeof item.properties['id'] === 'string') items.set(item.properties['id'], item);
      });
      if (parent && index !== undefined) parent.children.splice(index, 1);
      return [SKIP, index];
    });
    if (items.size === 0) return;

    const anchor = anchorOf(file, fallbackAnchor);
    const where = file.path || 'a Markdown file';
    const language = noteLanguageOf(file.path);
    // Each call: <sup><a data-footnote-ref href="#user-content-fn-<label>">1</a></sup>.
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'sup' || !parent || index === undefined) return undefined;
      const link = node.children.find((child) => isElement(child, 'a'));
      if (!isElement(link, 'a') || link.properties['dataFootnoteRef'] === undefined) return undefined;
      const target = String(link.properties['href'] ?? '').slice(1);
      const item = items.get(target);
      if (!item)
        throw contentError(
          `${where}: expected a definition for the note reference ${JSON.stringify(target)}, found none`,
        );
      const label = target.replace(/^.*?fn-/, '');
      const { kind, found, content } = readFootnoteItem(item, language.dialect);
      if (!kind) {
        throw contentError(
          `${where} note [^${label}]: Unexpected note kind ${found === undefined ? 'missing' : JSON.stringify(found)}: expected the note to start with ${kindList(language.dialect)}`,
        );
      }
      parent.children.splice(index, 1, noteElement(noteAnchor(anchor, label), kind, content, language.words(kind)));
      return [SKIP, index + 1];
    });
  };
}
