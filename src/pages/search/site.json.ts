/**
 * /search/site.json: what search reads once as it opens that is not in the index. This endpoint
 * writes every speaker search knows, in stage order: names and aliases (a query naming a speaker
 * lists their turns) and the speaker facet's colour and initials. After the build, the index
 * integration (src/integrations/pagefind-index.ts) adds the index's start files and shards, which
 * only exist once Pagefind has run. One file, so that a first search makes one request for both
 * (npm run bench: first query), and pages do not each carry the speaker list.
 */
import type { APIRoute } from 'astro';
import { speakersInStageOrder } from '../../lib/catalog';
import type { SearchSite } from '../../lib/search/site-json';
import { getCatalog } from '../../lib/site';

export const GET: APIRoute = async () => {
  const site: SearchSite = {
    speakers: speakersInStageOrder(await getCatalog()).map(({ id, name, latinName, aliases, color, initials }) => ({
      id,
      name,
      latinName,
      aliases,
      color,
      initials,
    })),
  };
  return new Response(JSON.stringify(site), { headers: { 'Content-Type': 'application/json' } });
};
