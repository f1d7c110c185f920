/** The view of one share page: text, meta and JSON-LD of a key quote, in Chinese or (translated) English. Pure, unit-tested. */
import { latinNameRepeats } from '../languages';
import { ui, type Dictionary, type Locale } from '../i18n/ui';
import { TITLE_ROOM } from '../i18n/en';
import type { QuoteView, TalkView } from '../content/catalog';
import { formatDate } from '../text/format';
import { englishAttributionLabel, englishDate, englishLanguageName } from './citation';
import { absoluteUrl, cardPath, localized, quoteContextPath, readerPath, sharePath, talkLabel } from './routes';

export interface QuotePage {
  /** The document title: the quote cut to fit a tab or a search result. */
  title: string;
  /** The Open Graph title: the whole quote (previews cut it where they need to). */
  socialTitle: string;
  description: string;
  path: string;
  contextPath: string;
  image: { path: string; alt: string };
  jsonLd: Record<string, unknown>;
}

/** `text` cut to `max` characters, with … when cut. */
export function clipText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export function quotePage(talk: TalkView, quote: QuoteView, site: URL | undefined): QuotePage {
  const label = talkLabel(talk);
  const date = formatDate(talk.data.date.text);
  const role = quote.speaker.role.text;
  const path = sharePath(talk.slug, quote.id);
  return {
    // Short enough for a tab and a search result (about 30 characters of the quote).
    title: `${quote.speaker.name}：“${clipText(quote.span, 30)}”`,
    socialTitle: `${quote.speaker.name}：“${quote.span}”`,
    description: `${quote.speaker.name}（${role}）在${label}（${date}）上说。`,
    path,
    contextPath: quoteContextPath(talk.slug, quote.anchor),
    image: {
      path: cardPath(talk.slug, quote.id),
      alt: `引文卡片：“${quote.span}” ——${quote.speaker.name}，${role}；《${talk.data.title}》${label === `《${talk.data.title}》` ? '' : label}`,
    },
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Quotation',
      text: quote.span,
      url: absoluteUrl(path, site),
      inLanguage: talk.data.language,
      spokenByCharacter: {
        '@type': 'Person',
        name: quote.speaker.name,
        // A Latin name that only repeats the name is no other name.
        ...(latinNameRepeats(quote.speaker) ? {} : { alternateName: quote.speaker.latinName }),
        jobTitle: role,
      },
      creator: { '@type': 'Person', name: quote.speaker.name },
      isPartOf: {
        '@type': 'Event',
        name: talk.data.title,
        description: talk.data.subtitle,
        startDate: talk.data.date.text,
        location: { '@type': 'Place', name: talk.data.venue.text },
        superEvent: { '@type': 'Event', name: talk.data.event.fullName },
        url: absoluteUrl(readerPath(talk.slug), site),
      },
      image: absoluteUrl(cardPath(talk.slug, quote.id), site),
    },
  };
}

/** The words of a translated share page (the dictionary's quotePage.translated, en.ts by default). */
export type TranslatedQuotePageWords = Dictionary['quotePage']['translated'];

/** What an English share page is made from: plain strings, from the English TalkView and the original's. */
export interface TranslatedQuotePageInput {
  /** The translated span (the English key quote). */
  quote: string;
  /** The speaker's name and role as the translation prints them. */
  speakerName: string;
  speakerRole: string;
  /** The translated talk's title and subtitle. */
  talkTitle: string;
  talkSubtitle?: string | undefined;
  /** Day of the talk, ISO YYYY-MM-DD. */
  date: string;
  /** The translator (`translation.by`) and the original's language tag (e.g. zh-CN). */
  translation: { by: string; from: string };
  /** The original span, in the original's words, and its share page's path (routes.ts sharePath). */
  original: { quote: string; path: string };
}

/** The parts of an English share page that are words: meta, alt text, context and the original. */
export interface TranslatedQuotePage {
  /** The document title: the quote cut between words to fit a tab or a search result. */
  title: string;
  /** The Open Graph title: the whole quote. */
  socialTitle: string;
  description: string;
  imageAlt: string;
  /** Under the quote: who said it, their role, the talk and the day. */
  contextLine: string;
  /** "Huitan’s translation from the Chinese", said wherever the quote is. */
  translationLine: string;
  /** The link to the quote in the original, on the original's share page. */
  original: { label: string; quote: string; lang: string; path: string; note: string };
}

/** `text` cut to at most `max` characters at a space, with … when cut (for words, not CJK). */
export function clipWords(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > 0 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/u, '')}…`;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

export function translatedQuotePage(
  input: TranslatedQuotePageInput,
  words: TranslatedQuotePageWords = ui('en').quotePage.translated,
): TranslatedQuotePage {
  const language = englishLanguageName(input.translation.from);
  const translationLine = fill(words.translation, { by: input.translation.by, language });
  const label = englishAttributionLabel({ title: input.talkTitle, subtitle: input.talkSubtitle });
  const date = englishDate(input.date);
  const talk = input.talkSubtitle ? `${input.talkTitle}: ${input.talkSubtitle}` : input.talkTitle;
  return {
    // Within TITLE_ROOM with the name and the quotation marks, so the tab title stays within 70.
    title: `${input.speakerName}: “${clipWords(input.quote, TITLE_ROOM - Array.from(input.speakerName).length - 4)}”`,
    socialTitle: `${input.speakerName}: “${input.quote}”`,
    description: `${input.speakerName} (${input.speakerRole}) at the ${label}, ${date}. ${translationLine}.`,
    imageAlt: `${words.cardAlt}: “${input.quote}” — ${input.speakerName}, ${input.speakerRole}; ${talk}. ${translationLine}.`,
    contextLine: `${input.speakerName}, ${input.speakerRole}, ${label}, ${date}`,
    translationLine,
    original: {
      label: fill(words.original, { language }),
      quote: input.original.quote,
      lang: input.translation.from,
      path: input.original.path,
      note: fill(words.authoritative, { language }),
    },
  };
}

/**
 * The schema.org JSON-LD of a translated quote: a Quotation in English whose `translationOfWork`
 * is the original quote and whose `translator` is Huitan. URLs absolute (routes.ts absoluteUrl).
 */
export function translatedQuoteJsonLd(
  input: TranslatedQuotePageInput,
  urls: { page: string; original: string; image: string; reader: string },
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Quotation',
    text: input.quote,
    url: urls.page,
    inLanguage: 'en',
    spokenByCharacter: { '@type': 'Person', name: input.speakerName, jobTitle: input.speakerRole },
    translator: { '@type': 'Organization', name: input.translation.by },
    translationOfWork: {
      '@type': 'Quotation',
      text: input.original.quote,
      inLanguage: input.translation.from,
      url: urls.original,
    },
    isPartOf: {
      '@type': 'Event',
      name: input.talkTitle,
      description: input.talkSubtitle,
      startDate: input.date,
      url: urls.reader,
    },
    image: urls.image,
  };
}

/** An edition's share page: the QuotePage fields, and the words that say it is a translation. */
export interface EditionQuotePage extends QuotePage {
  translated: TranslatedQuotePage;
}

/**
 * The share page of a key quote of a translated talk (`talk.original` set), at its edition's
 * address (`/<lang>/<talk>/q/<id>/`): English words, the English card, JSON-LD naming the
 * original quote, and the original's share page.
 */
export function editionQuotePage(
  talk: TalkView,
  quote: QuoteView,
  site: URL | undefined,
  locale: Locale,
  words: TranslatedQuotePageWords = ui(locale).quotePage.translated,
): EditionQuotePage {
  const { original, translation } = talk;
  if (!original || !translation) throw new Error(`expected a translated talk, found the original ${talk.slug}`);
  const originalQuote = original.quotes.find((candidate) => candidate.id === quote.id);
  if (!originalQuote) throw new Error(`expected key quote ${quote.id} in the original of ${talk.slug}, found none`);
  const input: TranslatedQuotePageInput = {
    quote: quote.span,
    speakerName: quote.speaker.name,
    speakerRole: quote.speaker.role.text,
    talkTitle: talk.data.title,
    talkSubtitle: talk.data.subtitle,
    date: talk.data.date.text,
    translation: { by: translation.by, from: original.data.language },
    original: { quote: originalQuote.span, path: sharePath(talk.slug, quote.id) },
  };
  const translated = translatedQuotePage(input, words);
  const path = localized(locale, sharePath(talk.slug, quote.id));
  const image = localized(locale, cardPath(talk.slug, quote.id));
  return {
    title: translated.title,
    socialTitle: translated.socialTitle,
    description: translated.description,
    path,
    contextPath: localized(locale, quoteContextPath(talk.slug, quote.anchor)),
    image: { path: image, alt: translated.imageAlt },
    jsonLd: translatedQuoteJsonLd(input, {
      page: absoluteUrl(path, site),
      original: absoluteUrl(input.original.path, site),
      image: absoluteUrl(image, site),
      reader: absoluteUrl(localized(locale, readerPath(talk.slug)), site),
    }),
    translated,
  };
}
