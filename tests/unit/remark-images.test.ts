import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import remarkImages from '../../src/plugins/remark-images';

const FILE = 'content/talks/demo-talk/turns/02-yao-answers.md';
const render = (body: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkImages)
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(new VFile({ path: FILE, value: body })),
  );

describe('remarkImages', () => {
  test('renders the talk’s own described image as a plain <img>', () => {
    expect(render('![一张图表](../images/chart.png)')).toBe('<p><img src="../images/chart.png" alt="一张图表"></p>');
  });

  test.each([
    [
      'a remote image',
      '第一段。\n\n![x](https://evil.example/t.png)',
      3,
      'Unexpected image "https://evil.example/t.png": expected a file of the talk, ../images/<name>.png (or .jpg, .jpeg, .webp, .gif, .avif), found a remote image (images from other hosts are never published)',
    ],
    [
      'a titled image',
      '![x](../images/x.png "…")',
      1,
      'Unexpected image title "…" on "../images/x.png": expected no title (describe the image in its alt text), found one',
    ],
    [
      'an image reference',
      '![x][r]\n\n[r]: ../images/x.png',
      1,
      'Unexpected image reference ![x][…]: expected an inline image ![what it shows](../images/<name>.png), found a reference',
    ],
  ])('stops rendering %s, naming the file and body line', (_name, body, line, message) => {
    expect(() => render(body)).toThrow(new Error(`${FILE} field "body" (body line ${line}) ${message}`));
  });

  // At build time the Markdown processor prints the stack of whatever a plugin throws under its
  // message (src/lib/content/content-error.ts): the editor's mistake must come without one. The build
  // of tests/fixtures/content/check-errors/remote-image used to catch this; it is a unit case now.
  test('throws its message without a stack trace', () => {
    let thrown: unknown;
    try {
      render('![x](https://evil.example/t.png)');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).stack ?? '').not.toMatch(/^\s+at \S/m);
  });
});
