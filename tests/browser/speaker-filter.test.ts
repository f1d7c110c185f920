/**
 * The speaker filter in Chromium, with JavaScript off (checkboxes + CSS :has()) and on (the
 * URL round trip and the announced count). Controls are found by role and name; turns by the
 * markup contract (id = anchor).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSession } from '../helpers/browser-session';

const READER = '/waic-2023-roundtable/';
const bodyVisible = (page: Page, anchor: string) => page.locator(`[id="${anchor}"] .turn-body`).isVisible();

const session = browserSession();

const open = (path: string, javaScriptEnabled: boolean, viewport = { width: 1280, height: 900 }): Promise<Page> =>
  session.open(path, { javaScriptEnabled, viewport });

describe('without JavaScript', () => {
  test('choosing a guest folds the other guests and keeps the host’s questions', async () => {
    const page = await open(READER, false);
    expect(await bodyVisible(page, 'yao-rl-breakthrough')).toBe(true);

    await page.getByRole('checkbox', { name: /^杨植麟/ }).check();
    expect(await bodyVisible(page, 'yang-shared-problems')).toBe(true);
    expect(await bodyVisible(page, 'yang-shared-memory')).toBe(true);
    expect(await bodyVisible(page, 'xu-li-asks-yang')).toBe(true);
    expect(await bodyVisible(page, 'yao-rl-breakthrough')).toBe(false);
    // A folded turn still says who spoke and how much is hidden.
    const folded = page.locator('#yao-rl-breakthrough');
    await expect(folded.getByText('姚期智', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(folded.getByText(/已折叠 6 段/).isVisible()).resolves.toBe(true);

    await page.getByRole('checkbox', { name: '保留主持人的提问' }).uncheck();
    expect(await bodyVisible(page, 'xu-li-asks-yang')).toBe(false);

    // Several speakers at once.
    await page.getByRole('checkbox', { name: /^姚期智/ }).check();
    expect(await bodyVisible(page, 'yao-rl-breakthrough')).toBe(true);
    expect(await bodyVisible(page, 'pan-gan-vs-diffusion')).toBe(false);
  });

  test('a folded turn expands and collapses on its own', async () => {
    const page = await open(READER, false);
    await page.getByRole('checkbox', { name: /^潘新钢/ }).check();
    expect(await bodyVisible(page, 'yuan-healthcare')).toBe(false);
    const turn = page.locator('#yuan-healthcare');
    // By mouse: the visible label.
    await turn.getByText(/已折叠 1 段/).click();
    expect(await bodyVisible(page, 'yuan-healthcare')).toBe(true);
    expect(await turn.getByRole('checkbox', { name: /^收起\s*袁洋的发言/ }).isChecked()).toBe(true);
    // By keyboard: the toggle is a real checkbox with a focus ring on its label.
    await turn.getByRole('checkbox', { name: /^收起\s*袁洋的发言/ }).focus();
    await page.keyboard.press('Space');
    expect(await bodyVisible(page, 'yuan-healthcare')).toBe(false);
  });

  test('“显示全部” clears the filter', async () => {
    const page = await open(READER, false);
    await page.getByRole('checkbox', { name: /^袁洋/ }).check();
    expect(await bodyVisible(page, 'yao-paperwork')).toBe(false);
    await page.getByRole('button', { name: '显示全部' }).click();
    expect(await bodyVisible(page, 'yao-paperwork')).toBe(true);
  });

  test('a quote link lands on the highlighted span below the sticky header', async () => {
    const page = await open(`${READER}#quote-combine-gan-and-diffusion`, false, { width: 390, height: 844 });
    const mark = page.locator('#quote-combine-gan-and-diffusion');
    expect(await mark.evaluate((element) => element.matches(':target'))).toBe(true);
    const header = await page.locator('.site-header').boundingBox();
    // Scrolling may be smooth: wait for the span to come to rest in view.
    await expect.poll(async () => (await mark.boundingBox())?.y ?? Infinity, { timeout: 5000 }).toBeLessThan(844);
    const box = await mark.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  });
});

describe('with JavaScript', () => {
  test('restores a filter from the URL and ignores unknown values', async () => {
    const hostile = encodeURIComponent('<img src=x onerror=alert(1)>');
    const page = await open(`${READER}?speakers=yao-qizhi,nobody,${hostile},yao-qizhi`, true);
    await expect.poll(() => page.getByRole('checkbox', { name: /^姚期智/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^袁洋/ }).isChecked()).toBe(false);
    expect(await bodyVisible(page, 'yao-paperwork')).toBe(true);
    expect(await bodyVisible(page, 'pan-video-and-3d')).toBe(false);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('显示 7 / 13 段发言');
    expect(new URL(page.url()).search).toBe('?speakers=yao-qizhi');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  test('mirrors the choice in the URL, and the URL restores it after a reload', async () => {
    const page = await open(READER, true);
    // The first click loads the filter's code (every-page.ts); the choice made before it arrives counts.
    await page.getByRole('checkbox', { name: /^袁洋/ }).check();
    await page.getByRole('checkbox', { name: /^潘新钢/ }).check();
    await expect.poll(() => new URL(page.url()).search).toBe('?speakers=yuan-yang,pan-xingang');
    await page.getByRole('checkbox', { name: '保留主持人的提问' }).uncheck();
    await expect.poll(() => new URL(page.url()).search).toBe('?speakers=yuan-yang,pan-xingang&host=0');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('显示 4 / 13 段发言');

    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: /^潘新钢/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '保留主持人的提问' }).isChecked()).toBe(false);
    expect(await bodyVisible(page, 'xu-li-opening')).toBe(false);
    expect(await bodyVisible(page, 'pan-video-and-3d')).toBe(true);

    await page.getByRole('button', { name: '显示全部' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('显示全部 13 段发言');
  });

  test('is usable from the keyboard alone', async () => {
    const page = await open(READER, true);
    // The filter's code loads on this first focus (every-page.ts): the key press may come before it.
    expect(await page.evaluate(() => customElements.get('ht-speaker-filter') === undefined)).toBe(true);
    await page.getByRole('checkbox', { name: /^杨植麟/ }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).search).toBe('?speakers=yang-zhilin');
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
    expect(focused).toBe('yang-zhilin');
  });
});
