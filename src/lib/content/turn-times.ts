/**
 * The times a turn may carry for a player (`start`, `paragraphStarts` in its front matter) must
 * fit its words: one start per paragraph, in order. A wrong list would send a reader to the
 * wrong moment, so the build stops on it.
 */

/** What is wrong with a turn's paragraph starts, or undefined when they fit its paragraphs. */
export function paragraphStartsProblem(starts: readonly number[] | undefined, paragraphs: number): string | undefined {
  if (starts === undefined) return undefined;
  if (starts.length !== paragraphs) {
    return `expected one start per paragraph (${paragraphs}), found ${starts.length}`;
  }
  const back = starts.findIndex((start, index) => index > 0 && start < starts[index - 1]!);
  if (back !== -1) {
    return `expected starts that never go backwards, found ${starts[back]} after ${starts[back - 1]} (paragraph ${back + 1})`;
  }
  return undefined;
}
