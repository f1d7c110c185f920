/**
 * Search quality, measured: a fixed set of queries runs through the real search page (the same
 * code path readers use: /search/?q=…, Pagefind, the built index) and every result is compared
 * with the relevant turns computed from the built reader page. A turn is relevant when its text
 * contains every word of the query, ignoring case; for a speaker's name, when that speaker
 * speaks it. Fails below recall 100% or precision 95%, and prints the table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedBrowser, sharedServerUrl } from '../helpers/browser';
import { distDir } from '../helpers/paths';
import { resultAnchors } from '../helpers/search-results';
import { QUERIES, relevant, type Turn } from '../helpers/query-set-zh';

/** The turns as a reader sees them, read straight from the built page (notes left out). */
function builtTurns(): Turn[] {
  const html = readFileSync(path.join(distDir, 'waic-2023-roundtable/index.html'), 'utf8');
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('article.turn')].map((turn) => {
    const body = turn.querySelector('.turn-body')!.cloneNode(true) as Element;
    for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
    return { anchor: turn.id, speaker: turn.getAttribute('data-speaker')!, text: body.textContent ?? '' };
  });
}

/** The Chinese reader, where the Chinese results lead. */
const READER = '/waic-2023-roundtable/';

async function resultsFor(page: Page, query: string): Promise<string[]> {
  const input = page.getByRole('searchbox', { name: '搜索发言' });
  await input.fill(query);
  await input.press('Enter');
  await page.waitForFunction(() => {
    const panel = document.querySelector('ht-search-panel');
    return panel !== null && !panel.hasAttribute('aria-busy');
  });
  // The Chinese turns only: on a site with the English edition its turns are listed after them,
  // labelled (tests/browser/search-english.test.ts measures those).
  return resultAnchors(page, READER);
}

let browser: Browser;
/** The one server of the browser project (tests/helpers/browser-setup.ts). */
let server: { url: string };

beforeAll(async () => {
  browser = await sharedBrowser();
  server = { url: sharedServerUrl() };
});

afterAll(async () => {
  await browser?.close(); // disconnects; the project's browser keeps running
});

describe('search quality', () => {
  test(`finds every relevant turn and almost nothing else over ${QUERIES.length} queries`, async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
    const turns = builtTurns();
    expect(turns).toHaveLength(13);
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => customElements.get('ht-search-panel') !== undefined);

    let relevantTotal = 0;
    let foundRelevant = 0;
    let returned = 0;
    const rows: string[] = [];
    const misses: string[] = [];
    for (const query of QUERIES) {
      const expected = relevant(query, turns);
      const got = await resultsFor(page, query);
      const hits = got.filter((anchor) => expected.includes(anchor));
      relevantTotal += expected.length;
      foundRelevant += hits.length;
      returned += got.length;
      rows.push(`${query.padEnd(14)} expected ${expected.length}  returned ${got.length}  correct ${hits.length}`);
      if (hits.length !== expected.length || got.length !== hits.length || new Set(got).size !== got.length) {
        misses.push(`${query}: expected [${expected.join(', ')}], got [${got.join(', ')}]`);
      }
    }
    await page.close();
    const recall = relevantTotal === 0 ? 1 : foundRelevant / relevantTotal;
    const precision = returned === 0 ? 1 : foundRelevant / returned;
    console.log(
      [
        `search quality over ${QUERIES.length} queries: recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%`,
        `(${foundRelevant} of ${relevantTotal} relevant turns found, ${returned} returned)`,
        ...rows,
      ].join('\n'),
    );
    expect(misses, 'queries whose results differ from the relevant turns').toEqual([]);
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
