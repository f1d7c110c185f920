/**
 * The site's own social card (1200×630), drawn at build time: the home page unfurls with it when
 * no talk has a key quote to show (index.astro).
 */
import type { APIRoute } from 'astro';
import { renderSiteCard, SITE_CARD } from '../lib/cards/card';

export const GET: APIRoute = async () =>
  new Response(await renderSiteCard(SITE_CARD), { headers: { 'Content-Type': 'image/png' } });
