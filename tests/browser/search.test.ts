/**
 * Search in Chromium: opening it by keyboard, lazy loading, the speaker facet, the URL round
 * trip and the back button, landing on a turn with the words marked, hostile input, and the
 * page without JavaScript. Controls are found by role and name.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { indexedTurnCount, sitePages } from '../helpers/site-pages';
import { distDir } from '../helpers/paths';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSession } from '../helpers/browser-session';
import { resultAnchors } from '../helpers/search-results';

const READER = '/waic-2023-roundtable/';

const session = browserSession();

async function open(path: string, javaScriptEnabled = true): Promise<{ page: Page; requests: string[] }> {
  const requests: string[] = [];
  const page = await session.open(path, {
    javaScriptEnabled,
    beforeGoto: (page) => page.on('request', (request) => requests.push(new URL(request.url()).pathname)),
  });
  return { page, requests };
}

/** Waits until the panel has finished the search in flight. */
async function settled(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('ht-search-panel')].every((panel) => !panel.hasAttribute('aria-busy')),
  );
}

/**
 * The anchors of the results in the page's language (Chinese: the Chinese reader's turns). With
 * the talk's English edition in the index, its turns are listed after them, labelled and counted
 * apart (tests/browser/search-english.test.ts).
 */
const readerResults = (page: Page) => resultAnchors(page, READER);

/** Whether the built site has the talk's English reader, whose turns search lists after the Chinese. */
const ENGLISH = existsSync(path.join(distDir, 'en', READER, 'index.html'));

/**
 * A status of the Chinese page: exactly `status`, which counts the Chinese turns, and, on a site
 * with the English edition, the English turns found besides, when there are any.
 */
const chineseStatus = (status: string) =>
  new RegExp(`^${status.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${ENGLISH ? '(，另有 \\d+ 段英文发言)?' : ''}$`);

describe('the search dialog', () => {
  test('opens with "/", loads Pagefind only then, and finds a compound word', async () => {
    const { page, requests } = await open(READER);
    await page.waitForFunction(() => customElements.get('ht-search-field') !== undefined);
    expect(requests.filter((path) => path.includes('/pagefind/'))).toEqual([]);

    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const input = dialog.getByRole('searchbox', { name: '搜索发言' });
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('多模态');
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('找到 1 段包含“多模态”的发言');
    expect(await readerResults(page)).toEqual(['yuan-modality-completion']);
    expect(requests.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
  });

  test('searches without Intl.Segmenter: its ICU data is never loaded (queries reach Pagefind as ASCII tokens)', async () => {
    const { page } = await open(READER);
    await page.evaluate(() => {
      const made: string[] = [];
      (window as unknown as { made: string[] }).made = made;
      const Native = Intl.Segmenter;
      class Spy extends Native {
        constructor(...args: ConstructorParameters<typeof Native>) {
          super(...args);
          made.push(args[1]?.granularity ?? 'grapheme');
        }
      }
      Object.defineProperty(Intl, 'Segmenter', { value: Spy, configurable: true, writable: true });
    });
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await dialog.getByRole('searchbox', { name: '搜索发言' }).fill('多模态');
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('找到 1 段包含“多模态”的发言');
    // The spy sees a segmenter made after the search (so it was in place during it), and no other.
    const made = await page.evaluate(() => {
      new Intl.Segmenter('zh-CN', { granularity: 'sentence' });
      return (window as unknown as { made: string[] }).made;
    });
    expect(made).toEqual(['sentence']);
  });

  test('after the first results, a talk-sized index loads in the background: the next queries fetch nothing', async () => {
    const { page, requests } = await open(READER);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    const input = dialog.getByRole('searchbox', { name: '搜索发言' });
    await input.fill('幻觉');
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('找到 2 段包含“幻觉”的发言');
    // Every record (one per turn) and the index chunks arrive; then the network is quiet.
    const siteTurns = indexedTurnCount(sitePages());
    await expect.poll(() => requests.filter((path) => path.includes('/pagefind/fragment/')).length).toBe(siteTurns);
    // Then the index chunks of every word (more of them with the English edition's words). The
    // page reached "networkidle" long before, so Playwright's wait for it would return at once:
    // wait for half a second without a request instead.
    await expect
      .poll(
        async () => {
          const seen = requests.length;
          await page.waitForTimeout(500);
          return requests.length === seen;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const before = requests.length;
    for (const [query, status] of [
      ['扩散模型', '找到 1 段包含“扩散模型”的发言'],
      ['GAN 扩散模型', '找到 1 段包含“GAN 扩散模型”的发言'],
      ['强化学习', '找到 1 段包含“强化学习”的发言'],
      ['潘新钢', '潘新钢的全部发言：2 段'],
    ] as const) {
      await input.fill(query);
      await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(chineseStatus(status));
    }
    expect(requests.slice(before)).toEqual([]);
  });

  test('opens with Ctrl-K, closes with Esc and gives focus back', async () => {
    const { page } = await open(READER);
    await page.waitForFunction(() => customElements.get('ht-search-field') !== undefined);
    const link = page.getByRole('link', { name: '交叉学科与多模态 2 段' });
    await link.focus();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  test('loads its stylesheet with search, not with the page: on the first approach to the field', async () => {
    const { page, requests } = await open(READER);
    await page.waitForFunction(() => customElements.get('ht-search-field') !== undefined);
    const stylesheets = () => requests.filter((path) => /^\/_astro\/search\.[\w-]+\.css$/.test(path));
    expect(stylesheets()).toEqual([]);
    await page.getByRole('searchbox', { name: '搜索发言' }).hover();
    await expect.poll(() => stylesheets().length).toBe(1);
    await page.getByRole('searchbox', { name: '搜索发言' }).click();
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await expect.poll(() => dialog.evaluate((element) => getComputedStyle(element).borderRadius)).not.toBe('0px');
    expect(stylesheets()).toHaveLength(1);
  });

  test('still works when its stylesheet cannot load: the dialog shows plain and takes the query', async () => {
    const page = await session.open(READER, {
      expectedConsoleError: /^Failed to load resource/,
      beforeGoto: (page) => void page.route('**/_astro/search.*.css', (route) => route.abort()),
    });
    await page.waitForFunction(() => customElements.get('ht-search-field') !== undefined);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type('幻觉');
    expect(await dialog.getByRole('searchbox').inputValue()).toBe('幻觉');
    await expect.poll(() => dialog.getByRole('list', { name: '搜索结果' }).getByRole('listitem').count()).toBe(2);
  });

  test('typing in the header field opens the dialog with what was typed', async () => {
    const { page } = await open('/');
    await page.waitForFunction(() => customElements.get('ht-search-field') !== undefined);
    await page.getByRole('searchbox', { name: '搜索发言' }).first().pressSequentially('算力');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('找到 2 段包含“算力”的发言');
  });

  test('results are reachable by keyboard and lead to the turn, marked and with the words highlighted', async () => {
    const { page } = await open(READER);
    await page.waitForFunction(() => customElements.get('ht-search-field') !== undefined);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type('头痛医头');
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('找到 1 段');
    const result = dialog.getByRole('list', { name: '搜索结果' }).getByRole('link').first();
    await result.focus();
    await Promise.all([page.waitForURL(/#yang-shared-problems$/), page.keyboard.press('Enter')]);
    const turn = page.locator('#yang-shared-problems');
    expect(await turn.evaluate((element) => element.matches(':target'))).toBe(true);
    await expect.poll(() => turn.locator('mark.search-hit').allTextContents()).toEqual(['头痛医头']);
    // Scrolling may be smooth: wait for the turn to come to rest in view.
    await expect.poll(async () => (await turn.boundingBox())?.y ?? Infinity, { timeout: 5000 }).toBeLessThan(900);
    expect((await turn.boundingBox())!.y).toBeGreaterThanOrEqual(0);
  });
});

describe('the search page', () => {
  test('restores a search from the URL, narrows by speaker, and says so when nothing is left', async () => {
    const { page } = await open('/search/?q=GAN&speaker=yang-zhilin');
    await settled(page);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('没有找到包含“GAN”的发言（杨植麟）。');
    await page.getByRole('button', { name: /清除发言人筛选/ }).click();
    await settled(page);
    expect(await readerResults(page)).toEqual(
      expect.arrayContaining([
        'yuan-modality-completion',
        'xu-li-asks-pan',
        'pan-gan-vs-diffusion',
        'xu-li-closing-question',
      ]),
    );
    expect(new URL(page.url()).search).toBe('?q=GAN');

    const facet = page.getByRole('group', { name: '发言人' });
    expect(await facet.getByRole('radio', { name: /^潘新钢/ }).isVisible()).toBe(true);
    expect(await facet.getByRole('radio', { name: /^杨植麟/ }).isVisible()).toBe(false);
    await facet.getByRole('radio', { name: /^徐立/ }).check();
    expect(await readerResults(page)).toEqual(expect.arrayContaining(['xu-li-asks-pan', 'xu-li-closing-question']));
    expect(await readerResults(page)).toHaveLength(2);
    expect(await page.getByRole('status').textContent()).toMatch(chineseStatus('找到 2 段包含“GAN”的发言（徐立）'));
    expect(new URL(page.url()).searchParams.get('speaker')).toBe('xu-li');
  });

  test('a fresh search counts each speaker’s turns in the facet, from the index alone', async () => {
    const { page } = await open('/search/?q=GAN');
    await settled(page);
    const facet = page.getByRole('group', { name: '发言人' });
    const counts = await facet.getByRole('radio').evaluateAll((radios) =>
      radios
        .map((radio) => (radio as HTMLInputElement).labels![0]!)
        .filter((label) => !label.hidden)
        .map(
          (label) =>
            `${label.querySelector('span:not(.avatar):not(.filter-count)')?.textContent} ${label.querySelector('.filter-count')?.textContent}`,
        ),
    );
    expect(counts).toEqual(['全部 4', '徐立 2', '袁洋 1', '潘新钢 1']);
  });

  test('keeps each search in the history: the back button returns to the previous one', async () => {
    const { page } = await open('/search/');
    const input = page.getByRole('searchbox', { name: '搜索发言' });
    await page.waitForFunction(() => customElements.get('ht-search-panel') !== undefined);
    await input.fill('幻觉');
    await input.press('Enter');
    await settled(page);
    await input.fill('算力');
    await input.press('Enter');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('算力');
    await page.goBack();
    // popstate starts the search asynchronously: wait for its outcome, not just for no busy flag.
    await expect.poll(() => input.inputValue()).toBe('幻觉');
    await settled(page);
    await expect.poll(() => readerResults(page)).toEqual(['yang-shared-problems', 'xu-li-asks-yang']);
  });

  test('typing after a committed search starts a new history entry instead of replacing it', async () => {
    const { page } = await open('/search/');
    const input = page.getByRole('searchbox', { name: '搜索发言' });
    await page.waitForFunction(() => customElements.get('ht-search-panel') !== undefined);
    // Each query's results arrive from typing alone (the typing delay passes) before Enter.
    await input.fill('幻觉');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('幻觉');
    await settled(page);
    await input.press('Enter');
    await input.fill('算力');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('算力');
    await settled(page);
    await page.goBack();
    await expect.poll(() => input.inputValue()).toBe('幻觉');
    await settled(page);
    await expect.poll(() => readerResults(page)).toEqual(['yang-shared-problems', 'xu-li-asks-yang']);
  });

  test('a speaker’s name offers that speaker’s turns, and a way to search the text instead', async () => {
    const { page } = await open(`/search/?q=${encodeURIComponent('植麟')}`);
    await settled(page);
    expect(await page.getByRole('status').textContent()).toMatch(chineseStatus('杨植麟的全部发言：2 段'));
    expect(await readerResults(page)).toEqual(['yang-shared-problems', 'yang-shared-memory']);
    await page.getByRole('button', { name: '改为搜索提到“植麟”的文字' }).click();
    await settled(page);
    expect(await readerResults(page)).toEqual(['xu-li-asks-yang']);
  });

  test('treats a 10,000-character query as its first 200 characters', async () => {
    const { page } = await open('/search/');
    await page.waitForFunction(() => customElements.get('ht-search-panel') !== undefined);
    const input = page.getByRole('searchbox', { name: '搜索发言' });
    await input.fill('多'.repeat(10_000));
    await input.press('Enter');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('多'.repeat(200));
    expect(await page.getByRole('status').textContent()).toMatch(/^没有找到包含“多{200}”的发言。$/);
  });

  test.each([
    ['markup', '<img src=x onerror=alert(1)>'],
    ['emoji', '🙂🚀'],
    ['punctuation only', '，。！？…'],
    ['a bare quote', '"'],
  ])('treats a hostile query (%s) as text', async (_name, query) => {
    const { page } = await open(`/search/?q=${encodeURIComponent(query)}`);
    await settled(page);
    expect(await page.locator('ht-search-panel img, ht-search-panel script').count()).toBe(0);
    expect(await page.getByRole('heading', { name: '搜索', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('searchbox', { name: '搜索发言' }).inputValue()).toBe(query.slice(0, 200));
  });

  test('without JavaScript it says that search needs it', async () => {
    const { page } = await open('/search/?q=幻觉', false);
    expect(await page.getByText('搜索需要启用 JavaScript').isVisible()).toBe(true);
  });

  test('without JavaScript the header field submits to the search page', async () => {
    const { page } = await open(READER, false);
    const field = page.getByRole('searchbox', { name: '搜索发言' }).first();
    await field.fill('算力');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), field.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('算力');
  });
});

describe('landing from a result', () => {
  test('a hostile highlight parameter marks nothing and adds no markup', async () => {
    const hl = encodeURIComponent('<b>x</b><script>alert(1)</script>');
    const { page } = await open(`${READER}?hl=${hl}#yao-rl-breakthrough`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('article.turn b, article.turn script').count()).toBe(0);
    expect(await page.locator('mark.search-hit').count()).toBe(0);
  });
});
