/**
 * Where the language switch leads: the counterpart page's address with the reader's place
 * carried over from the current one: the #anchor (turn and quote anchors are the same in every
 * edition), the speaker filter (`speakers`, `host`: speaker-filter-state.ts) and the search
 * query (`q`). Everything else is left behind, and a value that does not look like what the site
 * itself writes is dropped quietly: the link then leads to the plain counterpart. Pure, and
 * self-contained: its script is loaded beside the inlined every-page script and must share no
 * chunk with it (src/lib/build/inline-script.ts).
 */

/** An anchor the site writes: letters, digits, hyphens and underscores (turn-…, quote-…, speaker-…). */
const ANCHOR = /^#[A-Za-z][\w-]{0,99}$/;
/** A speaker id (lower-case ASCII words joined by hyphens), as the filter writes them. */
const SPEAKER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The longest query the search keeps (src/lib/search/query.ts MAX_QUERY_LENGTH). */
const MAX_QUERY = 200;
const MAX_SPEAKERS = 50;

/** The filter's speakers, if every one looks like an id; else none. */
function speakersOf(params: URLSearchParams): string | undefined {
  const value = params.get('speakers');
  if (!value) return undefined;
  const ids = value.split(',');
  return ids.length <= MAX_SPEAKERS && ids.every((id) => SPEAKER_ID.test(id)) ? ids.join(',') : undefined;
}

/** The search query, trimmed, if it is text of a sensible length without control characters. */
function queryOf(params: URLSearchParams): string | undefined {
  const q = params.get('q')?.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return q && q.length <= MAX_QUERY && !/[\u0000-\u001f\u007f]/u.test(q) ? q : undefined;
}

/**
 * The address to follow from `current` (the page's URL) to `target` (the counterpart's link, an
 * absolute URL or a path resolved against `current`). Same-origin only: a target on another
 * host is returned unchanged.
 */
export function switchHref(target: string, current: string): string {
  let from: URL;
  let to: URL;
  try {
    from = new URL(current);
    to = new URL(target, from);
  } catch {
    return target;
  }
  if (to.origin !== from.origin) return target;
  const params = new URLSearchParams();
  const speakers = speakersOf(from.searchParams);
  if (speakers) params.set('speakers', speakers);
  if (from.searchParams.get('host') === '0') params.set('host', '0');
  const q = queryOf(from.searchParams);
  if (q) params.set('q', q);
  const query = params.toString().replaceAll('%2C', ',');
  const hash = ANCHOR.test(from.hash) ? from.hash : '';
  return `${to.pathname}${query ? `?${query}` : ''}${hash}`;
}
