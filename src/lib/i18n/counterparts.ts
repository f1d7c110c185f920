/**
 * Which page is the same page in another language: the one place that says so, for the hreflang
 * links and the language switch (Base.astro). The default (Chinese) site has every page; an
 * edition (/en/…) has a talk's reader, about and cite pages, its key quotes' share pages and its
 * speakers' pages only where that talk is translated, and its home page only when it has a
 * translated talk. A page whose counterpart does not exist gets none (no switch to a 404). Pure.
 */
import type { Catalog } from '../content/catalog';
import {
  aboutPath,
  bothPath,
  citePath,
  homePath,
  localized,
  readerPath,
  searchPath,
  sharePath,
  speakerPath,
} from '../sharing/routes';
import type { Alternate } from './alternates';
import { DEFAULT_LOCALE, isLocale, LOCALES, ui, type Locale } from './ui';

/** A page of the site, by what it shows (not by its address, which depends on the locale). */
export type SitePage =
  | { kind: 'home' }
  | { kind: 'search' }
  | { kind: 'reader' | 'about' | 'cite'; talk: string }
  /** The bilingual page of a talk (docs/reading-modes.md). */
  | { kind: 'both'; talk: string }
  | { kind: 'share'; talk: string; quote: string }
  | { kind: 'speaker'; speaker: string };

/** What one language publishes. */
export interface LocalePages {
  talks: ReadonlySet<string>;
  /** `<talk>/<quote id>` of each share page. */
  quotes: ReadonlySet<string>;
  speakers: ReadonlySet<string>;
  search: boolean;
}

export type PublishedPages = ReadonlyMap<Locale, LocalePages>;

/**
 * What each locale publishes, from the catalog: the default everything, an edition its translated
 * talks. Every locale that publishes pages has a search page (/search/, and /en/search/ from
 * src/pages/[locale]/search.astro), which searches every talk in every language; `searchLocales`
 * narrows that (a site whose edition would have no search page of its own).
 */
export function publishedPages(
  catalog: Pick<Catalog, 'talks' | 'speakers' | 'translations'>,
  searchLocales?: readonly Locale[],
): PublishedPages {
  const pages = new Map<Locale, LocalePages>();
  const of = (talks: Catalog['talks'], speakers: Iterable<string>, locale: Locale): LocalePages => ({
    talks: new Set(talks.map((talk) => talk.slug)),
    quotes: new Set(talks.flatMap((talk) => talk.quotes.map((quote) => `${talk.slug}/${quote.id}`))),
    speakers: new Set(speakers),
    search: searchLocales ? searchLocales.includes(locale) : true,
  });
  pages.set(DEFAULT_LOCALE, of(catalog.talks, catalog.speakers.keys(), DEFAULT_LOCALE));
  for (const [lang, edition] of catalog.translations) {
    if (!isLocale(lang) || lang === DEFAULT_LOCALE || edition.talks.length === 0) continue;
    pages.set(lang, of(edition.talks, edition.speakers.keys(), lang));
  }
  return pages;
}

/** The page's path on the default site (localized() puts it under a locale). */
export function pagePath(page: SitePage): string {
  switch (page.kind) {
    case 'home':
      return homePath;
    case 'search':
      return searchPath;
    case 'reader':
      return readerPath(page.talk);
    case 'about':
      return aboutPath(page.talk);
    case 'both':
      return bothPath(page.talk);
    case 'cite':
      return citePath(page.talk);
    case 'share':
      return sharePath(page.talk, page.quote);
    case 'speaker':
      return speakerPath(page.speaker);
  }
}

/** True when `locale` publishes `page`. */
export function publishes(published: PublishedPages, locale: Locale, page: SitePage): boolean {
  const pages = published.get(locale);
  if (!pages) return false;
  switch (page.kind) {
    case 'home':
      return true;
    case 'search':
      return pages.search;
    case 'reader':
    case 'about':
    case 'cite':
      return pages.talks.has(page.talk);
    case 'both':
      // Each interface language that has the talk has its bilingual page, once two languages do.
      return (
        pages.talks.has(page.talk) && [...published.values()].filter((other) => other.talks.has(page.talk)).length > 1
      );
    case 'share':
      return pages.quotes.has(`${page.talk}/${page.quote}`);
    case 'speaker':
      return pages.speakers.has(page.speaker);
  }
}

/** The same page in every other locale that publishes it (Base.astro `alternates`), in LOCALES order. */
export function counterparts(published: PublishedPages, locale: Locale, page: SitePage): Alternate[] {
  if (!publishes(published, locale, page)) return [];
  return LOCALES.filter((other) => other !== locale && publishes(published, other, page)).map((other) => ({
    lang: ui(other).lang,
    href: localized(other, pagePath(page)),
  }));
}

/** The page in the default locale, where the original is: what a translated page's notice links to. */
export function originalOf(published: PublishedPages, page: SitePage): string | undefined {
  return publishes(published, DEFAULT_LOCALE, page) ? pagePath(page) : undefined;
}
