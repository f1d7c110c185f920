/**
 * Which locales have a search page, and each one's counterparts. The default locale's (/search/)
 * always exists; another locale's (/en/search/) only when some talk has an edition in it
 * (catalog.translations), so a site without translations has no English search page and no
 * language switch to one. Pure; the routes (src/pages/search.astro, src/pages/[locale]/search.astro)
 * pass the catalog's edition tags.
 */
import { localized, searchPath } from '../sharing/routes';
import type { Alternate } from './alternates';
import { DEFAULT_LOCALE, LOCALES, ui, type Locale } from './ui';

/** The locales with a search page: the default one, and each other one some talk has an edition in. */
export function searchLocales(editions: Iterable<string>): Locale[] {
  const tags = new Set([...editions].map((tag) => tag.toLowerCase()));
  return LOCALES.filter((locale) => locale === DEFAULT_LOCALE || tags.has(locale.toLowerCase()));
}

/** The search page in `locale`'s counterparts: the search page of every other locale that has one. */
export function searchAlternates(locale: Locale, editions: Iterable<string>): Alternate[] {
  return searchLocales(editions)
    .filter((other) => other !== locale)
    .map((other) => ({ lang: ui(other).lang, href: localized(other, searchPath) }));
}
