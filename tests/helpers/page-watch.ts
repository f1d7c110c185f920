/**
 * Watching a page for what must never happen: Content-Security-Policy violations (recorded in
 * the page by an init script, since CDP reports them only as console text), script dialogs,
 * uncaught errors and console errors.
 */
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Adds the recorder to every page of the context; it runs before any page script. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(
        `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile || document.URL}:${event.lineNumber}`,
      );
    });
  });
}

/** The violations the page has recorded so far (JavaScript must be on). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? ['recorder missing: was the init script added?']);
}

/**
 * Collects page errors, console errors and dialogs (alert, confirm…) into `into`; a console error
 * matching `expected` (one the test provokes, e.g. a request it aborts) is not collected.
 */
export function watchPage(page: Page, into: string[], expected?: RegExp): void {
  page.on('pageerror', (error) => into.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected?.test(message.text())) into.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    into.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
}
