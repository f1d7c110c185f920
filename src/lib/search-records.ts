/**
 * Search records from a built reader page: one per turn (the markup contract: `article.turn`
 * with `id` = anchor and `data-speaker`), holding the turn's plain text and where it sits.
 * Text inside `[data-pagefind-ignore]` (editorial notes, labels) is left out.
 */
import { indexTokens } from './search-tokens';

export interface TurnRecord {
  /** Permalink of the turn: the page URL plus `#anchor`. */
  url: string;
  /** Bigram tokens of the text (see search-tokens.ts). */
  content: string;
  language: string;
  meta: {
    speaker: string;
    speakerName: string;
    role: string;
    color: string;
    initials: string;
    talk: string;
    talkTitle: string;
    section: string;
    /** The turn's plain text, paragraphs separated by newlines: excerpts are cut from it. */
    text: string;
    /** Position of the turn on its page, from 1 (Pagefind meta values are strings). */
    order: string;
  };
  filters: { speaker: string[]; talk: string[] };
  /** Transcript order across talks ("<talk>/<order, zero-padded>"): how a speaker's turns are listed. */
  sort: { position: string };
}

/** The visible text of an element, without ignored parts, paragraphs on their own lines. */
export function plainText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const ignored of copy.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  const paragraphs = [...copy.querySelectorAll('p')];
  const blocks = paragraphs.length > 0 ? paragraphs : [copy];
  return blocks
    .map((block) => (block.textContent ?? '').replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Records for every turn on one page. `pagePath` is the page's URL path without the base
 * (e.g. "/waic-2023-roundtable/"); `talk` is its slug.
 */
export function turnRecords(document: Document, pagePath: string): TurnRecord[] {
  const language = (document.documentElement.getAttribute('lang') ?? '').toLowerCase();
  const talkTitle = document.querySelector('.talk-title')?.textContent?.trim() ?? '';
  const talk = pagePath.split('/').filter(Boolean)[0] ?? '';
  return [...document.querySelectorAll('article.turn')].map((turn, index) => {
    const body = turn.querySelector('.turn-body');
    const text = body ? plainText(body) : '';
    const speaker = turn.getAttribute('data-speaker') ?? '';
    return {
      url: `${pagePath}#${turn.id}`,
      content: indexTokens(text).join(' '),
      language,
      meta: {
        speaker,
        speakerName: turn.querySelector('.turn-name')?.textContent?.trim() ?? '',
        role: turn.querySelector('.turn-role')?.textContent?.trim() ?? '',
        color: turn.getAttribute('data-color') ?? '',
        initials: turn.querySelector('.avatar')?.textContent?.trim() ?? '',
        talk,
        talkTitle,
        section: turn.closest('section.talk-section')?.querySelector('.section-title')?.textContent?.trim() ?? '',
        text,
        order: String(index + 1),
      },
      filters: { speaker: [speaker], talk: [talk] },
      sort: { position: `${talk}/${String(index + 1).padStart(5, '0')}` },
    };
  });
}

/**
 * Pagefind splits its word index into chunks of about this many word positions (its default is
 * 20,000) and a query loads only the chunks its words fall in. Small chunks mean a query loads
 * little, but the list of chunks (in the metadata every search loads first) grows with their
 * number: the size that balances the two grows with the square root of the index. Measured
 * (npm run bench:search): one talk, 3,600 positions → chunks of 200 (the floor), 51 files; a query
 * loads one to five chunks of about 0.5–1 KB instead of the whole index (27 KB, brotli). 100
 * talks → chunks of about 1,200.
 */
export function indexChunkSize(records: readonly TurnRecord[]): number {
  const positions = records.reduce((sum, record) => sum + record.content.split(' ').length, 0);
  return Math.max(200, Math.round(Math.sqrt(4 * positions)));
}
