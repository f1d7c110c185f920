/** The English card of a translated key quote (src/lib/cards/card.ts, store.ts): in English, saying it is a translation. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardCacheDir, createCardStore, quoteCardInput, type CardStore } from '../../../../lib/cards/store';
import type { QuoteView, TalkView } from '../../../../lib/content/catalog';
import { editionQuoteRoutes } from '../../../../lib/content/site';

export const getStaticPaths = (() => editionQuoteRoutes('en')) satisfies GetStaticPaths;

interface Props {
  talk: TalkView;
  quote: QuoteView;
}

const input = (talk: TalkView, quote: QuoteView) => {
  if (!talk.original) throw new Error(`expected a translated talk, found the original ${talk.slug}`);
  return quoteCardInput(talk, quote, { from: talk.original.data.language });
};

// One store for the English cards: they share their fonts and the card cache.
let store: Promise<CardStore> | undefined;
const cards = () =>
  (store ??= editionQuoteRoutes('en').then((routes) =>
    createCardStore({ inputs: routes.map(({ props }) => input(props.talk, props.quote)), dir: cardCacheDir() }),
  ));

export const GET: APIRoute<Props> = async ({ props: { talk, quote } }) => {
  const png = await (await cards()).draw(input(talk, quote));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
