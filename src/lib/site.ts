/**
 * The one place pages read content: queries the collections once per build and validates them
 * together (see catalog.ts). Every page awaits it, so a content error stops the whole build.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { takeBodyLine } from './body-line';
import { buildCatalog, type Catalog, type QuoteView, type TalkView } from './catalog';
import { contentDir } from './content-dir';

let catalog: Promise<Catalog> | undefined;

export function getCatalog(): Promise<Catalog> {
  catalog ??= (async () => {
    const [speakers, talks, turns] = await Promise.all([
      getCollection('speakers'),
      getCollection('talks'),
      getCollection('turns'),
    ]);
    return buildCatalog({
      speakers,
      talks,
      // The turns loader gives each turn's data the line its body starts on (lib/body-line.ts).
      turns: turns.map((entry) => ({
        ...entry,
        ...takeBodyLine(entry.data),
        renderFailed: entry.rendered === undefined,
      })),
      fileExists: (contentPath) => existsSync(path.join(contentDir(), contentPath)),
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
