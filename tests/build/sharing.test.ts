/**
 * Sharing in the built site (run `npm run build` first; `npm test` does): share pages with
 * complete meta and absolute URLs, cards that exist and do not change between builds, Open
 * Graph on the reader and home page, the permalink promise, and a redirect page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPermalinks, readPermalinks, unlisted } from '../../src/lib/sharing/permalinks';
import { readPage } from '../helpers/dist';
import { buildFixtureSite, type BuildResult, type FixtureSite } from '../helpers/fixture-build';
import { distDir, root, testContentDir } from '../helpers/paths';
import { publishedUrls } from '../helpers/published';

const TALK = '/waic-2023-roundtable/';
const QUOTES = ['embodied-agents', 'shared-underlying-problems', 'combine-gan-and-diffusion'];
const SITE = 'http://127.0.0.1:4321';

const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const distFile = (url: string) => path.join(distDir, new URL(url).pathname);

describe.each(QUOTES)('the share page of %s', (id) => {
  let doc: Document;
  let span: string;
  beforeAll(() => {
    doc = readPage(`${TALK}q/${id}/`);
    span = readPage(TALK).getElementById(`quote-${id}`)?.textContent ?? '';
  });

  test('has Open Graph and Twitter meta with absolute URLs on the configured site', () => {
    const url = `${SITE}${TALK}q/${id}/`;
    expect(meta(doc, 'og:url')).toBe(url);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(meta(doc, 'og:type')).toBe('article');
    expect(meta(doc, 'og:title')).toContain(`“${span}”`);
    expect(meta(doc, 'og:description')).toMatch(/^\S+（.+）在WAIC 2023 开幕式圆桌论坛（2023年7月6日）上说。$/);
    expect(meta(doc, 'og:image')).toBe(`${SITE}${TALK}q/${id}.png`);
    expect(meta(doc, 'og:image:alt')).toContain(span);
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(meta(doc, 'twitter:image')).toBe(meta(doc, 'og:image'));
  });

  test('has an og:image that exists as a 1200×630 PNG', () => {
    const png = readFileSync(distFile(meta(doc, 'og:image')!));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  test('describes the quote as a schema.org Quotation by its speaker in the talk', () => {
    const data = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<
      string,
      unknown
    >;
    expect(data['@type']).toBe('Quotation');
    expect(data['text']).toBe(span);
    expect(data['url']).toBe(`${SITE}${TALK}q/${id}/`);
    expect(data['spokenByCharacter']).toMatchObject({ '@type': 'Person' });
    expect(data['isPartOf']).toMatchObject({
      '@type': 'Event',
      name: '创想共论·智变可能',
      startDate: '2023-07-06',
      url: `${SITE}${TALK}`,
    });
  });

  test('shows the quote and links prominently into context at its highlighted anchor', () => {
    expect(doc.querySelector('blockquote')?.textContent?.trim()).toBe(`“${span}”`);
    const context = doc.querySelector<HTMLAnchorElement>('a.share-context');
    expect(context?.getAttribute('href')).toBe(`${TALK}#quote-${id}`);
    expect(readPage(TALK).querySelector(`mark.key-quote#quote-${id}`)).not.toBeNull();
  });
});

describe('Open Graph on the reader and the home page', () => {
  test.each([
    [TALK, 'article'],
    ['/', 'website'],
  ])('%s has a title, description, type, absolute og:url and canonical link', (page, type) => {
    const doc = readPage(page);
    expect(meta(doc, 'og:url')).toBe(`${SITE}${page}`);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}${page}`);
    expect(meta(doc, 'og:type')).toBe(type);
    expect(meta(doc, 'og:title')).toBeTruthy();
    expect(meta(doc, 'og:description')).toBeTruthy();
  });

  test(`${TALK} unfurls with its first key quote’s card, which exists`, () => {
    const doc = readPage(TALK);
    const image = meta(doc, 'og:image')!;
    expect(image).toBe(`${SITE}${TALK}q/${QUOTES[0]}.png`);
    expect(readFileSync(distFile(image)).subarray(1, 4).toString()).toBe('PNG');
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
  });

  test('/ unfurls with the newest talk’s first key quote, or the site’s card when it has none', () => {
    const home = readPage('/');
    const newest = home.querySelector('.talk-card a')!.getAttribute('href')!;
    const quote = readPage(newest)
      .querySelector('.key-quote-item a[href^="#quote-"]')
      ?.getAttribute('href')
      ?.slice('#quote-'.length);
    const image = meta(home, 'og:image')!;
    expect(image).toBe(quote ? `${SITE}${newest}q/${quote}.png` : `${SITE}/card.png`);
    expect(meta(home, 'og:image:alt')).toBeTruthy();
    expect(meta(home, 'twitter:card')).toBe('summary_large_image');
  });

  test('the site’s card is a 1200×630 PNG, whatever the home page shows', () => {
    const png = readFileSync(path.join(distDir, 'card.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

describe('share menus without JavaScript', () => {
  const expectFull = (menu: Element) => {
    expect(menu.querySelector('details summary')?.textContent).toMatch(/^分享与引用/);
    expect(menu.querySelector('[data-share-part="url"]')?.getAttribute('href')).toMatch(
      /^http:\/\/127\.0\.0\.1:4321\/waic-2023-roundtable\//,
    );
    expect(menu.querySelector('[data-share-part="gbt"]')?.textContent).toMatch(
      /\[EB\/OL\]\. 会谈 Huitan, 2023-07-06\. http/,
    );
    expect(menu.querySelector('[data-share-part="apa"]')?.textContent).toMatch(
      /\(2023, July 6\)\. 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛 \[Transcript\]\. 会谈 Huitan\. http/,
    );
    for (const button of menu.querySelectorAll('button')) {
      expect(button.hasAttribute('hidden') || button.closest('[hidden]') !== null).toBe(true);
    }
  };

  test('on the reader, every turn and key quote offers its link, and a link to its citations', () => {
    const doc = readPage(TALK);
    const menus = [...doc.querySelectorAll('ht-share')];
    expect(menus).toHaveLength(13 + 3);
    for (const menu of menus) {
      expect(menu.hasAttribute('data-deferred')).toBe(true);
      expect(menu.querySelector('details summary')?.textContent).toMatch(/^分享与引用/);
      const links = [...menu.querySelectorAll('.share-panel a')].map((a) => [a.getAttribute('href'), a.textContent]);
      // The menu's URL is on its link only: the script reads it there (share-menu.ts).
      expect(menu.hasAttribute('data-url')).toBe(false);
      const turn = menu.closest('article.turn');
      // A turn's URL is its anchor on the reader; a quote's, its share page.
      const url = turn ? `${SITE}${TALK}#${turn.id}` : links[1]![0]!;
      if (!turn) expect(QUOTES.map((id) => `${SITE}${TALK}q/${id}/`)).toContain(url);
      expect(links[0]).toEqual([url, url]);
      // A turn's citations are on the cite page, at its anchor; a quote's on its share page.
      expect(links[1]).toEqual(turn ? [`${TALK}cite/#${turn.id}`, '引文与引用格式'] : [url, '引文与引用格式']);
      expect(menu.querySelectorAll('button')).toHaveLength(0);
    }
    // No full panel: the script builds it when a menu opens, from the talk's fields, once per page.
    expect(doc.querySelectorAll('template, .share-panel [data-copy]')).toHaveLength(0);
    expect(doc.querySelectorAll('[data-share-talk]')).toHaveLength(1);
    // The selection bar is made by its script on the first selection (passage-link.ts).
    expect(doc.querySelector('ht-passage-link')).toBeNull();
  });

  test('the cite page has every turn’s full menu, open, at the turn’s anchor', () => {
    const doc = readPage(`${TALK}cite/`);
    const reader = readPage(TALK);
    const anchors = [...reader.querySelectorAll('article.turn')].map((turn) => turn.id);
    const items = [...doc.querySelectorAll('li.cite-turn')];
    expect(items.map((item) => item.id)).toEqual(anchors);
    for (const item of items) {
      const menu = item.querySelector('ht-share')!;
      expect(menu.hasAttribute('data-deferred')).toBe(false);
      expect(menu.querySelector('details')?.hasAttribute('open')).toBe(true);
      expect(menu.getAttribute('data-url')).toBe(`${SITE}${TALK}#${item.id}`);
      expectFull(menu);
    }
  });

  test('each share page has its quote’s full menu', () => {
    for (const id of QUOTES) {
      const menus = [...readPage(`${TALK}q/${id}/`).querySelectorAll('ht-share')];
      expect(menus).toHaveLength(1);
      expect(menus[0]!.querySelector('[data-share-part="text"]')?.textContent).toMatch(
        /^“.+” ——.+，WAIC 2023 开幕式圆桌论坛 http/,
      );
      expectFull(menus[0]!);
    }
  });
});

describe('the permalink promise', () => {
  test('every URL in content/permalinks.json is still published or redirected', () => {
    expect(checkPermalinks(readPermalinks(testContentDir), publishedUrls())).toEqual([]);
  });

  // The build adds new addresses itself (src/integrations/permalink-lock.ts): after it, none is missing.
  test('after the build, every turn anchor, quote anchor and share page published is in the list', () => {
    expect(unlisted(readPermalinks(testContentDir), publishedUrls())).toEqual([]);
  });
});

describe('a second build, with a redirect added', () => {
  let site: FixtureSite;
  let result: BuildResult;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'huitan-sharing-'));
    site = {
      dir,
      contentDir: path.join(dir, 'content'),
      outDir: path.join(dir, 'out'),
      cacheDir: path.join(dir, 'cache'),
    };
    await cp(testContentDir, site.contentDir, { recursive: true });
    await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const permalinks = JSON.parse(await readFile(path.join(site.contentDir, 'permalinks.json'), 'utf8')) as {
      published: string[];
      redirects: Record<string, string>;
    };
    permalinks.published.push(`${TALK}q/old-name/`);
    permalinks.redirects[`${TALK}q/old-name/`] = `${TALK}q/embodied-agents/`;
    await writeFile(path.join(site.contentDir, 'permalinks.json'), JSON.stringify(permalinks));
    result = await buildFixtureSite(site);
  });
  afterAll(async () => {
    if (site) await rm(site.dir, { recursive: true, force: true });
  });

  test('draws byte-identical cards', () => {
    expect(result.exitCode, result.output).toBe(0);
    for (const id of QUOTES) {
      const file = `waic-2023-roundtable/q/${id}.png`;
      expect(sha256(path.join(site.outDir, file)), file).toBe(sha256(path.join(distDir, file)));
    }
  });

  test('forwards the old path with a meta refresh and a visible link, without script', () => {
    const file = path.join(site.outDir, 'waic-2023-roundtable/q/old-name/index.html');
    expect(existsSync(file)).toBe(true);
    const doc = readPage(`${TALK}q/old-name/`, site.outDir);
    expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      `0; url=${TALK}q/embodied-agents/`,
    );
    expect(doc.querySelector(`main a[href="${TALK}q/embodied-agents/"]`)?.textContent).toBe(
      `${SITE}${TALK}q/embodied-agents/`,
    );
    expect(doc.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
  });
});
