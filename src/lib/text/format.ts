/**
 * src/lib/text/: how words are shown. Chinese typography (typography.ts: full-width punctuation,
 * normalised lines), the spacing between Chinese and Latin text (cjk-spacing.ts), dates and
 * counts as pages print them (this file), and the quoting, cutting and counting every error
 * message shares (messages.ts). Pure functions of strings; nothing here reads files or knows a
 * talk.
 *
 * This file: small, pure formatting helpers shared by pages and components.
 */

import { ISO_DATE_PATTERN } from '../constants';
import { readerPath, withBase } from '../sharing/routes';

/** "2023-07-06" → "2023年7月6日". Throws on anything that is not an ISO date. */
export function formatDate(iso: string): string {
  const match = ISO_DATE_PATTERN.exec(iso);
  if (!match) throw new Error(`expected an ISO date YYYY-MM-DD, found ${JSON.stringify(iso)}`);
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/**
 * How the source of a fact is shown: a link for a URL or another talk, plain words for the
 * current talk's own transcript, nothing for an unverified fact.
 */
export function factSourceLabel(
  source: string | undefined,
  currentTalk: string,
  base?: string,
): { text: string; href?: string } | undefined {
  if (source === undefined) return undefined;
  if (source === 'transcript' || source === `talk:${currentTalk}`) return { text: '见原文' };
  if (source.startsWith('talk:')) return { text: '见另一场实录', href: withBase(readerPath(source.slice(5)), base) };
  return { text: '来源', href: source };
}

/**
 * The query string of a filtered reader: `?speakers=a,b`, plus `host=0` when hiding the host.
 * Other parameters of `current` (e.g. a search highlight) are kept.
 */
export function filterQuery(speakers: readonly string[], keepHost: boolean, current = ''): string {
  const params = new URLSearchParams(current);
  params.delete('speakers');
  params.delete('host');
  if (speakers.length > 0) params.set('speakers', speakers.join(','));
  if (!keepHost) params.set('host', '0');
  const query = params.toString().replaceAll('%2C', ',');
  return query ? `?${query}` : '';
}

/**
 * Reads a filter from a query string. Unknown speaker ids, duplicates, empty and over-long
 * values are ignored; anything malformed falls back to "no filter".
 */
export function parseFilterQuery(
  search: string,
  knownSpeakers: readonly string[],
): { speakers: string[]; keepHost: boolean } {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.slice(0, 2000));
  } catch {
    return { speakers: [], keepHost: true };
  }
  const known = new Set(knownSpeakers);
  const speakers: string[] = [];
  for (const raw of params.getAll('speakers')) {
    for (const value of raw.split(',')) {
      const id = value.trim();
      if (known.has(id) && !speakers.includes(id)) speakers.push(id);
    }
  }
  return { speakers, keepHost: params.get('host') !== '0' };
}
