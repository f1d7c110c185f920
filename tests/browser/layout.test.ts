/**
 * Styles that belong to one component and could be lost when a stylesheet moves: each
 * component imports its own CSS (Base.astro), so a page that stops rendering one component can
 * silently drop another's rules. Found by role; measured in Chromium.
 */
import { expect, test } from 'vitest';
import { browserSession } from '../helpers/browser-session';

const session = browserSession();

test.each([390, 1280])(
  'at %i px each outline entry shows its length and reading time on a line of its own, smaller',
  async (width) => {
    const page = await session.open('/waic-2023-roundtable/', { viewport: { width, height: 900 } });
    // On a phone the outline is a panel of the bottom toolbar (ReaderToolbar.astro).
    if (width < 960) await page.getByRole('button', { name: '目录', exact: true }).click();
    const entry = page.getByRole('navigation', { name: '目录' }).getByRole('link').first();
    const [title, length] = [entry.locator('.outline-title'), entry.locator('.outline-length')];
    const [titleBox, lengthBox] = [(await title.boundingBox())!, (await length.boundingBox())!];
    expect(lengthBox.y).toBeGreaterThanOrEqual(titleBox.y + titleBox.height - 1);
    const size = (locator: typeof title) =>
      locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(await size(length)).toBeLessThan(await size(title));
  },
);
