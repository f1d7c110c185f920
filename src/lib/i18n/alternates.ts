/**
 * The `<link rel="alternate" hreflang>` set of a page that exists in several languages
 * (Base.astro): one per language, this page's own included (search engines ask for the whole
 * set on every member), plus x-default naming the default locale's page. A page without
 * counterparts gets none. Pure; URLs are made absolute by the caller's `absolute`.
 */
import { DEFAULT_LOCALE, ui } from './ui';

/** A counterpart of a page in another language: its BCP 47 tag and its site path (base-free). */
export interface Alternate {
  lang: string;
  href: string;
}

export interface HreflangLink {
  hreflang: string;
  href: string;
}

/**
 * The hreflang links of a page in `lang` at `canonical` (an absolute URL) with `alternates`;
 * `absolute` turns an alternate's site path into an absolute URL.
 */
export function hreflangLinks(
  lang: string,
  canonical: string,
  alternates: readonly Alternate[],
  absolute: (path: string) => string,
): HreflangLink[] {
  if (alternates.length === 0) return [];
  const links = [
    { hreflang: lang, href: canonical },
    ...alternates.map((alt) => ({ hreflang: alt.lang, href: absolute(alt.href) })),
  ];
  const fallback = links.find((link) => link.hreflang === ui(DEFAULT_LOCALE).lang);
  return fallback ? [...links, { hreflang: 'x-default', href: fallback.href }] : links;
}
