/**
 * The language switch in Chinese and English with JavaScript on (LanguageSwitch.astro,
 * src/scripts/language-switch.ts): the reader's place goes along to the other edition, clicked
 * the way a reader does. The turn anchor lands on the same turn, the speaker filter chosen in the
 * filter arrives applied (URL, boxes, folded turns, the announced count), and the search query
 * fills the other search page's field. The switch's script loads when a pointer first reaches
 * the link (every-page.ts), as a reader's does before the click: the test moves the pointer
 * there and waits for the address the status bar would show, then clicks. The address rule
 * itself is tests/unit/language-switch.test.ts; this checks that the built pages apply it.
 * Controls are found by role and name; turns by the markup contract (id = anchor).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSession } from '../helpers/browser-session';

/** The talk with an English edition these checks read (not necessarily the only talk). */
const SLUG = 'waic-2023-roundtable';
const READER_ZH = `/${SLUG}/`;
const READER_EN = `/en/${SLUG}/`;
/** A guest's turn, the same anchor in both editions. */
const TURN = 'yang-shared-problems';

/** Each interface language's name for the header's language navigation and its search field. */
const WORDS = {
  zh: { nav: '语言', search: '搜索发言' },
  en: { nav: 'Language', search: 'Search the talks' },
} as const;

const session = browserSession();

const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}${url.hash}`;
};
const bodyVisible = (page: Page, anchor: string) => page.locator(`[id="${anchor}"] .turn-body`).isVisible();

/**
 * Follows the language switch of a page in `from`'s interface language by pointer, as a reader
 * does, and expects it to lead to `expected` (path, query and anchor).
 */
async function switchLanguage(page: Page, from: keyof typeof WORDS, expected: string) {
  const link = page.getByRole('navigation', { name: WORDS[from].nav }).getByRole('link');
  await link.hover();
  // The address the link leads to once its script has run (what the status bar shows).
  const message = `the ${from === 'zh' ? 'Chinese' : 'English'} page's language switch keeps the reader's place`;
  await expect
    .poll(
      async () => {
        const href = await link.evaluate((element) => new URL((element as HTMLAnchorElement).href));
        return `${href.pathname}${href.search}${href.hash}`;
      },
      { message },
    )
    .toBe(expected);
  await Promise.all([page.waitForURL((url) => `${url.pathname}${url.search}${url.hash}` === expected), link.click()]);
  expect(pathOf(page)).toBe(expected);
  expect(await page.locator('html').getAttribute('lang')).toBe(from === 'zh' ? 'en' : 'zh-CN');
}

describe('the language switch keeps the reader’s place', () => {
  test('the turn anchor: the same turn is the target in English, and back in Chinese', async () => {
    const page = await session.open(`${READER_ZH}#${TURN}`);
    await switchLanguage(page, 'zh', `${READER_EN}#${TURN}`);
    const turn = page.locator(`[id="${TURN}"]`);
    expect(await turn.evaluate((element) => element.matches(':target'))).toBe(true);
    // The turn is on screen, not just named in the address.
    await expect
      .poll(async () => {
        const box = await turn.boundingBox();
        return box !== null && box.y >= 0 && box.y < 900;
      })
      .toBe(true);

    await switchLanguage(page, 'en', `${READER_ZH}#${TURN}`);
    expect(await page.locator(`[id="${TURN}"]`).evaluate((element) => element.matches(':target'))).toBe(true);
  });

  test('the speaker filter: chosen in the Chinese filter, applied in the English reader', async () => {
    const page = await session.open(READER_ZH);
    // The first click loads the filter's code (every-page.ts); the choice made before it arrives counts.
    await page.getByRole('checkbox', { name: /^杨植麟/ }).check();
    await page.getByRole('checkbox', { name: '保留主持人的提问' }).uncheck();
    const filtered = '?speakers=yang-zhilin&host=0';
    await expect.poll(() => new URL(page.url()).search).toBe(filtered);

    await switchLanguage(page, 'zh', `${READER_EN}${filtered}`);
    await expect.poll(() => page.getByRole('checkbox', { name: /^Yang Zhilin/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Andrew Chi-Chih Yao/ }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Keep the host’s questions' }).isChecked()).toBe(false);
    expect(await bodyVisible(page, TURN)).toBe(true);
    expect(await bodyVisible(page, 'yang-shared-memory')).toBe(true);
    expect(await bodyVisible(page, 'xu-li-asks-yang')).toBe(false);
    expect(await bodyVisible(page, 'yao-rl-breakthrough')).toBe(false);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Showing 2 of 13 turns');
    // The filter's script keeps the address as it came.
    expect(new URL(page.url()).search).toBe(filtered);
  });

  test('the search query: from Chinese to English, and from English to Chinese', async () => {
    const page = await session.open(`/search/?q=${encodeURIComponent('幻觉')}`);
    await expect.poll(() => page.getByRole('searchbox', { name: WORDS.zh.search }).inputValue()).toBe('幻觉');
    await switchLanguage(page, 'zh', `/en/search/?q=${encodeURIComponent('幻觉')}`);
    await expect.poll(() => page.getByRole('searchbox', { name: WORDS.en.search }).inputValue()).toBe('幻觉');

    await page.goto(new URL('/en/search/?q=world+model', page.url()).href);
    await expect.poll(() => page.getByRole('searchbox', { name: WORDS.en.search }).inputValue()).toBe('world model');
    await switchLanguage(page, 'en', '/search/?q=world+model');
    await expect.poll(() => page.getByRole('searchbox', { name: WORDS.zh.search }).inputValue()).toBe('world model');
  });
});
