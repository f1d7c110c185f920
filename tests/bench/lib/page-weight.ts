/**
 * First-load weight of a page in a fresh browser context: every response until the network has
 * been quiet for a while (the site's scripts start when idle), by type, transferred (body as
 * sent, brotli where the server compressed it, plus headers) and uncompressed (the body).
 * Nothing is clicked or typed, so the JavaScript counted is what loads before search is opened.
 *
 * A page's inline stylesheets and scripts count as css and js, not html: each is moved out of its
 * document's figures as an entry of its own (`<page>#inline-css`, `#inline-js`), uncompressed as
 * its text and transferred as its text compressed alone with brotli (an estimate: inside the
 * page it compresses along with the rest). Totals and request counts do not change.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { inlineScripts, inlineStyles } from '../../../src/lib/build/inline-hashes';

export const TYPES = ['html', 'css', 'js', 'font', 'image', 'other'] as const;
export type ResourceType = (typeof TYPES)[number];

export interface Weight {
  transferred: Record<ResourceType | 'total', number>;
  uncompressed: Record<ResourceType | 'total', number>;
  requests: number;
  /** Each response, for the JSON: url, type, transferred and uncompressed bytes. */
  files: { url: string; type: ResourceType; transferred: number; uncompressed: number }[];
}

function classify(request: Request, contentType: string): ResourceType {
  const kind = request.resourceType();
  if (kind === 'document' || contentType.startsWith('text/html')) return 'html';
  if (kind === 'stylesheet' || contentType.startsWith('text/css')) return 'css';
  if (kind === 'script' || contentType.includes('javascript')) return 'js';
  if (kind === 'font' || contentType.startsWith('font/')) return 'font';
  if (kind === 'image' || contentType.startsWith('image/')) return 'image';
  return 'other';
}

type File = Weight['files'][number];

/** A document's inline styles and scripts as entries of their own, taken out of the document's. */
export function splitInline(document: File, html: string): File[] {
  const parts: File[] = [];
  for (const [type, texts] of [
    ['css', inlineStyles(html)],
    ['js', inlineScripts(html)],
  ] as const) {
    const text = texts.join('');
    if (text === '') continue;
    const uncompressed = Buffer.byteLength(text);
    const packed = brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const transferred = Math.min(packed, document.transferred);
    parts.push({ url: `${document.url}#inline-${type}`, type, transferred, uncompressed });
    document.transferred -= transferred;
    document.uncompressed -= uncompressed;
  }
  return parts;
}

const zero = () =>
  Object.fromEntries([...TYPES, 'total'].map((type) => [type, 0])) as Record<ResourceType | 'total', number>;

export async function measureFirstLoad(browser: Browser, url: string, quietMs = 1000): Promise<Weight> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  const weight: Weight = { transferred: zero(), uncompressed: zero(), requests: 0, files: [] };
  try {
    const page = await context.newPage();
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      pending.push(
        (async () => {
          const response = await request.response();
          if (!response) return;
          const sizes = await request.sizes();
          const body = await response.body().catch(() => Buffer.alloc(0));
          const type = classify(request, response.headers()['content-type'] ?? '');
          const transferred = sizes.responseBodySize + sizes.responseHeadersSize;
          const file: File = { url: request.url(), type, transferred, uncompressed: body.length };
          weight.requests += 1;
          weight.files.push(file, ...(type === 'html' ? splitInline(file, body.toString('utf8')) : []));
        })(),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    // Idle-started enhancements may fetch after the load: wait until nothing new arrives.
    let seen = -1;
    while (seen !== pending.length) {
      seen = pending.length;
      await page.waitForTimeout(quietMs);
    }
    await Promise.all(pending);
  } finally {
    await context.close();
  }
  weight.files.sort((a, b) => a.url.localeCompare(b.url));
  for (const file of weight.files) {
    weight.transferred[file.type] += file.transferred;
    weight.transferred.total += file.transferred;
    weight.uncompressed[file.type] += file.uncompressed;
    weight.uncompressed.total += file.uncompressed;
  }
  return weight;
}
