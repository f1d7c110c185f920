/**
 * Sharing in Chromium: from a share page into the highlighted quote, copying a turn's link and
 * a quote's citation (clipboard permission granted), and a link to a selected passage that
 * lands on it. Controls are found by role and name.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSession } from '../helpers/browser-session';

const TALK = '/waic-2023-roundtable/';
const session = browserSession();

const open = (path: string, viewport = { width: 1280, height: 800 }): Promise<Page> =>
  session.open(path, { viewport, permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/** Built pages carry the configured site's URLs; here they are served from the test server. */
const local = (url: string) => url.replace('http://127.0.0.1:4321', session.url);

describe('a share page', () => {
  test('leads into context, where the quote is the highlighted target', async () => {
    const page = await open(`${TALK}q/combine-gan-and-diffusion/`);
    await page.getByRole('link', { name: '在原文中查看这句话' }).click();
    await page.waitForURL(`**${TALK}#quote-combine-gan-and-diffusion`);
    const mark = page.locator('mark:target');
    await expect(mark.getAttribute('id')).resolves.toBe('quote-combine-gan-and-diffusion');
    await expect(mark.evaluate((element) => getComputedStyle(element).outlineStyle)).resolves.toBe('solid');
    // Scrolling may be smooth: wait until the quote is inside the viewport.
    await page.waitForFunction(
      () => {
        const rect = document.querySelector('mark:target')!.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight;
      },
      undefined,
      { timeout: 5000 },
    );
  });
});

describe('the share menu', () => {
  test('on the reader, loads its code only when the reader reaches for a menu, then fills it', async () => {
    const page = await open(TALK);
    const loaded: string[] = [];
    page.on('request', (request) => {
      if (/\/share-menu\.[\w-]+\.js$/.test(request.url())) loaded.push(request.url());
    });
    await page.waitForLoadState('networkidle');
    expect(loaded).toEqual([]);
    const turn = page.locator('#yuan-healthcare');
    await turn.getByText(/^分享与引用/).hover();
    await expect.poll(() => loaded.length).toBe(1);
    await turn.getByText(/^分享与引用/).click();
    // The full panel: the citations with today's access date in GB/T 7714, and the copy buttons.
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
    await expect
      .poll(() => turn.locator('[data-share-part="gbt"]').textContent())
      .toBe(
        `袁洋. 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛[EB/OL]. 会谈 Huitan, 2023-07-06[${today}]. http://127.0.0.1:4321/waic-2023-roundtable/#yuan-healthcare.`,
      );
    await expect(turn.getByRole('button', { name: /^复制链接\s*：袁洋这段发言$/ }).isVisible()).resolves.toBe(true);
    await expect(turn.getByRole('button', { name: /^复制发言全文与出处\s*：袁洋这段发言$/ }).isVisible()).resolves.toBe(
      true,
    );
    await expect(turn.getByRole('link', { name: '引文与引用格式' }).count()).resolves.toBe(0);
  });

  test('copies a turn’s link by keyboard and announces it', async () => {
    const page = await open(TALK);
    const turn = page.locator('#yao-paperwork');
    const summary = turn.getByText(/^分享与引用/);
    await summary.focus();
    await page.keyboard.press('Enter');
    const copy = turn.getByRole('button', { name: /^复制链接/ });
    await copy.focus();
    await page.keyboard.press('Enter');
    await turn.getByRole('status').filter({ hasText: '已复制链接' }).waitFor();
    expect(await clipboard(page)).toBe('http://127.0.0.1:4321/waic-2023-roundtable/#yao-paperwork');
  });

  test('copies a key quote with attribution and its share URL, and an APA citation', async () => {
    const page = await open(TALK);
    const item = page.locator('.key-quote-item').first();
    await item.getByText(/^分享与引用/).click();
    await item.getByRole('button', { name: /^复制引文/ }).click();
    await item.getByRole('status').filter({ hasText: '已复制引文' }).waitFor();
    expect(await clipboard(page)).toBe(
      '“在ChatGPT以后，下一个非常重要的目标就是让AI变成有视觉、听觉等多种感知能力的机器人，它能够在不同的环境里面，自主学习各种的新技能。” ——姚期智，WAIC 2023 开幕式圆桌论坛 http://127.0.0.1:4321/waic-2023-roundtable/q/embodied-agents/',
    );
    await item.getByRole('button', { name: /^复制 APA 引用/ }).click();
    expect(await clipboard(page)).toBe(
      '姚期智. (2023, July 6). 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛 [Transcript]. 会谈 Huitan. http://127.0.0.1:4321/waic-2023-roundtable/q/embodied-agents/',
    );
  });
});

describe('a link to a selected passage', () => {
  test('is copied from the selection bar and lands on that passage when opened', async () => {
    const page = await open(TALK);
    // A passage in the last paragraph of a long turn: landing on the turn alone would not show it.
    const passage = '同时还有其他很多的中外的在基础理论';
    await page.evaluate((text) => {
      const paragraph = [...document.querySelectorAll('#yao-rl-breakthrough .turn-body p')].find((p) =>
        p.textContent?.includes(text),
      )!;
      const node = [...paragraph.childNodes].find(
        (child) => child.nodeType === Node.TEXT_NODE && child.textContent?.includes(text),
      )!;
      const at = node.textContent!.indexOf(text);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, passage);
    const copy = page.getByRole('button', { name: '复制这段文字的链接' });
    await copy.waitFor({ state: 'visible' });
    await copy.click();
    await page.getByRole('status').filter({ hasText: '已复制这段文字的链接' }).waitFor();
    const url = await clipboard(page);
    expect(url).toBe(`${session.url}${TALK}#yao-rl-breakthrough:~:text=${encodeURIComponent(passage)}`);

    const inView = (target: Page) =>
      target.evaluate((text) => {
        const p = [...document.querySelectorAll('#yao-rl-breakthrough .turn-body p')].find((el) =>
          el.textContent?.includes(text),
        )!;
        const rect = p.getBoundingClientRect();
        return rect.bottom > 0 && rect.top < innerHeight;
      }, passage);
    // A short viewport: landing on the turn alone does not show its last paragraph.
    const plain = await session.context!.newPage();
    await plain.setViewportSize({ width: 1280, height: 400 });
    await plain.goto(`${session.url}${TALK}#yao-rl-breakthrough`);
    await plain.waitForTimeout(1000);
    expect(await inView(plain)).toBe(false);

    const reader = await session.context!.newPage();
    await reader.setViewportSize({ width: 1280, height: 400 });
    await reader.goto(local(url));
    await expect(reader.evaluate(() => location.hash)).resolves.toBe('#yao-rl-breakthrough');
    // Chromium scrolls the matched text into view (its highlight is not in the DOM).
    await expect.poll(() => inView(reader), { timeout: 5000 }).toBe(true);
  });
});
