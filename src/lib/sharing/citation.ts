/**
 * Citing a turn or a key quote: the quote as text with attribution, GB/T 7714-2015 and APA 7;
 * and for Huitan's translation of a talk (the English edition), APA 7 and Chicago (17th,
 * notes-bibliography) citations and a copy text that say it is a translation and name the original.
 * Pure functions shared by the server (the citations shown without JavaScript) and the
 * <ht-share> script (which adds the access date when copying).
 *
 * What we cite is this site's page: the author is the speaker, the title is the talk's, the
 * date is the day of the talk, and the publisher is 会谈 Huitan. The transcript's own source
 * (a WeChat account whose display name is unverified) is named beside the citations, not in them.
 * A translation is cited as the translated work it is: Huitan is its translator and publisher,
 * its date is the translation's, and the Chinese page it translates is named as the original.
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

/** "2023-07-06" → "July 6, 2023": the date as English prose and both English styles write it. */
export function englishDate(iso: string): string {
  const [year, month, day] = parseIso(iso);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

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

/** The talk as an English attribution names it: its subtitle if it has one, else its title. */
export const englishAttributionLabel = ({ title, subtitle }: { title: string; subtitle?: string | undefined }) =>
  subtitle ?? title;

/**
 * The name of a language in English prose, from its BCP 47 tag: "zh-CN" → "Chinese". The primary
 * subtag only: "translated from the Chinese", not "from the Chinese (China)".
 */
export function englishLanguageName(tag: string): string {
  const primary = tag.split('-')[0]!;
  const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(primary);
  if (!name) throw new Error(`expected a BCP 47 language tag such as "zh-CN", found ${JSON.stringify(tag)}`);
  return name;
}

/** Who translated and from what: the part of a translated citation the original lacks. */
export interface TranslationFacts {
  /** The translator, e.g. Huitan (the talk's `translation.by`). */
  by: string;
  /** The day the translation was published, ISO YYYY-MM-DD (`translation.date`). */
  date: string;
  /** The original's language as a BCP 47 tag, e.g. zh-CN. */
  from: string;
}

/** The original a translation is cited beside: the Chinese page of the same turn or quote. */
export interface OriginalWork {
  /** The original title, as the original writes it, e.g. 创想共论·智变可能. */
  title: string;
  subtitle?: string | undefined;
  /** The day the original was given, ISO YYYY-MM-DD. */
  date: string;
  /** The absolute URL of the original turn or quote. */
  url: string;
}

/** What a translated turn or quote is cited with: its own page, the translation and the original. */
export interface TranslatedCitationInput {
  /** The speaker as the translation prints the name, e.g. Andrew Chi-Chih Yao, Yang Zhilin. */
  author: string;
  /**
   * The family name within `author` (Yao, Yang), where known: APA writes "Yao, A. C.-C.", Chicago's
   * bibliography "Yao, Andrew Chi-Chih". Without it the name is kept as written, as the Chinese
   * citations keep theirs.
   */
  family?: string | undefined;
  /** The translated title and subtitle. */
  title: string;
  subtitle?: string | undefined;
  /** The absolute URL of the translated turn or quote. */
  url: string;
  /** The day the reader accessed the page, ISO YYYY-MM-DD; omitted when unknown. */
  accessed?: string | undefined;
  translation: TranslationFacts;
  original: OriginalWork;
}

/**
 * The given names of `author` around `family`, or undefined when `family` is not at either end
 * (a whole word or words there, with given names on the other side). The English speaker
 * files' `family` is held to this when they are read (schemas/translation.ts), so a citation
 * never falls back to the name as written for a family name it was given.
 */
export function givenNames(author: string, family: string): { given: string; familyFirst: boolean } | undefined {
  if (author.startsWith(`${family} `)) return { given: author.slice(family.length + 1), familyFirst: true };
  if (author.endsWith(` ${family}`)) return { given: author.slice(0, -family.length - 1), familyFirst: false };
  return undefined;
}

/** "Chi-Chih" → "C.-C.", "Andrew" → "A.": APA's initials, hyphens kept. */
const initials = (given: string) =>
  given
    .split(/\s+/u)
    .map((name) =>
      name
        .split('-')
        .map((part) => `${Array.from(part)[0]}.`)
        .join('-'),
    )
    .join(' ');

/** APA 7's author element: "Yao, A. C.-C." when the family name is known, else the name as written. */
export function apaAuthor(author: string, family?: string): string {
  const parts = family ? givenNames(author, family) : undefined;
  return parts ? `${family}, ${initials(parts.given)}` : author;
}

/**
 * Chicago's bibliography author: a name written given name first is inverted ("Yao, Andrew
 * Chi-Chih"); a Chinese name in its own order (family first, "Yang Zhilin") is not, and takes no comma.
 */
export function chicagoBibliographyAuthor(author: string, family?: string): string {
  const parts = family ? givenNames(author, family) : undefined;
  return parts && !parts.familyFirst ? `${family}, ${parts.given}` : author;
}

/** Words Chicago's headline style leaves in lower case inside a title (articles, short conjunctions and prepositions). */
const HEADLINE_LOWER = new Set(
  'a an the and but or nor for so yet as at by in of off on per to up via from into with'.split(' '),
);

/**
 * Chicago's headline-style capitalization, only ever raising a letter: WAIC, DragGAN and "·" are kept
 * as written; the first and last words, and every word but the short ones above, begin in capitals.
 */
export function headlineStyle(title: string): string {
  const words = title.split(' ');
  return words
    .map((word, index) => {
      const edge = index === 0 || index === words.length - 1 || /[:·]$/u.test(words[index - 1] ?? '');
      if (!edge && HEADLINE_LOWER.has(word.toLowerCase())) return word;
      return word.replace(/^(\P{L}*)(\p{Ll})/u, (_, lead: string, letter: string) => `${lead}${letter.toUpperCase()}`);
    })
    .join(' ');
}

const englishTitle = ({ title, subtitle }: { title: string; subtitle?: string | undefined }) =>
  subtitle ? `${title}: ${subtitle}` : title;
const originalTitle = ({ title, subtitle }: OriginalWork) => (subtitle ? `${title}：${subtitle}` : title);

/**
 * APA 7, a translated transcript on a web page (the rules for translated works: the translator in
 * parentheses after the title as "(Name, Trans.)", the translation's date in the date element, and
 * "(Original work published Year)" after the URL; cited in text as (Yao, 2023/2026)):
 * Author. (Year, Month Day). Title (Translator, Trans.) [Transcript]. Site. URL (Original work published Year …)
 * The original's parenthesis also names its language, title and URL, which the style's element
 * has room for and a reader of a translation needs. Titles keep the talk's capitals (sentence case
 * cannot be made safely from them: WAIC, GAN).
 */
export function citeApaTranslation(input: TranslatedCitationInput): string {
  const [year, month, day] = parseIso(input.translation.date);
  const [originalYear] = parseIso(input.original.date);
  const language = englishLanguageName(input.translation.from);
  return (
    `${closed(apaAuthor(input.author, input.family))} (${year}, ${MONTHS[month - 1]} ${day}). ${englishTitle(input)} ` +
    `(${input.translation.by}, Trans.) [Transcript]. ${input.translation.by}. ${input.url} ` +
    `(Original work published ${originalYear} in ${language} as ${originalTitle(input.original)}, ${input.original.url})`
  );
}

/** APA 7's parenthetical in-text citation of a translation: (Yao, 2023/2026), original year first. */
export function citeApaTranslationInText(
  input: Pick<TranslatedCitationInput, 'author' | 'family' | 'translation' | 'original'>,
): string {
  const [originalYear] = parseIso(input.original.date);
  const [year] = parseIso(input.translation.date);
  return `(${input.family ?? input.author}, ${originalYear}/${year})`;
}

/** An element and its closing period: "Yao, A. C.-C." takes none more. */
const closed = (element: string) => (element.endsWith('.') ? element : `${element}.`);

/** Chicago's "accessed Month Day, Year, " before a URL, when the access date is known. */
const accessedPart = (accessed: string | undefined) => (accessed ? `accessed ${englishDate(accessed)}, ` : '');

/**
 * Chicago 17th, notes-bibliography: the full note of a translated page of website content
 * (author, "title" in headline style, "trans." and the translator, site, date, URL), followed by
 * where it was originally published, as a note may say of a translation:
 * Author, "Title," trans. Translator from the Language, Site, Month Day, Year, URL; originally
 * published as "原题," Site, Month Day, Year, URL.
 */
export function citeChicagoNote(input: TranslatedCitationInput): string {
  const { by, date, from } = input.translation;
  const language = englishLanguageName(from);
  return (
    `${input.author}, “${headlineStyle(englishTitle(input))},” trans. ${by} from the ${language}, ${by}, ` +
    `${englishDate(date)}, ${accessedPart(input.accessed)}${input.url}; originally published as ` +
    `“${originalTitle(input.original)},” ${PUBLISHER}, ${englishDate(input.original.date)}, ${input.original.url}.`
  );
}

/**
 * Chicago 17th, notes-bibliography: the bibliography entry of the same page (periods between the
 * elements, the author inverted where the name is written given name first, "Translated by" spelled
 * out, and the original after "Originally published as"):
 * Author. "Title." Translated from the Language by Translator. Site, Month Day, Year. URL.
 * Originally published as "原题." Site, Month Day, Year. URL.
 */
export function citeChicagoBibliography(input: TranslatedCitationInput): string {
  const { by, date, from } = input.translation;
  const language = englishLanguageName(from);
  const access = input.accessed ? `Accessed ${englishDate(input.accessed)}. ` : '';
  return (
    `${closed(chicagoBibliographyAuthor(input.author, input.family))} “${headlineStyle(englishTitle(input))}.” ` +
    `Translated from the ${language} by ${by}. ${by}, ${englishDate(date)}. ${access}${input.url}. ` +
    `Originally published as “${originalTitle(input.original)}.” ${PUBLISHER}, ${englishDate(input.original.date)}. ` +
    `${input.original.url}.`
  );
}

/**
 * The copied text of a translated quote, which never passes the translation off as the speaker's
 * own words: “…” — Andrew Chi-Chih Yao, WAIC 2023 opening ceremony roundtable (Huitan’s translation
 * from the Chinese) https://…
 */
export function translatedQuoteWithAttribution(
  quote: string,
  author: string,
  talkLabel: string,
  url: string,
  translation: Pick<TranslationFacts, 'by' | 'from'>,
): string {
  return `“${quote}” — ${author}, ${talkLabel} (${translation.by}’s translation from the ${englishLanguageName(translation.from)}) ${url}`;
}

/**
 * The URL of the original of a translated page: `url` with the edition's root (its home page's
 * absolute URL, e.g. https://…/en/) replaced by the original's (https://…/). A URL outside the
 * edition is returned as it is.
 */
export function originalUrlOf(url: string, roots: { edition: string; original: string }): string {
  return url.startsWith(roots.edition) ? `${roots.original}${url.slice(roots.edition.length)}` : url;
}

/** The translation facts of a translated talk's share menus (routes.ts ShareTalk). */
export interface ShareTranslation {
  by: string;
  /** The day the translation was published, ISO YYYY-MM-DD. */
  date: string;
  /** The original's language tag, e.g. zh-CN. */
  from: string;
  original: { title: string; subtitle?: string | undefined; date: string };
  /**
   * The absolute URLs of the edition's and the original's home pages: a translated page's URL
   * with the first replaced by the second is its original's (originalUrlOf).
   */
  roots: { edition: string; original: string };
}

/**
 * The citation of a translated turn or quote at `url`, the original named by its own URL: by
 * `speaker.author`, with the family name within it where the edition knows it (`speaker.family`).
 */
export function translatedCitation(
  talk: { title: string; subtitle?: string | undefined },
  translation: ShareTranslation,
  speaker: { author: string; family?: string | undefined },
  url: string,
  accessed?: string,
): TranslatedCitationInput {
  return {
    author: speaker.author,
    family: speaker.family,
    title: talk.title,
    subtitle: talk.subtitle,
    url,
    accessed,
    translation: { by: translation.by, date: translation.date, from: translation.from },
    original: { ...translation.original, url: originalUrlOf(url, translation.roots) },
  };
}
