/**
 * Marks the searched words in the turn a search result led to (`?hl=words#turn`). The words are
 * read as plain text and matched in text nodes only; a stray or hostile `hl` marks nothing or
 * marks text, never adds markup of its own.
 */
import { matchSpans, MAX_QUERY_LENGTH, parseQuery } from '../lib/search/query';

function targetOf(hash: string): Element | null {
  let id = '';
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
  const target = id ? document.getElementById(id) : null;
  return target?.closest('article.turn') ?? null;
}

export function highlight(root: Element, words: readonly string[]): number {
  if (words.length === 0) return 0;
  const texts: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[data-pagefind-ignore], .turn-head, mark.search-hit')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  let marked = 0;
  for (const text of texts) {
    const value = text.data;
    // Words are matched as they are searched in the text's language (English by stem).
    const language = text.parentElement?.closest('[lang]')?.getAttribute('lang') ?? undefined;
    const hits = matchSpans(value, words, language);
    hits.sort((a, b) => b[0] - a[0]);
    let limit = value.length;
    for (const [from, to] of hits) {
      if (to > limit) continue; // overlaps a later hit already marked
      const tail = text.splitText(from);
      tail.splitText(to - from);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      tail.replaceWith(mark);
      mark.append(tail);
      limit = from;
      marked += 1;
    }
  }
  return marked;
}

const raw = new URLSearchParams(window.location.search).get('hl') ?? '';
const target = targetOf(window.location.hash);
if (raw && target) highlight(target, parseQuery(raw.slice(0, MAX_QUERY_LENGTH)).words);
