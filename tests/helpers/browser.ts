/**
 * Debian's Chromium through playwright-core (no browser download). Playwright refuses
 * --user-data-dir in launch(), so none is passed; each test gets a fresh context.
 */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The browser launched once for the whole browser project (tests/helpers/browser-setup.ts). */
export function sharedBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

/** The origin serving dist/ for the whole browser project. */
export function sharedServerUrl(): string {
  return inject('siteUrl');
}
