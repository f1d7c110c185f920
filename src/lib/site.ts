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
  type QuoteView,
  type TalkView,
  type TranslationInput,
} from './catalog';
import { contentDir } from './content-dir';
import type { Locale } from './i18n/ui';
import { bilingualView } from './reading/modes';
import { readTranslationFiles, translationLanguages } from './translation/load-translation';

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
    // The turns loaders give each turn's data the line its body starts on (lib/body-line.ts).
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
