/**
 * The small text helpers every error message and report uses, kept in one place so that a value
 * is quoted, a long passage cut and a count worded the same way everywhere ("expected X, found
 * Y"). The catalog, the note reader, the image check, the importer, the translation check and
 * the permalink check all take them from here.
 */

/** A value as a message shows it: quoted, with escapes, so a stray space or an empty string is visible. */
export const show = (value: string): string => JSON.stringify(value);

/** Text cut to `max` characters (UTF-16 units), the last one an ellipsis, for quoting in a message. */
export const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "1 turn", "2 turns": an English count for CLI reports. */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Counts occurrences of `needle` in `haystack`, overlapping ones included ("哈哈" in "哈哈哈": 2). */
export function countOccurrences(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    count += 1;
  }
  return count;
}
