/**
 * src/lib/i18n/: the site's own words, one dictionary per language (zh-CN.ts, en.ts, of the same
 * keys), and the locale every view renders in. This file picks the dictionary for a locale;
 * grammar.ts holds dates and English plurals; script-text.ts gives the browser scripts their few
 * words for the page's language. A locale is passed explicitly from the route to each view
 * (docs/architecture.md, "Languages of the interface"); the Chinese site is the default, at the
 * root, and the English one lives under /en/ (src/lib/sharing/routes.ts `localized`).
 */
import { en } from './en';
import { zhCN, type Dictionary } from './zh-CN';

export type { Dictionary } from './zh-CN';

/** The interface languages, the default first. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** The locale of the unprefixed site (/…); every other locale's pages live under /<locale>/. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };

/** The dictionary of `locale`. */
export function ui(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

/** True for a tag that names one of the interface languages exactly. */
export function isLocale(tag: string): tag is Locale {
  return (LOCALES as readonly string[]).includes(tag);
}
