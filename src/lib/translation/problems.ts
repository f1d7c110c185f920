/**
 * One translation problem: the file, the field, what was expected and what was found. It has
 * the shape of the catalog's ContentProblem, so a build can throw `new ContentError(problems)`
 * and print it the same way (src/lib/content/catalog.ts formatProblem).
 */
export interface TranslationProblem {
  /** Path of the file, as messages show it (relative to the repository). */
  file: string;
  /** Field of the file: a front-matter path (`quotes[0].span`), `body`, `body paragraph 2`, `file`. */
  field: string;
  /** Line in the file, when one place can be named. */
  line?: number;
  expected: string;
  found: string;
  /** "expected …, found …": what a reader of the build log sees after file and field. */
  message: string;
}

export function problem(
  file: string,
  field: string,
  expected: string,
  found: string,
  line?: number,
): TranslationProblem {
  return {
    file,
    field,
    ...(line === undefined ? {} : { line }),
    expected,
    found,
    message: `expected ${expected}, found ${found}`,
  };
}

/** A value quoted for messages, long text cut to `max` characters. */
export function quoted(text: string, max = 60): string {
  const chars = Array.from(text);
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text);
}

/**
 * A problem from a message already phrased by our schemas or src/lib/content/notes.ts ("Unexpected X:
 * expected Y, found Z" or "expected Y, found Z"), split into what was expected and found.
 */
export function problemFromMessage(file: string, field: string, message: string, line?: number): TranslationProblem {
  const unexpected = /^Unexpected (.+?)[:,] expected (.+?)(?:, found (.+))?$/su.exec(message);
  if (unexpected) return problem(file, field, unexpected[2]!, unexpected[1]!, line);
  const expected = /^expected (.+?), found (.+)$/su.exec(message);
  if (expected) return problem(file, field, expected[1]!, expected[2]!, line);
  return problem(file, field, 'a value that fits the schema', message, line);
}
