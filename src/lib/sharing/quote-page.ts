/** The view of one share page: text, meta and JSON-LD of a key quote. Pure, unit-tested. */
import { latinNameRepeats } from '../languages';
import type { QuoteView, TalkView } from '../catalog';
import { formatDate } from '../text/format';
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
