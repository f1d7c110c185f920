/** rehype plugin: wraps each key quote's span (from the turn's front matter) in <mark id="quote-…">. */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { splitAtSpan } from './key-quote-span';
import { contentError } from '../lib/content/content-error';

interface QuoteFrontmatter {
  id: string;
  span: string;
}

export interface RehypeKeyQuotesOptions {
  /** Class on every highlighted span. Default: "key-quote". */
  className?: string;
  /** Prefix of each span's id. Default: "quote-". */
  idPrefix?: string;
}

function quotesOf(file: VFile): QuoteFrontmatter[] {
  const astro = file.data['astro'] as { frontmatter?: { quotes?: unknown } } | undefined;
  const quotes = astro?.frontmatter?.quotes;
  if (!Array.isArray(quotes)) return [];
  return quotes.filter(
    (quote): quote is QuoteFrontmatter =>
      typeof quote === 'object' && quote !== null && typeof quote.id === 'string' && typeof quote.span === 'string',
  );
}

export default function rehypeKeyQuotes(options: RehypeKeyQuotesOptions = {}) {
  const className = options.className ?? 'key-quote';
  const idPrefix = options.idPrefix ?? 'quote-';

  return (tree: Root, file: VFile) => {
    for (const quote of quotesOf(file)) {
      let found = false;
      visit(tree, 'text', (node: Text, index, parent) => {
        if (found || parent === undefined || index === undefined) return undefined;
        if (parent.type === 'element' && parent.tagName === 'mark') return SKIP;
        const split = splitAtSpan(node.value, quote.span);
        if (!split) return undefined;
        found = true;
        const mark: Element = {
          type: 'element',
          tagName: 'mark',
          properties: { id: `${idPrefix}${quote.id}`, className: [className] },
          children: [{ type: 'text', value: split.span }],
        };
        const replacement: ElementContent[] = [];
        if (split.before) replacement.push({ type: 'text', value: split.before });
        replacement.push(mark);
        if (split.after) replacement.push({ type: 'text', value: split.after });
        parent.children.splice(index, 1, ...replacement);
        return [SKIP, index + replacement.length];
      });
      if (!found) {
        // The catalog has already checked the span occurs in the Markdown; reaching this means it
        // crosses formatting (emphasis, a link) or a paragraph break, which cannot be highlighted.
        throw contentError(
          `${file.path || 'a turn'} field "quotes" (id ${JSON.stringify(quote.id)}): expected the span inside one run of plain text, found it missing or crossing formatting: ${JSON.stringify(quote.span)}`,
        );
      }
    }
  };
}
