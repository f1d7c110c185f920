/**
 * The one place pages read content: queries the collections once per build and validates them
 * together (see catalog.ts). Every page awaits it, so a content error stops the whole build.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { takeBodyLine } from './body-line';
import {
  buildCatalog,
  talkSlugOfTalk,
  type Catalog,
  type Edition,
  type QuoteView,
  type SpeakerView,
  type TalkView,
  type TranslationInput,
} from './catalog';
import { publishedPages, type PublishedPages } from '../i18n/counterparts';
import { appearancesOf, type Appearance } from './speaker-index';
import { contentDir } from './content-dir';
import type { Locale } from '../i18n/ui';
import { bilingualView } from '../reading/modes';
import { readTranslationFiles, translationLanguages } from '../translation/load-translation';

/**
 * Every translation of every talk, its YAML files read (the turns come from the translatedTurns
 * collection): each folder under `talks/<slug>/translations/` is one, so a folder with a missing
 * or broken file stops the build instead of being skipped.
 */
async function readTranslations(talks: { id: string; data: { participants: { speaker: string }[] } }[]) {
  const translations: TranslationInput[] = [];
  for (const talk of talks) {
    const slug = talkSlugOfTalk(talk.id);
    const participants = talk.data.participants.map((participant) => participant.speaker);
    for (const lang of await translationLanguages(contentDir(), slug)) {
      translations.push({ slug, ...(await readTranslationFiles(contentDir(), slug, lang, participants)) });
    }
  }
  return translations;
}

let catalog: Promise<Catalog> | undefined;

export function getCatalog(): Promise<Catalog> {
  catalog ??= (async () => {
    const [speakers, talks, turns] = await Promise.all([
      getCollection('speakers'),
      getCollection('talks'),
      getCollection('turns'),
    ]);
    const translations = await readTranslations(talks);
    // Asked for only when there are translations: Astro logs an empty collection as a problem.
    const translatedTurns = translations.length > 0 ? await getCollection('translatedTurns') : [];
    // The turns loaders give each turn's data the line its body starts on (lib/content/body-line.ts).
    const withLines = <E extends { data: object; rendered?: unknown }>(entry: E) => ({
      ...entry,
      ...takeBodyLine(entry.data),
      renderFailed: entry.rendered === undefined,
    });
    return buildCatalog({
      speakers,
      talks,
      turns: turns.map(withLines),
      fileExists: (contentPath) => existsSync(path.join(contentDir(), contentPath)),
      translations,
      translatedTurns: translatedTurns.map(withLines),
    });
  })();
  return catalog;
}

/** The static paths of everything published per talk (its reader and its cite page). */
export async function talkRoutes(): Promise<{ params: { talk: string }; props: { talk: TalkView } }[]> {
  const { talks } = await getCatalog();
  return talks.map((talk) => ({ params: { talk: talk.slug }, props: { talk } }));
}

/** The static paths of everything published per key quote (its share page and its card). */
export async function quoteRoutes(): Promise<
  { params: { talk: string; quote: string }; props: { talk: TalkView; quote: QuoteView } }[]
> {
  const { talks } = await getCatalog();
  return talks.flatMap((talk) =>
    talk.quotes.map((quote) => ({ params: { talk: talk.slug, quote: quote.id }, props: { talk, quote } })),
  );
}

/**
 * The static paths of an edition's home page (`/<lang>/`): one page when `lang` has an edition,
 * none otherwise, so a site without translations builds no /<lang>/ at all. For a rest route
 * (src/pages/en/[...home].astro), whose one path has no segment.
 */
export async function editionHomeRoutes(
  lang: string,
): Promise<{ params: { home: undefined }; props: { edition: Edition } }[]> {
  const edition = (await getCatalog()).translations.get(lang);
  return edition && edition.talks.length > 0 ? [{ params: { home: undefined }, props: { edition } }] : [];
}

/** talkRoutes for the translated talks of `lang`'s edition (none without one). */
export async function editionTalkRoutes(
  lang: string,
): Promise<{ params: { talk: string }; props: { talk: TalkView } }[]> {
  const edition = (await getCatalog()).translations.get(lang);
  return (edition?.talks ?? []).map((talk) => ({ params: { talk: talk.slug }, props: { talk } }));
}

/** quoteRoutes for the translated key quotes of `lang`'s edition (none without one). */
export async function editionQuoteRoutes(
  lang: string,
): Promise<{ params: { talk: string; quote: string }; props: { talk: TalkView; quote: QuoteView } }[]> {
  const edition = (await getCatalog()).translations.get(lang);
  return (edition?.talks ?? []).flatMap((talk) =>
    talk.quotes.map((quote) => ({ params: { talk: talk.slug, quote: quote.id }, props: { talk, quote } })),
  );
}

/**
 * The speaker pages of `lang`'s edition: every speaker of a translated talk, in that language,
 * with their turns in the translated talks only (none without an edition).
 */
export async function editionSpeakerRoutes(
  lang: string,
): Promise<{ params: { speaker: string }; props: { speaker: SpeakerView; appearances: Appearance[] } }[]> {
  const edition = (await getCatalog()).translations.get(lang);
  if (!edition) return [];
  return [...edition.speakers.values()].map((speaker) => ({
    params: { speaker: speaker.id },
    props: { speaker, appearances: appearancesOf(edition, speaker.id) },
  }));
}

/** Which pages each language has, for the counterparts of a page (src/lib/i18n/counterparts.ts). */
export async function getPublishedPages(): Promise<PublishedPages> {
  return publishedPages(await getCatalog());
}

/** The static paths of the bilingual pages in `locale`: one per talk with a translation (lib/reading/modes.ts). */
export async function bilingualRoutes(
  locale: Locale,
): Promise<{ params: { talk: string }; props: { talk: TalkView } }[]> {
  const { talks } = await getCatalog();
  return talks.flatMap((original) => {
    const talk = bilingualView(original, locale);
    return talk ? [{ params: { talk: original.slug }, props: { talk } }] : [];
  });
}
