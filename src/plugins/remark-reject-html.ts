/** remark plugin: raw HTML in a turn stops the build (Astro would pass it straight through). */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export default function remarkRejectHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'html', (node) => {
      const line = node.position?.start.line;
      const where = `${file.path || 'a Markdown file'}${line === undefined ? '' : `:${line}`}`;
      const snippet = node.value.length > 60 ? `${node.value.slice(0, 57)}…` : node.value;
      throw new Error(
        `${where} Unexpected raw HTML ${JSON.stringify(snippet)}: expected plain Markdown text (raw HTML is not published)`,
      );
    });
  };
}
