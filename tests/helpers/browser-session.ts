/**
 * One browser session per test file: the browser project's shared Chromium and server
 * (tests/helpers/browser-setup.ts), a fresh context for each test, reduced motion (landing
 * positions are measured, not raced), and any page error, console error or dialog failing the
 * test that caused it.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { sharedBrowser, sharedServerUrl } from './browser';
import { watchPage } from './page-watch';

export interface OpenOptions extends BrowserContextOptions {
  /** Permissions granted to the site's origin, e.g. clipboard access. */
  permissions?: string[];
  /** Runs on the page before it navigates, e.g. to record requests. */
  beforeGoto?: (page: Page) => void;
  /** A console error the test provokes on purpose (e.g. a request it aborts), not a failure. */
  expectedConsoleError?: RegExp;
}

export interface BrowserSession {
  /** Origin of the server of dist/. */
  readonly url: string;
  /** The current test's context, once `open` has run. */
  readonly context: BrowserContext | undefined;
  /** A new context (1280×900 unless told) and a page at `path` on the site. */
  open(path: string, options?: OpenOptions): Promise<Page>;
}

export function browserSession(): BrowserSession {
  let browser: Browser | undefined;
  let url = '';
  let context: BrowserContext | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await sharedBrowser();
    url = sharedServerUrl();
  });
  afterAll(async () => {
    await browser?.close(); // disconnects; the project's browser keeps running
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(errors.splice(0)).toEqual([]);
  });

  return {
    get url() {
      return url;
    },
    get context() {
      return context;
    },
    async open(path, { permissions, beforeGoto, expectedConsoleError, ...options } = {}) {
      context = await browser!.newContext({
        reducedMotion: 'reduce',
        viewport: { width: 1280, height: 900 },
        ...options,
      });
      if (permissions) await context.grantPermissions(permissions, { origin: url });
      const page = await context.newPage();
      watchPage(page, errors, expectedConsoleError);
      beforeGoto?.(page);
      await page.goto(`${url}${path}`);
      return page;
    },
  };
}
