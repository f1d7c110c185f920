/**
 * /search/speakers.json: every speaker search knows, in stage order: names and aliases (a query
 * naming a speaker lists their turns) and the speaker facet's colour and initials. The search
 * panel fetches it when search opens (search-panel.ts), so pages do not each carry the list.
 */
import type { APIRoute } from 'astro';
import { speakersInStageOrder } from '../../lib/catalog';
import type { SearchSpeaker } from '../../lib/search-query';
import { getCatalog } from '../../lib/site';

export const GET: APIRoute = async () => {
  const speakers: SearchSpeaker[] = speakersInStageOrder(await getCatalog()).map(({ id, name, latinName, aliases, color, initials }) => ({
    id,
    name,
    latinName,
    aliases,
    color,
    initials,
  }));
  return new Response(JSON.stringify(speakers), { headers: { 'Content-Type': 'application/json' } });
};
