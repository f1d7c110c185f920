/**
 * The English search page (/en/search/) in Chromium, on the built site with the WAIC talk's
 * English edition: the English query set (tests/helpers/query-set-en.ts, expectations written
 * by hand) through the real page, Pagefind and index, with recall and precision printed; a
 * Chinese query typed there; landing on the English reader with the words marked by stem; the
 * header field of an English page; the page's language, counterpart and language switch.
 * Controls are found by role and name.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSession } from '../helpers/browser-session';
import { ENGLISH_QUERIES } from '../helpers/query-set-en';

const SLUG = 'waic-2023-roundtable';
/** The rules tests/browser/accessibility.test.ts runs. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const READER_EN = `/en/${SLUG}/`;

const session = browserSession();

/** Waits until every search panel on the page has finished the search in flight. */
async function settled(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('ht-search-panel')].every((panel) => !panel.hasAttribute('aria-busy')),
  );
}

/**
 * Every result of the search: "Show more" clicked until the English ones are all shown, then the
 * button that lists the Chinese ones ("Show 4 turns in Chinese"), then "Show more" again.
 */
async function allResults(page: Page): Promise<{ path: string; anchor: string; label: string | null }[]> {
  const more = page.getByRole('button', { name: 'Show more' });
  const others = page.getByRole('button', { name: /^Show \d+ turns? in Chinese$/ });
  const showAll = async () => {
    while (await more.isVisible()) {
      await more.click();
      await settled(page);
    }
  };
  await showAll();
  if (await others.isVisible()) {
    await others.click();
    await settled(page);
    await showAll();
  }
  return page
    .getByRole('list', { name: 'Search results' })
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((item) => {
        const url = new URL(item.querySelector('a')!.href);
        const label = item.querySelector('.search-result-language')?.textContent ?? null;
        return { path: url.pathname, anchor: url.hash.slice(1), label };
      }),
    );
}

/** Waits for the search a page restored from its URL (?q=…) to be on screen. */
async function restored(page: Page) {
  await page.waitForFunction(() => (document.querySelector('.search-status')?.textContent ?? '') !== '');
  await settled(page);
}

async function searchFor(page: Page, query: string) {
  const input = page.getByRole('searchbox', { name: 'Search the talks' });
  await input.fill(query);
  await input.press('Enter');
  await settled(page);
  return allResults(page);
}

describe('the English search page', () => {
  test('is in English, names the Chinese page as its counterpart, and the switch keeps the query', async () => {
    const page = await session.open('/en/search/?q=hallucination');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await restored(page);
    const hreflang = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((links) =>
        links.map((link) => `${link.getAttribute('hreflang')} ${new URL((link as HTMLLinkElement).href).pathname}`),
      );
    expect(hreflang).toEqual(['en /en/search/', 'zh-CN /search/', 'x-default /search/']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Search');
    const nav = page.getByRole('navigation', { name: 'Language' });
    await Promise.all([page.waitForURL(/\/search\/\?q=hallucination$/), nav.getByRole('link').click()]);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // And back: the Chinese page names the English one.
    const back = page.getByRole('navigation', { name: '语言' }).getByRole('link');
    expect(new URL(await back.evaluate((link) => (link as HTMLAnchorElement).href)).pathname).toBe('/en/search/');
  });

  test(`English query set: recall 100%, precision at least 95% over ${ENGLISH_QUERIES.length} queries`, async () => {
    const page = await session.open('/en/search/');
    await page.waitForFunction(() => customElements.get('ht-search-panel') !== undefined);
    let relevant = 0;
    let correct = 0;
    let returned = 0;
    const rows: string[] = [];
    const misses: string[] = [];
    for (const { query, expected } of ENGLISH_QUERIES) {
      const results = await searchFor(page, query);
      // The English turns come first and carry no language label; the Chinese original's after, labelled.
      const english = results.filter((result) => result.path === READER_EN);
      const firstChinese = results.findIndex((result) => result.path !== READER_EN);
      if (firstChinese >= 0 && results.slice(firstChinese).some((result) => result.path === READER_EN))
        misses.push(`${query}: an English result after a Chinese one`);
      if (english.some((result) => result.label !== null)) misses.push(`${query}: an English result is labelled`);
      if (results.some((result) => result.path !== READER_EN && result.label !== 'Shown in Chinese'))
        misses.push(`${query}: a Chinese result is not labelled "Shown in Chinese"`);
      const got = english.map((result) => result.anchor);
      const hits = got.filter((anchor) => expected.includes(anchor)).length;
      relevant += expected.length;
      correct += hits;
      returned += got.length;
      rows.push(`${query.padEnd(26)} expected ${expected.length}  returned ${got.length}  correct ${hits}`);
      if (hits !== expected.length || new Set(got).size !== got.length)
        misses.push(`${query}: expected [${expected.join(', ')}], got [${got.join(', ')}]`);
    }
    const recall = relevant === 0 ? 1 : correct / relevant;
    const precision = returned === 0 ? 1 : correct / returned;
    console.log(
      [
        `English search on /en/search/ over ${ENGLISH_QUERIES.length} queries: recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%`,
        `(${correct} of ${relevant} wanted turns found, ${returned} English turns returned)`,
        ...rows,
      ].join('\n'),
    );
    expect(misses).toEqual([]);
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  test('a Chinese query finds the Chinese turns, says they are shown in Chinese, and counts them', async () => {
    const page = await session.open('/en/search/?q=头痛医头');
    await restored(page);
    const results = await allResults(page);
    expect(results).toEqual([{ path: `/${SLUG}/`, anchor: 'yang-shared-problems', label: 'Shown in Chinese' }]);
    expect(await page.getByRole('status').textContent()).toBe('1 turn with “头痛医头” in Chinese');
    const excerpt = page.getByRole('list', { name: 'Search results' }).locator('.search-result-excerpt');
    expect(await excerpt.getAttribute('lang')).toBe('zh-CN');
    // The speaker facet counts the turn found, naming the speaker in English.
    const facet = page.getByRole('group', { name: 'Speaker' });
    expect(await facet.getByRole('radio', { name: /Yang Zhilin/ }).count()).toBe(1);
    expect(await page.locator('.search-result-speaker').allTextContents()).toEqual(['Yang Zhilin']);
  });

  test('a result lands on the English reader with every form of the word marked in its turn', async () => {
    const page = await session.open('/en/search/?q=hallucinations');
    await restored(page);
    const link = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
    const href = new URL(await link.evaluate((element) => (element as HTMLAnchorElement).href));
    expect(href.pathname).toBe(READER_EN);
    await Promise.all([page.waitForURL((url) => url.pathname === READER_EN), link.click()]);
    const turn = page.locator(`[id="${href.hash.slice(1)}"]`);
    expect(await turn.evaluate((element) => element.matches(':target'))).toBe(true);
    await expect
      .poll(async () => (await turn.locator('mark.search-hit').allTextContents()).map((text) => text.toLowerCase()))
      .toContain('hallucination');
  });

  test('the header field of an English page submits to /en/search/ without JavaScript', async () => {
    const page = await session.open(READER_EN, { javaScriptEnabled: false });
    const field = page.getByRole('search').getByRole('searchbox', { name: 'Search the talks' });
    await field.fill('models');
    await Promise.all([page.waitForURL(/\/en\/search\/\?q=models$/), field.press('Enter')]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByText('Search needs JavaScript').isVisible()).toBe(true);
  });

  test.each(['light', 'dark'] as const)(
    'axe finds no violation with results in both languages shown, in the %s scheme',
    async (colorScheme) => {
      const page = await session.open('/en/search/?q=gan', { colorScheme });
      await restored(page);
      const results = await allResults(page);
      expect(results.some((result) => result.label === 'Shown in Chinese')).toBe(true);
      const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(
        violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`),
      ).toEqual([]);
    },
  );
});
