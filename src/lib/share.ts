/**
 * Where things live: the published paths of readers, turns, key quotes, share pages and cards.
 * Every link to them is built here, and the permalink list (content/permalinks.json) is checked
 * against what these produce.
 */
import type { QuoteView, TalkView, TurnView } from './catalog';
import { quoteWithAttribution, type CitationInput } from './citation';

export const readerPath = (talk: string) => `/${talk}/`;
export const turnPath = (talk: string, anchor: string) => `/${talk}/#${anchor}`;
/** The quote's anchor is `quote-<id>` (see catalog.ts QuoteView.anchor). */
export const quoteContextPath = (talk: string, quoteAnchor: string) => `/${talk}/#${quoteAnchor}`;
/** Every citation of a talk's turns, one section per turn anchor: the light menus' no-JS page. */
export const citePath = (talk: string, anchor?: string) => `/${talk}/cite/${anchor ? `#${anchor}` : ''}`;
export const sharePath = (talk: string, quoteId: string) => `/${talk}/q/${quoteId}/`;
export const cardPath = (talk: string, quoteId: string) => `/${talk}/q/${quoteId}.png`;

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
  /** Attribution used after a turn's text: ——姚期智，WAIC 2023 开幕式圆桌论坛. */
  talkLabel: string;
  author: string;
  citation: CitationInput;
}

/** The talk as people name it in an attribution: its subtitle if it has one, else its title. */
export const talkLabel = (talk: TalkView) => talk.data.subtitle ?? `《${talk.data.title}》`;

export const citationOf = (talk: TalkView, author: string, url: string): CitationInput => ({
  author,
  title: talk.data.title,
  subtitle: talk.data.subtitle,
  date: talk.data.date.text,
  url,
});

export function turnShareTarget(talk: TalkView, turn: TurnView, site: URL | undefined): ShareTarget {
  const url = absoluteUrl(turnPath(talk.slug, turn.anchor), site);
  return {
    id: `${turn.anchor}-share`,
    label: `${turn.speaker.name}这段发言`,
    url,
    talkLabel: talkLabel(talk),
    author: turn.speaker.name,
    citation: citationOf(talk, turn.speaker.name, url),
  };
}

export function quoteShareTarget(talk: TalkView, quote: QuoteView, site: URL | undefined): ShareTarget {
  const url = absoluteUrl(sharePath(talk.slug, quote.id), site);
  return {
    id: `${quote.anchor}-share`,
    label: `${quote.speaker.name}的这句话`,
    url,
    text: quoteWithAttribution(quote.span, quote.speaker.name, talkLabel(talk), url),
    talkLabel: talkLabel(talk),
    author: quote.speaker.name,
    citation: citationOf(talk, quote.speaker.name, url),
  };
}

/** What every menu of one talk shares: the citation's talk fields and the attribution label. */
export interface ShareTalk {
  title: string;
  subtitle?: string | undefined;
  date: string;
  talkLabel: string;
}

export const shareTalk = ({ citation, talkLabel }: Pick<ShareTarget, 'citation' | 'talkLabel'>): ShareTalk => ({
  title: citation.title,
  subtitle: citation.subtitle,
  date: citation.date,
  talkLabel,
});
