/**
 * src/lib/sharing/: everything that gives a passage an address and lets a reader take it away.
 * This file is the one place a site path is built (with or without the configured base);
 * citation.ts formats a citation, quote-page.ts the share page of a key quote,
 * text-fragment.ts a link to a selected passage, and permalinks.ts holds published addresses
 * to their word (content/permalinks.json).
 *
 * Where things live: the published paths of the front page, readers, turns, key quotes, share
 * pages, cards, a talk's about and cite pages, speaker pages and search. Every link to them is
 * built here (pages and components call `withBase(…Path(…))`), and the permalink list
 * (content/permalinks.json) is checked against what these produce. The paths are the site's
 * own, base-free; withBase puts them under the configured base. (The browser scripts get the
 * base from a `data-base` attribute the server wrote with these.)
 */
import type { QuoteView, TalkView, TurnView } from '../content/catalog';
import { DEFAULT_LOCALE, isLocale, ui, type Locale } from '../i18n/ui';
import {
  attributionLabel,
  englishAttributionLabel,
  quoteWithAttribution,
  translatedQuoteWithAttribution,
  translatedCitation,
  type CitationInput,
  type ShareTranslation,
  type TranslatedCitationInput,
} from './citation';

export type { ShareTranslation } from './citation';

/** The site's front page, the list of talks. */
export const homePath = '/';
/** The search page (also the no-JS target of every search form). */
export const searchPath = '/search/';
/** A speaker's page: every talk they spoke in. */
export const speakerPath = (speakerId: string) => `/speakers/${speakerId}/`;
/** What a missing address is served (static hosts serve this file for any unknown path). */
export const notFoundPath = '/404.html';
export const readerPath = (talk: string) => `/${talk}/`;
/** A talk with its translation beside it, paragraph by paragraph (reading modes: lib/reading-modes.ts). */
export const bothPath = (talk: string) => `/${talk}/both/`;
export const turnPath = (talk: string, anchor: string) => `/${talk}/#${anchor}`;
/** The quote's anchor is `quote-<id>` (see catalog.ts QuoteView.anchor). */
export const quoteContextPath = (talk: string, quoteAnchor: string) => `/${talk}/#${quoteAnchor}`;
/** Every citation of a talk's turns, one section per turn anchor: the light menus' no-JS page. */
export const citePath = (talk: string, anchor?: string) => `/${talk}/cite/${anchor ? `#${anchor}` : ''}`;
/** A talk's apparatus (who spoke how much, the corrections, the sources): kept off the reading page. */
export const aboutPath = (talk: string, anchor?: string) => `/${talk}/about/${anchor ? `#${anchor}` : ''}`;
export const sharePath = (talk: string, quoteId: string) => `/${talk}/q/${quoteId}/`;
export const cardPath = (talk: string, quoteId: string) => `/${talk}/q/${quoteId}.png`;
/** The site's own card (src/pages/card.png.ts), shown when no talk has a key quote to show. */
export const siteCardPath = '/card.png';

/**
 * A site path in `locale`'s edition: unchanged for the default locale (Chinese, at the root),
 * under /<locale>/ for the others (/en/, /en/<talk>/…). Apply it to any path above except
 * notFoundPath (a static host serves one /404.html for every unknown address).
 */
export function localized(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE || !path.startsWith('/')) return path;
  return `/${locale}${path}`;
}

/**
 * A site path as served: under the configured base (astro.config `base`, from HUITAN_BASE).
 * The paths above are the site's own, base-free; links and URLs go through here.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  return path.startsWith('/') ? `${base.replace(/\/$/, '')}${path}` : path;
}

/** An absolute URL on the configured site (astro.config `site`, from HUITAN_SITE) and base. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('expected `site` in astro.config.mjs (HUITAN_SITE) for absolute URLs, found none');
  return new URL(withBase(path), site).href;
}

/** What every menu of one talk shares: the citation's talk fields and the attribution label. */
export interface ShareTalk {
  title: string;
  subtitle?: string | undefined;
  /** Day of the talk, ISO YYYY-MM-DD. (Its attribution label follows from these: attributionLabel.) */
  date: string;
  /** On a translated talk: who translated it from what, and the original it is cited beside. */
  translation?: ShareTranslation | undefined;
}

/** Everything the share menu of a turn or a key quote offers. */
export interface ShareTarget {
  /** Unique on the page; prefixes the menu's ids. */
  id: string;
  /** Names the thing shared in labels, e.g. 姚期智这段发言. */
  label: string;
  /** Absolute URL that is copied and shared. */
  url: string;
  /** The quote with attribution and URL; absent for a turn (the script copies its text). */
  text?: string | undefined;
  author: string;
  /**
   * The family name within `author`, where the edition knows it (an English speaker file's
   * `family`): the translated APA citation's "Yao, A. C.-C.". Undefined for an original's speakers.
   */
  family?: string | undefined;
  talk: ShareTalk;
  citation: CitationInput;
  /** On a translated talk: its APA and Chicago citation (instead of GB/T 7714 and plain APA). */
  translated?: TranslatedCitationInput | undefined;
}

/**
 * The talk as people name it in an attribution, e.g. WAIC 2023 开幕式圆桌论坛 (citation.ts); a
 * translation as English prose names it (its subtitle, or its title without 《》).
 */
export const talkLabel = (talk: TalkView) =>
  talk.translation ? englishAttributionLabel(talk.data) : attributionLabel(talk.data);

/** Who translated a translated talk and from what language (Base.astro `translation`); undefined for an original. */
export function translationFacts(talk: TalkView): { by: string; from: string } | undefined {
  return talk.translation && talk.original ? { by: talk.translation.by, from: talk.original.data.language } : undefined;
}

/** The locale a translated talk's pages are published in (its edition's language). */
function editionLocale(talk: TalkView): Locale {
  const lang = talk.translation?.lang;
  if (!lang || !isLocale(lang)) throw new Error(`expected a translation into an interface language, found ${lang}`);
  return lang;
}

/** The share fields of a talk's menus; a translated talk's need `site` for its roots. */
export function shareTalk(talk: TalkView, site?: URL | undefined): ShareTalk {
  const fields = { title: talk.data.title, subtitle: talk.data.subtitle, date: talk.data.date.text };
  const { translation, original } = talk;
  if (!translation || !original) return fields;
  return {
    ...fields,
    translation: {
      by: translation.by,
      date: translation.date,
      from: original.data.language,
      original: { title: original.data.title, subtitle: original.data.subtitle, date: original.data.date.text },
      roots: {
        edition: absoluteUrl(localized(editionLocale(talk), homePath), site),
        original: absoluteUrl(homePath, site),
      },
    },
  };
}

function shareTarget(
  talk: TalkView,
  site: URL | undefined,
  target: { id: string; label: string; author: string; family: string | undefined; url: string; text?: string },
): ShareTarget {
  const fields = shareTalk(talk, site);
  const { title, subtitle, date, translation } = fields;
  return {
    ...target,
    talk: fields,
    citation: { author: target.author, title, subtitle, date, url: target.url },
    translated:
      translation &&
      translatedCitation(fields, translation, { author: target.author, family: target.family }, target.url),
  };
}

/** A turn's share menu, its link on `locale`'s edition of the reader. */
export function turnShareTarget(
  talk: TalkView,
  turn: TurnView,
  site: URL | undefined,
  locale: Locale = DEFAULT_LOCALE,
): ShareTarget {
  const author = turn.speaker.name;
  const url = absoluteUrl(localized(locale, turnPath(talk.slug, turn.anchor)), site);
  return shareTarget(talk, site, {
    id: `${turn.anchor}-share`,
    label: ui(locale).share.turnLabel(author),
    author,
    family: turn.speaker.family,
    url,
  });
}

/** A key quote's share menu, its link on `locale`'s edition of the share page. */
export function quoteShareTarget(
  talk: TalkView,
  quote: QuoteView,
  site: URL | undefined,
  locale: Locale = DEFAULT_LOCALE,
): ShareTarget {
  const author = quote.speaker.name;
  const url = absoluteUrl(localized(locale, sharePath(talk.slug, quote.id)), site);
  const text =
    talk.translation && talk.original
      ? translatedQuoteWithAttribution(quote.span, author, talkLabel(talk), url, {
          by: talk.translation.by,
          from: talk.original.data.language,
        })
      : quoteWithAttribution(quote.span, author, talkLabel(talk), url);
  return shareTarget(talk, site, {
    id: `${quote.anchor}-share`,
    label: ui(locale).share.quoteLabel(author),
    author,
    family: quote.speaker.family,
    url,
    text,
  });
}
