/**
 * What the speaker filter (speaker-filter.ts) writes: the address for a choice and the status
 * line. Apart from the element, so that these rules are unit tested without a browser; the URL's
 * own format (`?speakers=a,b&host=0`) is src/lib/format.ts.
 */
import { filterQuery } from '../lib/format';

/**
 * The address (path, query, hash) that shows a choice on the page at `href`: other parameters
 * and the hash are kept. Undefined when the address already says it, so no history entry is written.
 */
export function filteredAddress(href: string, speakers: readonly string[], keepHost: boolean): string | undefined {
  const url = new URL(href);
  const next = `${url.pathname}${filterQuery(speakers, keepHost, url.search)}${url.hash}`;
  return next === `${url.pathname}${url.search}${url.hash}` ? undefined : next;
}

/**
 * The status line for `chosen` speakers checked and `shown` of `total` turns visible, or undefined
 * to leave it as it is: nothing is said on load unless the page opened filtered.
 */
export function filterStatus(chosen: number, shown: number, total: number, announce: boolean): string | undefined {
  if (!announce && chosen === 0) return undefined;
  return chosen === 0 ? `显示全部 ${total} 段发言` : `显示 ${shown} / ${total} 段发言`;
}
