/**
 * The bilingual page's paragraph pairs: a turn's rendered original and translation cut into
 * their top-level blocks, paragraph i beside paragraph i (the build already stops when a turn's
 * paragraph counts differ: lib/translation). The ids of one side are renamed, so the page keeps
 * one element per anchor: turn, quote and note anchors stay those of the reader in the page's
 * language, and the other side's notes still open their own popovers.
 */
import { parseHTML } from 'linkedom';

/** The top-level elements of an HTML fragment (a rendered turn body), each as HTML. */
export function topLevelBlocks(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.body.children].map((element) => element.outerHTML);
}

/** Attributes that name another element's id in a turn body (notes: the marker, the close button). */
const ID_REFS = ['popovertarget', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-details'];

/**
 * The fragment with every id prefixed (`en-note-…`), and every reference to one of its ids
 * (id-list attributes and `href="#id"`) changed with it. References to ids outside the fragment
 * (a turn's link to a speaker) stay as they are.
 */
export function prefixIds(html: string, prefix: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const own = new Set([...document.body.querySelectorAll('[id]')].map((element) => element.id));
  const renamed = (id: string) => (own.has(id) ? `${prefix}${id}` : id);
  for (const element of document.body.querySelectorAll('*')) {
    if (element.id) element.id = renamed(element.id);
    for (const name of ID_REFS) {
      const value = element.getAttribute(name);
      if (value !== null) element.setAttribute(name, value.split(/\s+/).map(renamed).join(' '));
    }
    const href = element.getAttribute('href');
    if (href?.startsWith('#')) element.setAttribute('href', `#${renamed(decodeURIComponent(href.slice(1)))}`);
  }
  return document.body.innerHTML;
}

/** The prefix of the renamed ids of a column in `lang`: `en-`, `zh-cn-`. */
export const idPrefix = (lang: string) => `${lang.toLowerCase()}-`;

export interface ParagraphPair {
  original: string;
  translation: string;
}

/**
 * Paragraph i of the original with paragraph i of the translation. Different counts are a bug
 * upstream (the catalog compares them), reported with the turn's file.
 */
export function pairParagraphs(original: string[], translation: string[], file: string): ParagraphPair[] {
  if (original.length !== translation.length) {
    throw new Error(
      `${file}: expected as many rendered paragraphs as the original's (${original.length}) for the bilingual page, found ${translation.length}`,
    );
  }
  return original.map((html, index) => ({ original: html, translation: translation[index]! }));
}
