/** The social card of a key quote, drawn at build time (see src/lib/social-card.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { QuoteView, TalkView } from '../../../lib/catalog';
import { formatDate } from '../../../lib/format';
import { talkLabel } from '../../../lib/share';
import { quoteRoutes } from '../../../lib/site';
import { renderCard, SPEAKER_COLORS } from '../../../lib/social-card';

export const getStaticPaths = quoteRoutes satisfies GetStaticPaths;

interface Props {
  talk: TalkView;
  quote: QuoteView;
}

export const GET: APIRoute<Props> = async ({ props: { talk, quote } }) => {
  const { speaker } = quote;
  const png = await renderCard({
    quote: quote.span,
    speakerName: speaker.name,
    speakerRole: speaker.role.text,
    initials: speaker.initials,
    speakerColor: SPEAKER_COLORS[speaker.color] ?? '#4a5566',
    talkTitle: `《${talk.data.title}》`,
    talkSubtitle: talkLabel(talk) === `《${talk.data.title}》` ? '' : talkLabel(talk),
    date: formatDate(talk.data.date.text),
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
