/**
 * remark plugin: raw HTML in Markdown stops rendering (Astro would pass it straight through).
 * The content check (src/lib/catalog.ts) reports raw HTML in turns with file lines first;
 * this is the safety net for any other Markdown. Astro renders the body without its front
 * matter, so lines count from the start of the body.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export default function remarkRejectHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'html', (node) => {
      const line = node.position?.start.line;
      const where = `${file.path || 'a Markdown file'} field "body"${line === undefined ? '' : ` (body line ${line})`}`;
      const snippet = node.value.length > 60 ? `${node.value.slice(0, 57)}…` : node.value;
      throw new Error(
        `${where} Unexpected raw HTML ${JSON.stringify(snippet)}: expected plain Markdown text (raw HTML is not published)`,
      );
    });
  };
}
