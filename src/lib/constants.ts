/**
 * The patterns and values more than one part of the site must agree on, with no dependencies so
 * browser scripts, schemas, the importer and the build can all import them: what an id and a
 * language tag look like, how a date is written, and the speakers' palette. The schemas
 * (src/schemas/) build their rules and messages on these; the importer checks its input with
 * the same patterns, so an import never writes what the build would then refuse. (The importer's
 * mark for a missing field, PLACEHOLDER, lives in src/lib/content/placeholder.ts.)
 */

/** An id: lower-case ASCII letters and digits in words joined by single hyphens (rules: schemas/common.ts). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A date as content and URLs write it, YYYY-MM-DD; the groups are year, month and day. */
export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A BCP 47 language tag as used in talk.yaml, folder names and `<html lang>`: `zh-CN`, `en`, `en-GB`. */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * The names of the speaker palette, as speaker files write them (`color: crimson`). Each has a
 * light- and a dark-scheme value in src/styles/global.css (`[data-color=…]`).
 */
export const SPEAKER_COLORS = [
  'crimson',
  'amber',
  'green',
  'teal',
  'blue',
  'indigo',
  'violet',
  'rose',
  'slate',
] as const;
export type SpeakerColor = (typeof SPEAKER_COLORS)[number];

/** Each palette colour's light-scheme value (global.css), for images drawn outside CSS: the social cards. */
export const SPEAKER_COLOR_HEX: Readonly<Record<SpeakerColor, string>> = {
  crimson: '#a61e2d',
  amber: '#875400',
  green: '#2d6a2f',
  teal: '#0d6466',
  blue: '#1f57a8',
  indigo: '#4338a3',
  violet: '#6d35a0',
  rose: '#a3245a',
  slate: '#4a5566',
};
