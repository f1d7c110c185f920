/**
 * Citing a turn or a key quote: the quote as text with attribution, GB/T 7714-2015 and APA 7.
 * Pure functions shared by the server (the citations shown without JavaScript) and the
 * <ht-share> script (which adds the access date when copying).
 *
 * What we cite is this site's page: the author is the speaker, the title is the talk's, the
 * date is the day of the talk, and the publisher is 会谈 Huitan. The transcript's own source
 * (a WeChat account whose display name is unverified) is named beside the citations, not in them.
 */
import { ISO_DATE_PATTERN } from '../constants';

export interface CitationInput {
  /** The speaker, e.g. 姚期智. */
  author: string;
  /** The talk's title, e.g. 创想共论·智变可能. */
  title: string;
  /** e.g. WAIC 2023 开幕式圆桌论坛. */
  subtitle?: string | undefined;
  /** Day of the talk, ISO YYYY-MM-DD. */
  date: string;
  /** The absolute URL of the turn or quote. */
  url: string;
  /** The day the reader accessed the page, ISO YYYY-MM-DD; omitted when unknown. */
  accessed?: string | undefined;
}

/** The publisher of the page being cited: this site. */
export const PUBLISHER = '会谈 Huitan';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parseIso(iso: string): [number, number, number] {
  const match = ISO_DATE_PATTERN.exec(iso);
  if (!match) throw new Error(`expected an ISO date YYYY-MM-DD, found ${JSON.stringify(iso)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** A date in the reader's local calendar, as ISO YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const fullTitle = ({ title, subtitle }: CitationInput) => (subtitle ? `${title}：${subtitle}` : title);

/** The talk as people name it in an attribution: its subtitle if it has one, else its title. */
export const attributionLabel = ({ title, subtitle }: { title: string; subtitle?: string | undefined }) =>
  subtitle ?? `《${title}》`;

/** “…” ——姚期智，WAIC 2023 开幕式圆桌论坛 https://… */
export function quoteWithAttribution(quote: string, author: string, talkLabel: string, url: string): string {
  return `“${quote}” ——${author}，${talkLabel} ${url}`;
}

/**
 * GB/T 7714-2015, electronic resource on a network ([EB/OL]):
 * 主要责任者. 题名[EB/OL]. 出版者, 出版日期[引用日期]. 获取和访问路径.
 */
export function citeGbt7714(input: CitationInput): string {
  parseIso(input.date);
  if (input.accessed) parseIso(input.accessed);
  const accessed = input.accessed ? `[${input.accessed}]` : '';
  return `${input.author}. ${fullTitle(input)}[EB/OL]. ${PUBLISHER}, ${input.date}${accessed}. ${input.url}.`;
}

/**
 * APA 7, a transcript on a web page: Author. (Year, Month Day). *Title* [Description]. Site. URL
 * Chinese names are kept as written (family name first, no initials).
 */
export function citeApa(input: CitationInput): string {
  const [year, month, day] = parseIso(input.date);
  return `${input.author}. (${year}, ${MONTHS[month - 1]} ${day}). ${fullTitle(input)} [Transcript]. ${PUBLISHER}. ${input.url}`;
}
