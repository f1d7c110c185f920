/**
 * The search results a browser test reads back: the turn anchors of the result links that land on
 * one reader page (e.g. the Chinese reader, leaving out the English edition's results listed after
 * them), in the order shown.
 */
import type { Page } from 'playwright-core';

export const resultAnchors = (page: Page, reader: string): Promise<string[]> =>
  page
    .getByRole('list', { name: '搜索结果' })
    .getByRole('link')
    .evaluateAll(
      (links, path) =>
        links
          .map((link) => new URL((link as HTMLAnchorElement).href))
          .filter((url) => url.pathname === path)
          .map((url) => url.hash.slice(1)),
      reader,
    );
