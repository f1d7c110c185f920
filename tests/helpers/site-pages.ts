/**
 * The pages of the built site, found in dist/ rather than listed by hand, so quality checks
 * cover pages that later features add (share pages, speaker pages, search).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { listFilesSync } from '../../src/lib/files';
import { isRedirectPage, pageUrlOf } from '../../src/lib/build/dist-check';
import { distDir } from './paths';

export interface SitePage {
  /** URL path as served: `/`, `/talk/`, `/404.html`. */
  url: string;
  document: Document;
  redirect: boolean;
}

/**
 * Every page, the default (Chinese) site's first and then each translated edition's (/en/…), so
 * that a check written against the Chinese interface's words finds a Chinese page first
 * (readerPages(…)[0], firstWith) while the checks over every page cover the editions too.
 */
export function sitePages(dir = distDir): SitePage[] {
  const pages = listFilesSync(dir)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .map((file) => {
      const { document } = parseHTML(readFileSync(path.join(dir, file), 'utf8'));
      return { url: pageUrlOf(file), document, redirect: isRedirectPage(document) };
    });
  return [...pages.filter((page) => !isEditionPage(page)), ...pages.filter(isEditionPage)];
}

/** A page of a translated edition: its language is not the site's (Chinese). */
export const isEditionPage = (page: SitePage) =>
  !(page.document.documentElement.getAttribute('lang') ?? 'zh-CN').startsWith('zh');

/** Pages that show content (not redirects). */
export const contentPages = (pages: SitePage[]) => pages.filter((page) => !page.redirect);

/** Reader pages: they hold turns (the markup contract: article.turn). */
export const readerPages = (pages: SitePage[]) =>
  pages.filter((page) => page.document.querySelector('article.turn') !== null);

/** The first page matching a selector, or undefined when no page has it yet. */
export const firstWith = (pages: SitePage[], selector: string) =>
  pages.find((page) => page.document.querySelector(selector) !== null);

/** Prints why a check that depends on a feature did not run, so a skip is never silent. */
export function skipReason(reason: string): void {
  console.log(`skipped: ${reason}`);
}

/**
 * The turns search indexes across `pages`: every reader's, but none of a page that marks its
 * transcript `data-pagefind-ignore` (the bilingual page repeats the readers' words).
 */
export const indexedTurnCount = (pages: SitePage[]) =>
  readerPages(pages).reduce(
    (sum, page) =>
      sum +
      [...page.document.querySelectorAll('article.turn')].filter((turn) => !turn.closest('[data-pagefind-ignore]'))
        .length,
    0,
  );

/**
 * Reader pages in the default interface language that show one language (not the bilingual
 * page): the pages whose words the keyboard and security journeys name (Chinese labels).
 */
export const defaultReaderPages = (pages: SitePage[]) =>
  readerPages(pages).filter(
    (page) =>
      page.document.documentElement.getAttribute('lang') === 'zh-CN' &&
      page.document.querySelector('.paragraph-pair') === null,
  );
