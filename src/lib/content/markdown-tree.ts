/**
 * A turn body's Markdown syntax tree, parsed as the site renders it (Astro's Markdown has GFM on:
 * footnotes, bare URLs become links). The catalog parses each turn once and hands the tree to
 * every check that reads it (inspectMarkdown, inspectNotes).
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export function parseMarkdown(body: string): Root {
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}
