/**
 * remark plugin: editorial notes (GFM footnotes, see src/lib/content/notes.ts) become inline notes next
 * to the word they explain, before remark-rehype runs, so GFM never renders a footnote section.
 * Each reference is replaced by the note's markup (note-markup.ts) holding its definition's
 * text, and the definitions leave the tree. A broken note stops rendering through `file.fail`
 * with the catalog's own message and rule (notes.ts readNotes); the catalog reports the same
 * problem with the file's line. A translated turn (`…/translations/<lang>/turns/*.md`) writes
 * its notes in its language's dialect (src/schemas/translation.ts NOTE_DIALECTS).
 */
import type { FootnoteDefinition, PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import {
  CHINESE_NOTES,
  noteAnchor,
  parseKindPrefix,
  readNotes,
  unknownKindMessage,
  type NoteDialect,
} from '../lib/content/notes';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../lib/i18n/ui';
import { NOTE_DIALECTS } from '../schemas/translation';
import { noteElement, noteWords } from './note-markup';

export interface RemarkNotesOptions {
  /**
   * Stands in for the turn anchor when the file has no `anchor` in its front matter.
   * Default: "turn". A turn's notes are `note-<anchor>-<label>`, unique on a page of many turns.
   */
  fallbackAnchor?: string;
}

const SOURCE = 'remark-notes';
/** Where a translated turn lives; group 1 is its language. */
const TRANSLATED_TURN = /\/translations\/([^/]+)\/turns\/[^/]+$/u;

function anchorOf(file: VFile, fallback: string): string {
  const astro = file.data['astro'] as { frontmatter?: { anchor?: unknown } } | undefined;
  const anchor = astro?.frontmatter?.anchor;
  return typeof anchor === 'string' && anchor !== '' ? anchor : fallback;
}

/**
 * The dialect a file's notes are written in, and the language whose dictionary names them for
 * readers: its translation's language, or Chinese.
 */
function dialectOf(file: VFile, tree: Root): { dialect: NoteDialect<string>; locale: Locale } {
  const chinese = { dialect: CHINESE_NOTES, locale: DEFAULT_LOCALE };
  const lang = TRANSLATED_TURN.exec(file.path.replaceAll('\\', '/'))?.[1];
  if (lang === undefined) return chinese;
  const dialect = NOTE_DIALECTS[lang];
  // Each language a translation can be published in is an interface language (tests/unit/remark-notes.test.ts).
  if (dialect && isLocale(lang)) return { dialect, locale: lang };
  let note: FootnoteDefinition | undefined;
  visit(tree, 'footnoteDefinition', (node) => {
    note ??= node;
  });
  if (note) {
    const known = Object.keys(NOTE_DIALECTS).join(', ');
    file.fail(
      `Unexpected notes in a translation to ${JSON.stringify(lang)}: expected a language whose notes can be read (${known})`,
      { place: note.position, ruleId: 'dialect-unknown', source: SOURCE },
    );
  }
  return chinese;
}

/** Removes the definitions from the tree, by identifier. */
function takeDefinitions(tree: Root): Map<string, FootnoteDefinition> {
  const definitions = new Map<string, FootnoteDefinition>();
  visit(tree, 'footnoteDefinition', (node, index, parent) => {
    definitions.set(node.identifier, node);
    if (!parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return definitions;
}

/**
 * A definition's kind and inline content: its paragraph without the kind prefix and without
 * the spaces around them. `found` is the prefix as written, for the message on an unknown kind.
 */
function readDefinition<K extends string>(definition: FootnoteDefinition, dialect: NoteDialect<K>) {
  const paragraph = definition.children[0];
  const content: PhrasingContent[] = paragraph?.type === 'paragraph' ? [...paragraph.children] : [];
  const last = content.at(-1);
  if (last?.type === 'text') content.splice(-1, 1, ...nonEmpty({ ...last, value: last.value.trimEnd() }));
  const first = content[0];
  const prefix = parseKindPrefix(first?.type === 'text' ? first.value : '', dialect);
  if (prefix.kind && first?.type === 'text') content.splice(0, 1, ...nonEmpty({ ...first, value: prefix.rest }));
  return { kind: prefix.kind, found: prefix.found, content };
}

const nonEmpty = <T extends { value: string }>(node: T): T[] => (node.value === '' ? [] : [node]);

export default function remarkNotes(options: RemarkNotesOptions = {}) {
  const fallbackAnchor = options.fallbackAnchor ?? 'turn';

  return (tree: Root, file: VFile) => {
    const { dialect, locale } = dialectOf(file, tree);
    const [problem] = readNotes(tree, dialect, String(file.value)).findings;
    if (problem) {
      const place = { line: problem.line, column: problem.column };
      file.fail(problem.message, { place, ruleId: problem.rule, source: SOURCE });
    }
    const definitions = takeDefinitions(tree);
    if (definitions.size > 0) placeNotes(tree, file, definitions, dialect, locale, anchorOf(file, fallbackAnchor));
  };
}

/** Replaces each reference with its note (readNotes found no problem). */
function placeNotes<K extends string>(
  tree: Root,
  file: VFile,
  definitions: Map<string, FootnoteDefinition>,
  dialect: NoteDialect<K>,
  locale: Locale,
  anchor: string,
): void {
  visit(tree, 'footnoteReference', (node, index, parent) => {
    // GFM makes a call without a definition plain text, so each reference has its definition.
    const definition = definitions.get(node.identifier);
    if (!definition || !parent || index === undefined) return undefined;
    const label = definition.label ?? definition.identifier;
    const { kind, found, content } = readDefinition(definition, dialect);
    // The catalog reads a prefix inside emphasis too; the note's markup needs it as plain text.
    if (!kind) {
      const message = unknownKindMessage(found, label, dialect);
      return file.fail(message, { place: definition.position, ruleId: 'kind-unknown', source: SOURCE });
    }
    parent.children.splice(index, 1, noteElement(noteAnchor(anchor, label), kind, noteWords(locale, kind), content));
    return [SKIP, index + 1];
  });
}
