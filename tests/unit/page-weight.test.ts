import { describe, expect, test } from 'vitest';
import { splitInline } from '../bench/lib/page-weight';

describe('splitInline (npm run bench: first-load weight by type)', () => {
  const html =
    '<html><head><style>p{color:red}</style><script type="application/ld+json">{"a":1}</script></head><body><script type="module">import("/x.js")</script></body></html>';

  test('moves inline styles and scripts (not JSON-LD) out of the document, keeping the totals', () => {
    const document = {
      url: 'http://x/',
      type: 'html' as const,
      transferred: 400,
      uncompressed: Buffer.byteLength(html),
    };
    const parts = splitInline(document, html);
    expect(parts.map(({ url, type, uncompressed }) => [url, type, uncompressed])).toEqual([
      ['http://x/#inline-css', 'css', 'p{color:red}'.length],
      ['http://x/#inline-js', 'js', 'import("/x.js")'.length],
    ]);
    for (const part of parts) expect(part.transferred).toBeGreaterThan(0);
    expect(document.transferred + parts[0]!.transferred + parts[1]!.transferred).toBe(400);
    expect(document.uncompressed + parts[0]!.uncompressed + parts[1]!.uncompressed).toBe(Buffer.byteLength(html));
  });

  test('leaves a document without inline code as it is', () => {
    const document = { url: 'http://x/', type: 'html' as const, transferred: 10, uncompressed: 20 };
    expect(splitInline(document, '<p>x</p>')).toEqual([]);
    expect(document).toEqual({ url: 'http://x/', type: 'html', transferred: 10, uncompressed: 20 });
  });
});
