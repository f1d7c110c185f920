/**
 * The little grammar the dictionaries share: reading an ISO date into numbers, and English
 * counts ("1 turn", "2 turns") by the language's plural rules. Chinese needs no plural forms.
 * Pure; used by zh-CN.ts and en.ts, tested in tests/unit/i18n.test.ts.
 */
import { ISO_DATE_PATTERN } from '../constants';

/** Year, month and day of an ISO date (YYYY-MM-DD), as numbers. Throws on anything else. */
export function isoParts(iso: string): [number, number, number] {
  const match = ISO_DATE_PATTERN.exec(iso);
  if (!match) throw new Error(`expected an ISO date YYYY-MM-DD, found ${JSON.stringify(iso)}`);
  const [, year, month, day] = match;
  return [Number(year), Number(month), Number(day)];
}

let englishPlural: Intl.PluralRules | undefined;

/**
 * "1 turn", "2 turns", "0 turns": `count` with the noun in the form English uses for it.
 * `other` defaults to the noun plus "s".
 */
export function countOf(count: number, one: string, other = `${one}s`): string {
  englishPlural ??= new Intl.PluralRules('en');
  return `${count.toLocaleString('en')} ${englishPlural.select(count) === 'one' ? one : other}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2023-07-06" → "July 6, 2023", the same on every machine (no locale data involved). */
export function englishDate(iso: string): string {
  const [year, month, day] = isoParts(iso);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}
