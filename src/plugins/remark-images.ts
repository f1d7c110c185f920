/**
 * remark plugin: the safety net for images in any Markdown (src/lib/content/turn-images.ts says which
 * are published and why). The content check (src/lib/content/catalog.ts) reports images first, with
 * the file's own line and the talk's `images` flag; this stops rendering any image that breaks
 * a rule needing no talk: another host, a title, a reference, no description. Lines count from
 * the start of the body.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { contentError } from '../lib/content/content-error';
import { imageProblem } from '../lib/content/turn-images';

export default function remarkImages() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'image' && node.type !== 'imageReference') return;
      const line = node.position?.start.line;
      const problem = imageProblem({
        url: node.type === 'image' ? node.url : '',
        title: node.type === 'image' ? (node.title ?? undefined) : undefined,
        alt: node.alt ?? '',
        line: line ?? 1,
        reference: node.type === 'imageReference',
      });
      if (problem === undefined) return;
      throw contentError(
        `${file.path || 'a Markdown file'} field "body"${line === undefined ? '' : ` (body line ${line})`} ${problem}`,
      );
    });
  };
}
