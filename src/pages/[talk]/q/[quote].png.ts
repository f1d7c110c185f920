/** The social card of a key quote, drawn at build time (see src/lib/cards/card.ts, src/lib/cards/store.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardCacheDir, createCardStore, quoteCardInput, type CardStore } from '../../../lib/cards/store';
import type { QuoteView, TalkView } from '../../../lib/content/catalog';
import { quoteRoutes } from '../../../lib/content/site';

export const getStaticPaths = quoteRoutes satisfies GetStaticPaths;

interface Props {
  talk: TalkView;
  quote: QuoteView;
}

// One store for the build: every card shares its fonts and its cache.
let store: Promise<CardStore> | undefined;
const cards = () =>
  (store ??= quoteRoutes().then((routes) =>
    createCardStore({
      inputs: routes.map(({ props }) => quoteCardInput(props.talk, props.quote)),
      dir: cardCacheDir(),
    }),
  ));

export const GET: APIRoute<Props> = async ({ props: { talk, quote } }) => {
  const png = await (await cards()).draw(quoteCardInput(talk, quote));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
