/**
 * The site with JavaScript disabled: every page reads; every in-page link (outline, key quotes,
 * permalinks, skip link) lands on its target below the sticky header; a target inside a turn
 * the filter folded unfolds; notes open; share pages lead back to their passage; redirects
 * arrive; search says it needs JavaScript. (The filter itself without JavaScript is in
 * speaker-filter.test.ts.) Feature checks run when the build has the feature.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { sharedBrowser, sharedServerUrl } from '../helpers/browser';
import { watchPage } from '../helpers/page-watch';
import { contentPages, firstWith, readerPages, sitePages, skipReason } from '../helpers/site-pages';

const pages = sitePages();
const shown = contentPages(pages);
const readers = readerPages(pages);
const redirects = pages.filter((page) => page.redirect);
const sharePages = shown.filter((page) => /\/q\/[^/]+\/$/.test(page.url));
// A note's marker (the markup contract), not the phone toolbar's buttons.
const notePage = firstWith(shown, '.note-marker[popovertarget]');
const searchPage = shown.find((page) => page.url === '/search/');

/** In-page targets of a page: what its own #links point to, and every turn and key quote. */
function targetsOf(page: (typeof pages)[number]): string[] {
  const { document } = page;
  const ids = [...document.querySelectorAll('a[href^="#"]')].map((a) =>
    decodeURIComponent(a.getAttribute('href')!.slice(1)),
  );
  ids.push(
    ...[...document.querySelectorAll('article.turn[id], mark.key-quote[id], section.talk-section[id]')].map(
      (element) => element.id,
    ),
  );
  return [...new Set(ids)].filter((id) => id !== '');
}

let browser: Browser;
let base: string;
let context: BrowserContext | undefined;
const problems: string[] = [];
let anchorsLanded = 0;

beforeAll(async () => {
  browser = await sharedBrowser();
  base = sharedServerUrl();
  if (!notePage) skipReason('notes without JavaScript: no page has a note yet');
  if (sharePages.length === 0) skipReason('share pages without JavaScript: the build has no /<talk>/q/<id>/ pages yet');
  if (redirects.length === 0) skipReason('redirects without JavaScript: the build has no redirect pages yet');
  if (!searchPage) skipReason('search without JavaScript: the build has no /search/ page yet');
});

afterAll(async () => {
  console.log(
    `no JavaScript: ${shown.length} pages read, ${anchorsLanded} anchors landed on, ${sharePages.length} share pages, ${redirects.length} redirects`,
  );
  await browser?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  expect(problems.splice(0)).toEqual([]);
});

async function open(path: string): Promise<Page> {
  // Reduced motion: anchors jump instead of scrolling smoothly, so positions can be read at once.
  context = await browser.newContext({
    javaScriptEnabled: false,
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  watchPage(page, problems);
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), `${path}: HTTP status`).toBeLessThan(400);
  return page;
}

/** The element with this id is the :target, shown, and sits between the header and the fold. */
async function expectLanded(page: Page, id: string) {
  const target = page.locator(`[id="${id.replace(/"/g, '\\"')}"]`);
  expect(await target.evaluate((element) => element.matches(':target')), `#${id} is the :target`).toBe(true);
  await expect.poll(() => target.isVisible(), { message: `#${id} is visible` }).toBe(true);
  const header = (await page.locator('.site-header').boundingBox())!;
  const box = (await target.boundingBox())!;
  const atEnd = await page.evaluate(
    () => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight,
  );
  // Near the end of the page the target cannot scroll to the top; it must still be on screen.
  if (!atEnd) expect(box.y, `#${id} below the sticky header`).toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(box.y, `#${id} above the fold`).toBeLessThan(900);
  const turnBody = target.locator(
    'xpath=ancestor-or-self::article[contains(@class, "turn")]//*[contains(@class, "turn-body")]',
  );
  if ((await turnBody.count()) > 0)
    expect(await turnBody.first().isVisible(), `the turn around #${id} is unfolded`).toBe(true);
  anchorsLanded += 1;
}

describe('without JavaScript', () => {
  test.each(shown.map((page) => page.url))(
    '%s shows its content with its heading and no script-only gaps',
    async (url) => {
      const page = await open(url);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await page.getByRole('main').isVisible()).toBe(true);
      // Controls that need JavaScript start hidden: nothing visible is disabled for want of it.
      expect(await page.locator('button:visible:disabled, input:visible:disabled').count()).toBe(0);
    },
  );

  test.each(readers.map((page) => page.url))('%s shows every turn’s words', async (url) => {
    const page = await open(url);
    const turns = page.locator('article.turn');
    const count = await turns.count();
    expect(count).toBeGreaterThan(0);
    expect(await page.locator('article.turn .turn-body:visible').count()).toBe(count);
  });

  test.each(shown.map((page) => [page.url, targetsOf(page)] as const))(
    'on %s every in-page target is reachable by its #link',
    async (url, ids) => {
      const page = await open(url);
      for (const id of ids) {
        await page.goto(`${base}${url}#${encodeURIComponent(id)}`);
        await expectLanded(page, id);
      }
    },
  );

  test.each(readers.map((page) => page.url))('on %s clicking an outline entry lands on its section', async (url) => {
    const page = await open(url);
    const entries = page.locator('nav.outline a');
    for (let index = 0; index < (await entries.count()); index += 1) {
      const href = (await entries.nth(index).getAttribute('href'))!;
      await entries.nth(index).click();
      expect(new URL(page.url()).hash).toBe(href);
      await expectLanded(page, decodeURIComponent(href.slice(1)));
    }
  });

  test.each(readers.map((page) => page.url))(
    'on %s a link into a turn the filter folded unfolds that turn',
    async (url) => {
      const page = await open(url);
      const guest = page.locator('input[name="speakers"][data-part="guest"]').first();
      const chosen = await guest.getAttribute('value');
      await guest.check();
      const other = page.locator(`article.turn[data-part="guest"]:not([data-speaker="${chosen}"])`).first();
      const id = (await other.getAttribute('id'))!;
      expect(await other.locator('.turn-body').isVisible()).toBe(false);
      await page.goto(`${base}${url}#${id}`);
      await expectLanded(page, id);
      // The filter is still applied to the others.
      expect(await page.locator('article.turn .turn-body:visible').count()).toBeLessThan(
        await page.locator('article.turn').count(),
      );
    },
  );

  test.skipIf(!notePage)('a note opens and closes (declarative popover)', async () => {
    const page = await open(notePage!.url);
    const marker = page.locator('.note-marker[popovertarget]').first();
    await marker.click();
    await expect.poll(() => page.locator(':popover-open').count()).toBe(1);
    expect((await page.locator(':popover-open').textContent())?.trim()).not.toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(':popover-open').count()).toBe(0);
  });

  test.skipIf(sharePages.length === 0)('every share page reads and leads back to its passage', async () => {
    for (const { url } of sharePages) {
      await context?.close();
      const page = await open(url);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      const back = page.locator('main a[href*="#"]').first();
      await back.click();
      await page.waitForLoadState();
      const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
      expect(id, `${url}: the link back names a passage`).not.toBe('');
      await expectLanded(page, id);
    }
  });

  test.skipIf(redirects.length === 0)('every redirect page arrives at its target', async () => {
    for (const { url, document } of redirects) {
      await context?.close();
      const target = /url\s*=\s*['"]?([^'"]+)/i.exec(
        document.querySelector('meta[http-equiv="refresh" i]')!.getAttribute('content')!,
      )![1]!;
      const page = await open(url);
      const expected = new URL(target, `${base}${url}`);
      await page.waitForURL((current) => current.pathname === expected.pathname, { timeout: 10_000 });
      expect((await page.request.get(page.url())).status()).toBe(200);
    }
  });

  test.skipIf(!searchPage)('the search page says search needs JavaScript', async () => {
    const page = await open('/search/?q=模型');
    expect(
      await page
        .getByText(/JavaScript/)
        .first()
        .isVisible(),
    ).toBe(true);
  });
});
