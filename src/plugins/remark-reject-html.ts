/**
 * remark plugin: raw HTML, and links the URL policy refuses (src/lib/url-safety.ts: a
 * `javascript:` or `data:` URL, another host without a scheme…), stop rendering (Astro would
 * pass both straight through). Images are remark-images.ts's. The content check
 * (src/lib/content/catalog.ts) reports them in turns with file lines first; this is the safety net for
 * any other Markdown. Astro renders the body without its front matter, so lines count from the
 * start of the body.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { LINK_RULE, linkProblem } from '../lib/url-safety';
import { contentError } from '../lib/content/content-error';

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export default function remarkRejectHtml() {
  return (tree: Root, file: VFile) => {
    const where = (line: number | undefined) =>
      `${file.path || 'a Markdown file'} field "body"${line === undefined ? '' : ` (body line ${line})`}`;
    visit(tree, (node) => {
      if (node.type === 'html') {
        throw contentError(
          `${where(node.position?.start.line)} Unexpected raw HTML ${JSON.stringify(clip(node.value))}: expected plain Markdown text (raw HTML is not published)`,
        );
      }
      const problem = node.type === 'link' || node.type === 'definition' ? linkProblem(node.url) : undefined;
      if (problem !== undefined) {
        throw contentError(
          `${where(node.position?.start.line)} Unexpected link to ${JSON.stringify(clip((node as { url: string }).url))}: expected ${LINK_RULE}, found ${problem}`,
        );
      }
    });
  };
}
