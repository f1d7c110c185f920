/**
 * The address the speaker filter (speaker-filter.ts) writes for a choice. Apart from the element,
 * so that its rules are unit tested without a browser; the URL's own format
 * (`?speakers=a,b&host=0`) is src/lib/text/format.ts.
 */
import { filterQuery } from '../lib/text/format';

/**
 * The address (path, query, hash) that shows a choice on the page at `href`: other parameters
 * and the hash are kept. Undefined when the address already says it, so no history entry is written.
 */
export function filteredAddress(href: string, speakers: readonly string[], keepHost: boolean): string | undefined {
  const url = new URL(href);
  const next = `${url.pathname}${filterQuery(speakers, keepHost, url.search)}${url.hash}`;
  return next === `${url.pathname}${url.search}${url.hash}` ? undefined : next;
}
