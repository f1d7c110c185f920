/** The view of one share page: text, meta and JSON-LD of a key quote, in Chinese or (translated) English. Pure, unit-tested. */
import { latinNameRepeats } from '../languages';
import type { QuoteView, TalkView } from '../catalog';
import { formatDate } from '../text/format';
import { englishAttributionLabel, englishDate, englishLanguageName } from './citation';
import { absoluteUrl, cardPath, quoteContextPath, readerPath, sharePath, talkLabel } from './routes';

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

/**
 * The English share page's own words. MOVE TO THE UI DICTIONARY (src/lib/i18n/) at merge; the
 * functions below take them as a parameter so a test or another locale can pass its own.
 */
export const TRANSLATED_QUOTE_PAGE_WORDS = {
  translation: '{by}’s translation from the {language}',
  cardAlt: 'Quote card',
  original: 'The original, in {language}',
  authoritative: 'The {language} original is authoritative.',
} as const;
export type TranslatedQuotePageWords = { readonly [K in keyof typeof TRANSLATED_QUOTE_PAGE_WORDS]: string };

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
  words: TranslatedQuotePageWords = TRANSLATED_QUOTE_PAGE_WORDS,
): TranslatedQuotePage {
  const language = englishLanguageName(input.translation.from);
  const translationLine = fill(words.translation, { by: input.translation.by, language });
  const label = englishAttributionLabel({ title: input.talkTitle, subtitle: input.talkSubtitle });
  const date = englishDate(input.date);
  const talk = input.talkSubtitle ? `${input.talkTitle}: ${input.talkSubtitle}` : input.talkTitle;
  return {
    title: `${input.speakerName}: “${clipWords(input.quote, 60)}”`,
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
