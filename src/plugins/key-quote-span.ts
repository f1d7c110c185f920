/** Pure helpers for locating a key quote's span inside text. */

export interface SpanSplit {
  before: string;
  span: string;
  after: string;
}

/**
 * Splits `text` around the single occurrence of `span`. Returns undefined when the span does
 * not occur, and throws when it occurs more than once (a span must pick one place).
 */
export function splitAtSpan(text: string, span: string): SpanSplit | undefined {
  const at = text.indexOf(span);
  if (at === -1 || span === '') return undefined;
  if (text.indexOf(span, at + 1) !== -1) {
    throw new Error(`expected the span to occur once, found it twice: ${JSON.stringify(span)}`);
  }
  return { before: text.slice(0, at), span, after: text.slice(at + span.length) };
}
