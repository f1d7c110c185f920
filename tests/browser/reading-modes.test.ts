/**
 * Reading modes and the phone toolbar in Chromium (docs/reading-modes.md): the toolbar at 390 px
 * stays in reach after scrolling, its panels open and close by pointer and keyboard (with focus
 * back on the button), the filter works on the bilingual page without JavaScript, and with it
 * the chosen mode is remembered and carries the reader's place. Controls found by role.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSession } from '../helpers/browser-session';

const READER = '/waic-2023-roundtable/';
const BOTH = '/waic-2023-roundtable/both/';
const PHONE = { width: 390, height: 844 };
const session = browserSession();

const toolbarButton = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const inViewport = async (page: Page, name: string) => {
  const box = await toolbarButton(page, name).boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
};
const bodyVisible = (page: Page, anchor: string) => page.locator(`[id="${anchor}"] .turn-body`).isVisible();

describe('on a phone', () => {
  test('the toolbar stays in reach after scrolling; the outline opens from it and a section link closes it', async () => {
    const page = await session.open(READER, { viewport: PHONE });
    // The sidebar's tools are not in the page's flow on a phone: the transcript comes first.
    expect(await page.getByRole('navigation', { name: '目录' }).isVisible()).toBe(false);
    await page.mouse.wheel(0, 6000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(3000);
    for (const name of ['模式', '目录', '筛选']) expect(await inViewport(page, name), name).toBe(true);

    await toolbarButton(page, '目录').click();
    const outline = page.getByRole('navigation', { name: '目录' });
    await expect.poll(() => outline.isVisible()).toBe(true);
    await outline.getByRole('link', { name: /幻觉与大模型的挑战/ }).click();
    await expect.poll(() => outline.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#llm-challenges');
  });

  test('a panel opens with the keyboard and Esc closes it, focus back on its button', async () => {
    const page = await session.open(READER, { viewport: PHONE });
    const button = toolbarButton(page, '筛选');
    await button.focus();
    await page.keyboard.press('Enter');
    const filter = page.getByRole('form', { name: '只看' });
    await expect.poll(() => filter.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#filter') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => filter.isVisible()).toBe(false);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  test('nothing the keyboard focuses hides under the toolbar', async () => {
    const page = await session.open(BOTH, { viewport: PHONE });
    const covered: string[] = [];
    for (let press = 0; press < 80; press++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const active = document.activeElement;
        const bar = document.querySelector('.reader-toolbar')!.getBoundingClientRect();
        if (!active || active === document.body || active.closest('.reader-toolbar')) return null;
        const box = active.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return null;
        return { name: active.outerHTML.slice(0, 80), bottom: box.bottom, barTop: bar.top };
      });
      if (state && state.bottom > state.barTop + 1) covered.push(state.name);
    }
    expect(covered).toEqual([]);
  });

  test('without JavaScript the bilingual page’s filter works from the toolbar', async () => {
    const page = await session.open(BOTH, { viewport: PHONE, javaScriptEnabled: false });
    expect(await bodyVisible(page, 'yao-rl-breakthrough')).toBe(true);
    await toolbarButton(page, '筛选').click();
    await page.getByRole('checkbox', { name: /^袁洋/ }).check();
    expect(await bodyVisible(page, 'yuan-modality-completion')).toBe(true);
    expect(await bodyVisible(page, 'yao-rl-breakthrough')).toBe(false);
    await page.keyboard.press('Escape');
    // Paragraph after paragraph: the translation under its original, not beside it.
    const pair = page.locator('#yuan-modality-completion .paragraph-pair').first();
    const [original, translation] = [
      (await pair.locator('.paragraph-original').boundingBox())!,
      (await pair.locator('.paragraph-translation').boundingBox())!,
    ];
    expect(translation.y).toBeGreaterThanOrEqual(original.y + original.height);
  });
});

describe('on a wide screen', () => {
  test('the sidebar holds the tools and the toolbar is hidden; the bilingual page has two columns', async () => {
    const page = await session.open(BOTH);
    expect(await page.getByRole('navigation', { name: '阅读模式' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: '目录' }).isVisible()).toBe(true);
    expect(await toolbarButton(page, '目录').isVisible()).toBe(false);
    const pair = page.locator('#yao-rl-breakthrough .paragraph-pair').first();
    const [original, translation] = [
      (await pair.locator('.paragraph-original').boundingBox())!,
      (await pair.locator('.paragraph-translation').boundingBox())!,
    ];
    expect(translation.y).toBe(original.y);
    expect(translation.x).toBeGreaterThan(original.x + original.width);
  });
});

describe('the remembered mode', () => {
  test('a picked mode carries the place, and a later plain visit to the reader goes there without a back-button trap', async () => {
    const page = await session.open(`${READER}#yao-rl-breakthrough`);
    const modes = page.getByRole('navigation', { name: '阅读模式' });
    // A pointer crosses the sidebar before it reaches a link: that loads the tools' script.
    await modes.hover();
    const both = modes.getByRole('link', { name: '对照' });
    await expect.poll(() => both.getAttribute('href')).toBe(`${BOTH}#yao-rl-breakthrough`);
    await both.click();
    await expect
      .poll(() => new URL(page.url()).pathname + new URL(page.url()).hash)
      .toBe(`${BOTH}#yao-rl-breakthrough`);

    // A deep link stays where it points.
    await page.goto(new URL(`${READER}#yuan-healthcare`, page.url()).href);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe(READER);

    // A plain visit goes to the remembered mode, replacing the entry: back leads to the page before.
    await page.goto(new URL('/', page.url()).href);
    await page.goto(new URL(READER, page.url()).href);
    await expect.poll(() => new URL(page.url()).pathname).toBe(BOTH);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  });

  test('nothing is remembered until a mode is picked', async () => {
    const page = await session.open(READER);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
    await page.goto(new URL(BOTH, page.url()).href);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe(BOTH);
  });
});
