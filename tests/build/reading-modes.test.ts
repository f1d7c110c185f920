/**
 * Reading modes in the built site (docs/reading-modes.md), on the WAIC talk, read by slug: the
 * bilingual pages pair each paragraph of the reader with the translation's, keep the reader's
 * anchors, mark each column's language and stay out of the search index; the readers link to
 * every mode. A talk without a translation has neither (tests/build/two-talks.test.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { turnRecords } from '../../src/lib/search/records';
import { readPage } from '../helpers/dist';
import { distDir } from '../helpers/paths';

const TALK = 'waic-2023-roundtable';
const reader = readPage(`/${TALK}/`);
const zhBoth = readPage(`/${TALK}/both/`);
const enBoth = readPage(`/en/${TALK}/both/`);

/** Every anchor a link may land on: turns, key quotes, sections, notes. */
const anchors = (doc: Document) =>
  [...doc.querySelectorAll('article.turn[id], mark.key-quote[id], section.talk-section[id], .note[id]')].map(
    (element) => element.id,
  );
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const paragraphsOf = (doc: Document, anchor: string) => [...doc.querySelectorAll(`#${anchor} .turn-body > *`)];

describe.each([
  ['/waic-2023-roundtable/both/', zhBoth, 'zh-CN'],
  ['/en/waic-2023-roundtable/both/', enBoth, 'en'],
])('the bilingual page %s', (url, page, lang) => {
  test('is in its interface language and names itself and its counterpart', () => {
    expect(page.documentElement.getAttribute('lang')).toBe(lang);
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(new RegExp(`${url}$`));
    const other = url.startsWith('/en/') ? `/${TALK}/both/` : `/en/${TALK}/both/`;
    expect(
      [...page.querySelectorAll('link[rel="alternate"][hreflang]')].some((link) =>
        link.getAttribute('href')?.endsWith(other),
      ),
    ).toBe(true);
  });

  test('has the reader’s turn, quote and section anchors, each once', () => {
    const otherPrefix = lang === 'en' ? 'zh-cn-' : 'en-';
    const own = anchors(page).filter((id) => !id.startsWith(otherPrefix));
    // Notes are the language's own: the Chinese reader's on /both/, the English reader's on /en/…/both/.
    const withoutNotes = (ids: string[]) => ids.filter((id) => !id.startsWith('note-'));
    expect(withoutNotes(own)).toEqual(withoutNotes(anchors(reader)));
    if (lang === 'zh-CN') expect(own).toEqual(anchors(reader));
    const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  test('shows each turn’s head once and pairs paragraph i of the original with paragraph i of the translation', () => {
    for (const turn of reader.querySelectorAll('article.turn')) {
      const both = page.getElementById(turn.id)!;
      expect(both.querySelectorAll('.turn-head'), turn.id).toHaveLength(1);
      const pairs = [...both.querySelectorAll('.turn-body > .paragraph-pair')];
      const original = paragraphsOf(reader, turn.id);
      expect(pairs.length, turn.id).toBe(original.length);
      pairs.forEach((pair, index) => {
        const [left, right] = [...pair.children];
        expect(left!.matches('.paragraph-original[lang="zh-CN"]'), turn.id).toBe(true);
        expect(right!.matches('.paragraph-translation[lang="en"]'), turn.id).toBe(true);
        expect(text(left), `${turn.id} ¶${index + 1}`).toBe(text(original[index]));
        expect(text(right), `${turn.id} ¶${index + 1}`).toMatch(/[A-Za-z]/);
      });
    }
  });

  test('keeps the ids of the column in its language; the other column’s notes open their own popovers', () => {
    const own = lang === 'en' ? '.paragraph-translation' : '.paragraph-original';
    const other = lang === 'en' ? '.paragraph-original' : '.paragraph-translation';
    const prefix = lang === 'en' ? 'zh-cn-' : 'en-';
    const quotes = [...page.querySelectorAll('mark.key-quote[id^="quote-"]')];
    expect(quotes.length).toBe(reader.querySelectorAll('mark.key-quote[id]').length);
    for (const mark of quotes) expect(mark.closest(own), mark.id).not.toBeNull();
    const otherIds = [...page.querySelectorAll(`${other} [id]`)].map((element) => element.id);
    expect(otherIds.length).toBeGreaterThan(0);
    for (const id of otherIds) expect(id.startsWith(prefix), id).toBe(true);
    for (const marker of page.querySelectorAll(`${other} [popovertarget]`)) {
      const target = page.getElementById(marker.getAttribute('popovertarget')!);
      expect(target?.closest(other), marker.getAttribute('popovertarget')!).not.toBeNull();
    }
  });

  test('is not indexed for search: its turns are the readers’', () => {
    expect(page.querySelector('.transcript')?.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(turnRecords(page, url)).toEqual([]);
  });

  test('its mode control marks the bilingual page as current and leads to both readers', () => {
    // In READING_MODES order: original, translation, both (src/scripts/reading-mode.ts relies on it).
    const links = [...page.querySelectorAll('nav.reading-modes a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([`/${TALK}/`, `/en/${TALK}/`, url]);
    expect(page.querySelector('nav.reading-modes [aria-current="page"]')).toBe(links[2]);
  });
});

describe('the reader', () => {
  test('offers the three modes, the original current, and opens each tool from the phone toolbar', () => {
    const links = [...reader.querySelectorAll('nav.reading-modes a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([`/${TALK}/`, `/en/${TALK}/`, `/${TALK}/both/`]);
    expect(reader.querySelector('nav.reading-modes [aria-current="page"]')).toBe(links[0]);
    const targets = [...reader.querySelectorAll('.reader-toolbar button[popovertarget]')].map((button) =>
      button.getAttribute('popovertarget'),
    );
    expect(targets).toEqual(['modes', 'outline', 'filter']);
    for (const id of targets) expect(reader.getElementById(id!)?.hasAttribute('popover'), id!).toBe(true);
  });

  test('is still indexed: one record per turn', () => {
    expect(turnRecords(reader, `/${TALK}/`)).toHaveLength(reader.querySelectorAll('article.turn').length);
  });

  test('a bilingual page exists only where a reader links to it', () => {
    expect(existsSync(path.join(distDir, TALK, 'both/index.html'))).toBe(true);
  });
});
