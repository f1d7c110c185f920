/**
 * Reading modes of a talk that has a translation in an interface language: the original, the
 * translation, and both side by side. Each mode is a real page, so without JavaScript the modes
 * are plain links: the original reader `/<talk>/`, the translated reader `/<lang>/<talk>/` and
 * the bilingual page in the interface's language (`/<talk>/both/`, `/en/<talk>/both/`).
 * docs/reading-modes.md says what the browser remembers of the choice.
 */
import type { TalkView } from '../content/catalog';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/ui';
import { bothPath, localized, readerPath } from '../sharing/routes';

export const READING_MODES = ['original', 'translation', 'both'] as const;
export type ReadingMode = (typeof READING_MODES)[number];

/** What the modes of one talk are made of: its slug, the original's language and the translation's. */
export interface ModeTalk {
  slug: string;
  /** The original's language tag, e.g. zh-CN. */
  original: string;
  /** The translation shown in the translation and both modes: an interface language with pages of its own. */
  translation: Locale;
}

/**
 * The modes of a talk, from its original or translated view; undefined for a talk with no
 * translation into an interface language (then no mode control is shown and no bilingual page built).
 * Of several such translations the first is taken: a bilingual page pairs two languages.
 */
export function modeTalk(talk: TalkView): ModeTalk | undefined {
  const original = talk.original ?? talk;
  const translation = [...original.translations.keys()].find((lang) => isLocale(lang) && lang !== DEFAULT_LOCALE);
  if (translation === undefined || !isLocale(translation)) return undefined;
  return { slug: original.slug, original: original.language, translation };
}

/**
 * The translated reader of a talk, `/<lang>/<talk>/`. The one place the mode control links to
 * it, so the link follows wherever the translated editions are published.
 */
export const translatedReaderPath = (lang: Locale, slug: string) => localized(lang, readerPath(slug));

/** A mode's page (site path, no base). The bilingual page is in the interface's language; the others have one page each. */
export function modePath(mode: ReadingMode, talk: ModeTalk, locale: Locale): string {
  if (mode === 'original') return readerPath(talk.slug);
  if (mode === 'translation') return translatedReaderPath(talk.translation, talk.slug);
  return localized(locale, bothPath(talk.slug));
}

/** The language a mode's page is read in, for `hreflang`: undefined for the bilingual page (both). */
export function modeLanguage(mode: ReadingMode, talk: ModeTalk): string | undefined {
  return mode === 'original' ? talk.original : mode === 'translation' ? talk.translation : undefined;
}

/**
 * The view a bilingual page in `locale` shows, of an original talk: the original in the default
 * locale, the translation in the translation's locale; undefined when the talk has no such page.
 */
export function bilingualView(original: TalkView, locale: Locale): TalkView | undefined {
  const modes = modeTalk(original);
  if (!modes) return undefined;
  if (locale === DEFAULT_LOCALE) return original;
  return locale === modes.translation ? original.translations.get(locale) : undefined;
}
