/**
 * Editorial notes in Chromium: a note opens from its marker by keyboard and by pointer, closes
 * with Escape, a click outside it or (with JavaScript, which adds it) its close button, and works
 * the same with JavaScript turned off (the popover attribute is plain HTML). Found by role and accessible name, scoped to a turn (markup contract).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSession } from '../helpers/browser-session';

const READER = '/waic-2023-roundtable/';

const session = browserSession();

const open = (javaScriptEnabled: boolean, viewport = { width: 1280, height: 900 }): Promise<Page> =>
  session.open(READER, { javaScriptEnabled, viewport });

/** The mode-collapse correction in 潘新钢's answer: its marker and its text. */
function modeCollapse(page: Page) {
  const turn = page.locator('#pan-gan-vs-diffusion');
  const note = turn.getByRole('note').filter({ hasText: 'mode collapse' });
  return {
    turn,
    note,
    marker: page.locator('#note-pan-gan-vs-diffusion-mode-collapse').getByRole('button', { name: '更正注释' }),
  };
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('a note %s', (_name, javaScriptEnabled) => {
  test('opens from its marker by keyboard, lets Tab reach its source link, and closes with Escape', async () => {
    const page = await open(javaScriptEnabled);
    const { note, marker } = modeCollapse(page);
    expect(await note.isVisible()).toBe(false);
    await marker.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => note.isVisible()).toBe(true);
    // The popover comes next in the focus order: its first link is one Tab away.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toBe('Improved Techniques for Training GANs（arXiv:1606.03498）');
    await page.keyboard.press('Escape');
    await expect.poll(() => note.isVisible()).toBe(false);
  });

  test(`opens by pointer and closes ${javaScriptEnabled ? 'with its close button' : 'by a click outside it'}`, async () => {
    const page = await open(javaScriptEnabled);
    const { note, marker } = modeCollapse(page);
    await marker.click();
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('应为 mode collapse（模式崩塌）');
    const close = note.getByRole('button', { name: '关闭' });
    if (javaScriptEnabled) {
      await close.click();
    } else {
      expect(await close.count()).toBe(0);
      await page.mouse.click(5, 5);
    }
    await expect.poll(() => note.isVisible()).toBe(false);
  });
});

test('on a phone the open note is a sheet along the bottom of the screen', async () => {
  const page = await open(false, { width: 390, height: 844 });
  const marker = page.locator('#note-yao-rl-breakthrough-efficientzero').getByRole('button', { name: '背景注释' });
  await marker.click();
  const note = page.locator('#yao-rl-breakthrough').getByRole('note').filter({ hasText: 'EfficientZero' });
  await expect.poll(() => note.isVisible()).toBe(true);
  const box = (await note.boundingBox())!;
  expect(box.x).toBe(0);
  expect(box.width).toBe(390);
  expect(Math.round(box.y + box.height)).toBe(844);
});

test('a strip segment (on the about page) and a speaker label take the reader where they point', async () => {
  const page = await session.open(`${READER}about/`, {
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
  });
  await page
    .getByRole('navigation', { name: '谁在何时发言' })
    .getByRole('link', { name: /^第8段：潘新钢，\d+字$/ })
    .click();
  await page.waitForURL((url) => url.pathname === READER);
  expect(new URL(page.url()).hash).toBe('#pan-gan-vs-diffusion');
  expect(await page.locator('#pan-gan-vs-diffusion').isVisible()).toBe(true);
  await page.locator('#yang-shared-problems').getByRole('link', { name: '杨植麟', exact: true }).click();
  expect(new URL(page.url()).hash).toBe('#speaker-yang-zhilin');
  expect(await page.locator('#speaker-yang-zhilin').getByText('月之暗面').isVisible()).toBe(true);
});

test('on a wide screen the open note sits just under its marker', async () => {
  const page = await open(true);
  const { note, marker } = modeCollapse(page);
  await marker.click();
  await expect.poll(() => note.isVisible()).toBe(true);
  const [at, box] = [(await marker.boundingBox())!, (await note.boundingBox())!];
  expect(box.y - (at.y + at.height)).toBeGreaterThanOrEqual(0);
  expect(box.y - (at.y + at.height)).toBeLessThan(12);
});

test('in print every note shows inline without opening it, and the markers and share menus are gone', async () => {
  const page = await open(false);
  await page.emulateMedia({ media: 'print' });
  const { note, marker } = modeCollapse(page);
  expect(await note.isVisible()).toBe(true);
  expect(await marker.isVisible()).toBe(false);
  expect(await page.locator('.note-body:visible').count()).toBe(await page.locator('.note-body').count());
  // Nor are the share menus printed: on paper they are controls without a use.
  expect(await page.locator('ht-share').count()).toBe(16);
  expect(await page.locator('ht-share:visible').count()).toBe(0);
});
