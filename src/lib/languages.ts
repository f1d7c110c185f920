/**
 * Which language a piece of a page is in. The site's own words (its chrome, labels, headings) are
 * in the page's locale (src/lib/i18n; SITE_LANGUAGE, Chinese, by default), which is its `<html lang>`;
 * a talk's words (its transcript, title, summary, outline, key quotes: everything in its folder)
 * are in the talk's `language`, and an element showing them carries that `lang` only where it
 * differs from the page's (`langAttr(language, locale)`), so a Chinese talk's Chinese pages carry
 * no extra attribute and its title on an English page does. Pure.
 */

/** The language of the site's own words, on every page's `<html lang>`. */
export const SITE_LANGUAGE = 'zh-CN';

/** True when two BCP 47 tags name the same language (tags are case-insensitive). */
export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The `lang` attribute for text in `language` inside an element in `around` (default: the site's
 * language): the tag when they differ, undefined (no attribute) when they are the same.
 */
export function langAttr(language: string, around: string = SITE_LANGUAGE): string | undefined {
  return sameLanguage(language, around) ? undefined : language;
}

/** Letters, digits and spaces only, in lower case: "Jane  Doe" and "jane doe" are one name. */
const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

/** True when a speaker's Latin name only repeats their name ("Jane Doe" for Jane Doe): shown once. */
export function latinNameRepeats(speaker: { name: string; latinName: string }): boolean {
  return nameKey(speaker.name) === nameKey(speaker.latinName);
}

/**
 * The name of `tag`'s language in the language `inLang`, by its primary subtag: "Chinese" for
 * zh-CN in English, 中文 in Chinese (Intl.DisplayNames; the tag itself where it has no name).
 */
export function languageName(tag: string, inLang: string): string {
  const primary = tag.split('-')[0]!;
  return new Intl.DisplayNames([inLang], { type: 'language', fallback: 'code' }).of(primary) ?? tag;
}
