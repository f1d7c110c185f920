/**
 * The English edition as built (run `npm run build` first; `npm test` does): every page under
 * /en/ of the WAIC talk, read by its slug, against its Chinese counterpart. Same turn and quote
 * anchors as the Chinese reader, <html lang="en"> with every Chinese run marked, the notice that
 * it is a translation, each turn's link to its original, hreflang and the language switch both
 * ways, and share pages whose meta, card, copy text and citations say they are a translation.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { listFilesSync } from '../../src/lib/files';
import { readPage } from '../helpers/dist';
import { distDir } from '../helpers/paths';

const SLUG = 'waic-2023-roundtable';
const SITE = 'http://127.0.0.1:4321';

const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
const ids = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((element) => element.id);
/** The Chinese page of an English page path: /en/x/ → /x/. */
const chineseOf = (english: string) => english.replace(/^\/en\//, '/');

/** Every English page the build wrote, as site paths (/en/…/). */
const englishPages = listFilesSync(path.join(distDir, 'en'))
  .filter((file) => file.endsWith('index.html'))
  .map(
    (file) =>
      `/en/${file
        .split(path.sep)
        .join('/')
        .replace(/index\.html$/, '')}`,
  )
  .sort();

let chineseReader: Document;
let englishReader: Document;
let quoteIds: string[];
beforeAll(() => {
  chineseReader = readPage(`/${SLUG}/`);
  englishReader = readPage(`/en/${SLUG}/`);
  quoteIds = ids(chineseReader, 'mark.key-quote').map((id) => id.replace(/^quote-/, ''));
});

describe('the English pages', () => {
  test('exist for the home page, the talk’s reader, about and cite pages, every key quote and every speaker', () => {
    const speakers = [...chineseReader.querySelectorAll('.participant-name a')].map((a) => a.getAttribute('href')!);
    expect(quoteIds.length).toBeGreaterThan(0);
    expect(speakers.length).toBeGreaterThan(0);
    expect(englishPages).toEqual(
      expect.arrayContaining([
        '/en/',
        `/en/${SLUG}/`,
        `/en/${SLUG}/about/`,
        `/en/${SLUG}/cite/`,
        ...quoteIds.map((id) => `/en/${SLUG}/q/${id}/`),
        ...speakers.map((href) => `/en${href}`),
      ]),
    );
  });

  test('carry <html lang="en">, and every Chinese run on them is marked zh-CN', () => {
    for (const page of englishPages) {
      const doc = readPage(page);
      expect(doc.documentElement.getAttribute('lang'), page).toBe('en');
      const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!/\p{Script=Han}/u.test(node.textContent ?? '')) continue;
        const lang = node.parentElement?.closest('[lang]')?.getAttribute('lang');
        expect(lang, `${page}: “${node.textContent?.trim().slice(0, 40)}”`).toMatch(/^zh/);
      }
    }
  });

  test('have titles of at most 70 characters', () => {
    for (const page of englishPages) {
      const title = readPage(page).querySelector('title')?.textContent ?? '';
      expect(title.length, `${page}: ${title}`).toBeLessThanOrEqual(70);
    }
  });

  test('say they are Huitan’s translation, the Chinese original authoritative, linking to the original page', () => {
    for (const page of englishPages) {
      const notice = readPage(page).querySelector('.edition-notice');
      expect(notice?.textContent, page).toMatch(/translation.*Chinese original is authoritative/s);
      const link = notice!.querySelector('a')!;
      expect(link.getAttribute('hreflang')).toBe('zh-CN');
      expect(link.getAttribute('href'), page).toBe(chineseOf(page));
    }
  });

  test('and their Chinese pages never do', () => {
    expect(chineseReader.querySelector('.edition-notice, .turn-original')).toBeNull();
  });

  test('name their Chinese counterpart in hreflang (x-default too) and the language switch, and are named back', () => {
    for (const page of englishPages) {
      const doc = readPage(page);
      const chinese = chineseOf(page);
      const links = Object.fromEntries(
        [...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [
          link.getAttribute('hreflang'),
          link.getAttribute('href'),
        ]),
      );
      expect(links, page).toEqual({
        en: `${SITE}${page}`,
        'zh-CN': `${SITE}${chinese}`,
        'x-default': `${SITE}${chinese}`,
      });
      expect(doc.querySelector('.language-switch a')?.getAttribute('href'), page).toBe(chinese);
      const back = readPage(chinese);
      expect(back.querySelector('link[rel="alternate"][hreflang="en"]')?.getAttribute('href'), chinese).toBe(
        `${SITE}${page}`,
      );
      expect(back.querySelector('.language-switch a')?.getAttribute('href'), chinese).toBe(page);
    }
  });

  test('a Chinese page without an English counterpart (search) has neither hreflang nor a switch', () => {
    const search = readPage('/search/');
    if (existsSync(path.join(distDir, 'en/search/index.html'))) return; // the English search page exists
    expect(search.querySelector('link[rel="alternate"][hreflang]')).toBeNull();
    expect(search.querySelector('.language-switch')).toBeNull();
  });
});

describe('the one not-found page', () => {
  test('says it in English too, marked as English, leading to the English home', () => {
    // A static host serves /404.html for every missing address, /en/… ones included.
    const page = readPage('/404.html');
    expect(page.documentElement.getAttribute('lang')).toBe('zh-CN');
    const english = page.querySelector('.not-found-also[lang="en"]');
    expect(english?.querySelector('h2')?.textContent).toBe('Page not found');
    expect(english?.querySelector('a[href="/en/"]')?.getAttribute('hreflang')).toBe('en');
    expect(page.querySelector('h1')?.textContent).toBe('找不到这个页面');
  });
});

describe('the English reader', () => {
  test('has the Chinese reader’s turn and quote anchors, in the same order', () => {
    expect(ids(englishReader, 'article.turn')).toEqual(ids(chineseReader, 'article.turn'));
    expect(ids(englishReader, 'mark.key-quote')).toEqual(ids(chineseReader, 'mark.key-quote'));
    expect(ids(englishReader, '.talk-section[id]')).toEqual(ids(chineseReader, '.talk-section[id]'));
  });

  test('is in English, each turn linking to its original turn', () => {
    expect(englishReader.querySelector('.transcript')?.getAttribute('lang')).toBe('en');
    const anchors = new Set(ids(chineseReader, 'article.turn'));
    for (const turn of englishReader.querySelectorAll('article.turn')) {
      const link = turn.querySelector('.turn-original');
      expect(link?.getAttribute('href'), turn.id).toBe(`/${SLUG}/#${turn.id}`);
      expect(link?.getAttribute('hreflang')).toBe('zh-CN');
      expect(anchors.has(turn.id)).toBe(true);
    }
  });

  test('names a translator’s note with the typographic apostrophe: marker, accessible names, kind (printed too)', () => {
    const notes = [...englishReader.querySelectorAll('.note[data-note-kind="translator"]')];
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      const marker = note.querySelector('.note-marker')!;
      const body = note.querySelector('.note-body')!;
      expect(
        [
          marker.textContent,
          marker.getAttribute('aria-label'),
          body.getAttribute('aria-label'),
          body.querySelector('.note-kind')?.textContent,
        ],
        note.id,
      ).toEqual(['Translator’s note', 'Note: Translator’s note', 'Translator’s note', 'Translator’s note']);
    }
    // Nor does any page show it with a straight one (the bilingual pages carry the English notes too).
    const straight = listFilesSync(distDir)
      .filter((file) => file.endsWith('.html'))
      .filter((file) =>
        /Translator(?:'|&#x27;|&#39;|&apos;)s note/i.test(readFileSync(path.join(distDir, file), 'utf8')),
      );
    expect(straight).toEqual([]);
  });

  test('its share menus point to the English pages, and its citations name the original', () => {
    const urls = [...englishReader.querySelectorAll('ht-share .share-panel a.share-value')].map((a) =>
      a.getAttribute('href')!,
    );
    expect(urls.length).toBeGreaterThan(englishReader.querySelectorAll('article.turn').length - 1);
    for (const url of urls) expect(url).toMatch(new RegExp(`^${SITE}/en/${SLUG}/(#|q/)`));
    const fields = englishReader.querySelector('[data-share-talk]')!;
    const talk = JSON.parse(fields.getAttribute('data-share-talk')!) as {
      translation?: { roots: unknown; from: string };
    };
    expect(talk.translation).toMatchObject({ from: 'zh-CN', roots: { edition: `${SITE}/en/`, original: `${SITE}/` } });
    const quote = englishReader.querySelector('.key-quote-item ht-share')!;
    expect(quote.getAttribute('data-text')).toMatch(/\(Huitan’s translation from the Chinese\)/);
  });

  test('unfurls in English with its English card, naming the Chinese locale as an alternate', () => {
    expect(meta(englishReader, 'og:locale')).toBe('en_US');
    expect(meta(englishReader, 'og:locale:alternate')).toBe('zh_CN');
    expect(meta(englishReader, 'og:image')).toMatch(new RegExp(`^${SITE}/en/${SLUG}/q/[^/]+\\.png$`));
    expect(meta(chineseReader, 'og:locale:alternate')).toBe('en_US');
  });
});

describe.each([0, 1, 2])('the English share page of key quote %i', (index) => {
  let doc: Document;
  let id: string;
  beforeAll(() => {
    id = quoteIds[index]!;
    doc = readPage(`/en/${SLUG}/q/${id}/`);
  });

  test('has full English Open Graph and Twitter meta, with its English 1200×630 card', () => {
    expect(meta(doc, 'og:locale')).toBe('en_US');
    expect(meta(doc, 'og:locale:alternate')).toBe('zh_CN');
    expect(meta(doc, 'og:url')).toBe(`${SITE}/en/${SLUG}/q/${id}/`);
    expect(meta(doc, 'og:image')).toBe(`${SITE}/en/${SLUG}/q/${id}.png`);
    expect(meta(doc, 'og:title')).toBe(meta(doc, 'twitter:title'));
    expect(meta(doc, 'og:description')).toMatch(/Huitan’s translation from the Chinese/);
    expect(meta(doc, 'og:image:alt')).toMatch(/^Quote card: “/);
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    const png = readFileSync(path.join(distDir, `en/${SLUG}/q/${id}.png`));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const chinesePng = readFileSync(path.join(distDir, `${SLUG}/q/${id}.png`));
    expect(png.equals(chinesePng), 'the English card is its own').toBe(false);
  });

  test('shows the English quote, links back to the English reader and to the original quote', () => {
    const english = englishReader.getElementById(`quote-${id}`)?.textContent ?? '';
    const chinese = chineseReader.getElementById(`quote-${id}`)?.textContent ?? '';
    expect(doc.querySelector('.share-quote blockquote')?.textContent).toContain(english);
    expect(doc.querySelector('.share-context')?.getAttribute('href')).toBe(`/en/${SLUG}/#quote-${id}`);
    expect(doc.querySelector('.kicker a')?.getAttribute('href')).toBe(`/en/${SLUG}/`);
    const original = doc.querySelector('.share-translation a');
    expect(original?.getAttribute('href')).toBe(`/${SLUG}/q/${id}/`);
    expect(doc.querySelector('.share-translation q')?.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('.share-translation q')?.textContent).toBe(chinese);
  });

  test('copies and cites the quote as a translation of the original', () => {
    const part = (name: string) => doc.querySelector(`[data-share-part="${name}"]`)?.textContent ?? '';
    expect(part('text')).toMatch(/— .+ \(Huitan’s translation from the Chinese\) http/);
    expect(part('apa')).toContain('(Huitan, Trans.)');
    expect(part('apa')).toContain(`(Original work published 2023 in Chinese as`);
    expect(part('apa')).toContain(`${SITE}/${SLUG}/q/${id}/)`);
    expect(part('chicago')).toContain('trans. Huitan from the Chinese');
    expect(part('chicago')).toContain(`originally published as`);
    expect(doc.querySelector('[data-share-part="gbt"]')).toBeNull();
    const data = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as {
      inLanguage?: string;
      translationOfWork?: { url?: string; inLanguage?: string };
    };
    expect(data.inLanguage).toBe('en');
    expect(data.translationOfWork).toMatchObject({ url: `${SITE}/${SLUG}/q/${id}/`, inLanguage: 'zh-CN' });
  });
});

describe('the English about, cite and speaker pages', () => {
  test('the about page links back into the English reader', () => {
    const doc = readPage(`/en/${SLUG}/about/`);
    expect(doc.querySelector('h1')?.textContent).toBe('About this transcript');
    const intoReader = [...doc.querySelectorAll(`a[href^="/en/${SLUG}/#"]`)];
    expect(intoReader.length).toBeGreaterThan(0);
  });

  test('the cite page has a section per turn at the Chinese anchors, cited as a translation', () => {
    const doc = readPage(`/en/${SLUG}/cite/`);
    expect(ids(doc, '.cite-turn')).toEqual(ids(chineseReader, 'article.turn'));
    for (const apa of doc.querySelectorAll('[data-share-part="apa"]'))
      expect(apa.textContent).toContain('(Huitan, Trans.)');
  });

  test('APA names each speaker by the family name their English speaker file gives, then initials', () => {
    const doc = readPage(`/en/${SLUG}/cite/`);
    const author = (anchor: string) =>
      doc.querySelector(`#${anchor} [data-share-part="apa"]`)?.textContent?.split(' (')[0];
    expect(
      ['xu-li-opening', 'yao-rl-breakthrough', 'yuan-healthcare', 'yang-shared-problems', 'pan-gan-vs-diffusion'].map(
        author,
      ),
    ).toEqual(['Xu, L.', 'Yao, A. C.-C.', 'Yuan, Y.', 'Yang, Z.', 'Pan, X.']);
    // The reader's light menus carry the family name for share-menu.ts, which writes their APA.
    const menus = [...englishReader.querySelectorAll('ht-share')];
    expect(menus.length).toBeGreaterThan(0);
    for (const menu of menus)
      expect(menu.getAttribute('data-family'), menu.getAttribute('data-id') ?? '').toMatch(/^\S/);
  });

  test('each speaker page lists their English turns, linking into the English reader', () => {
    const anchors = new Set(ids(englishReader, 'article.turn'));
    const pages = englishPages.filter((page) => page.startsWith('/en/speakers/'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const links = [...readPage(page).querySelectorAll('a.speaker-turn-link')].map((a) => a.getAttribute('href')!);
      expect(links.length, page).toBeGreaterThan(0);
      for (const href of links) {
        expect(href).toMatch(new RegExp(`^/en/${SLUG}/#`));
        expect(anchors.has(href.split('#')[1]!), href).toBe(true);
      }
    }
  });
});
