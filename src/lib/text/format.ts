/**
 * src/lib/text/: how words are shown. Chinese typography (typography.ts: full-width punctuation,
 * normalised lines), the spacing between Chinese and Latin text (cjk-spacing.ts), dates and
 * counts as pages print them (this file), and the quoting, cutting and counting every error
 * message shares (messages.ts). Pure functions of strings; nothing here reads files or knows a
 * talk.
 *
 * This file: small, pure formatting helpers shared by pages and components.
 */

import { DEFAULT_LOCALE, ui, type Locale } from '../i18n/ui';
import { localized, readerPath, withBase } from '../sharing/routes';

/** "2023-07-06" → "2023年7月6日" (or "July 6, 2023" in English). Throws on anything that is not an ISO date. */
export function formatDate(iso: string, locale: Locale = DEFAULT_LOCALE): string {
  return ui(locale).site.date(iso);
}

/**
 * How the source of a fact is shown: a link for a URL or another talk, plain words for the
 * current talk's own transcript, nothing for an unverified fact.
 */
export function factSourceLabel(
  source: string | undefined,
  currentTalk: string,
  base?: string,
  locale: Locale = DEFAULT_LOCALE,
): { text: string; href?: string } | undefined {
  if (source === undefined) return undefined;
  const t = ui(locale).sourceNotes;
  if (source === 'transcript' || source === `talk:${currentTalk}`) return { text: t.inTranscript };
  if (source.startsWith('talk:')) {
    return { text: t.otherTalk, href: withBase(localized(locale, readerPath(source.slice(5))), base) };
  }
  return { text: t.source, href: source };
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
