/**
 * /search/site.json: what search reads once as it opens that is not in the index. This endpoint
 * writes every speaker search knows, in stage order: names and aliases (a query naming a speaker
 * lists their turns) and the speaker facet's colour and initials; and, per edition (a talk's
 * translation, e.g. English), the speakers as that edition names them, so a search page in that
 * language names them so. After the build, the index integration (src/integrations/pagefind-index.ts)
 * adds the index's start files and shards, which only exist once Pagefind has run. One file, so
 * that a first search makes one request for both (npm run bench: first query), and pages do not
 * each carry the speaker list.
 */
import type { APIRoute } from 'astro';
import { speakersInStageOrder } from '../../lib/content/catalog';
import type { EditionSpeaker, SearchSite } from '../../lib/search/site-json';
import { getCatalog } from '../../lib/content/site';

export const GET: APIRoute = async () => {
  const catalog = await getCatalog();
  const stageOrder = speakersInStageOrder(catalog);
  const site: SearchSite = {
    speakers: stageOrder.map(({ id, name, latinName, aliases, color, initials }) => ({
      id,
      name,
      latinName,
      aliases,
      color,
      initials,
    })),
  };
  if (catalog.translations.size > 0) {
    site.editions = Object.fromEntries(
      [...catalog.translations].map(([lang, edition]): [string, EditionSpeaker[]] => [
        lang,
        // In stage order, like the speakers above; only those the edition names.
        stageOrder.flatMap(({ id }) => {
          const speaker = edition.speakers.get(id);
          return speaker
            ? [
                {
                  id,
                  name: speaker.name,
                  latinName: speaker.latinName,
                  aliases: speaker.aliases,
                  initials: speaker.initials,
                },
              ]
            : [];
        }),
      ]),
    );
  }
  return new Response(JSON.stringify(site), { headers: { 'Content-Type': 'application/json' } });
};
