/**
 * Text fragments (`#<turn>:~:text=…`, https://wicg.github.io/scroll-to-text-fragment/) for a
 * passage the reader selected. The page is modelled as its blocks of text (paragraphs,
 * headings…) in document order; a browser takes the first match in the document, so the
 * directive gets just enough prefix/suffix context that only the selected passage matches.
 */

/** Where a selection starts and ends: block index and character offset within that block. */
export interface PassagePoint {
  block: number;
  offset: number;
}

export interface TextDirective {
  prefix?: string | undefined;
  start: string;
  end?: string | undefined;
  suffix?: string | undefined;
}

/** Passages longer than this become a `start,end` range, so links stay short. */
export const MAX_EXACT = 48;
/** Length of `start` and `end` in a range directive. */
export const RANGE_PART = 16;

/**
 * Percent-encodes one directive value: `encodeURIComponent` plus `-`, which the syntax uses
 * for prefix- and -suffix (`&` and `,` are already encoded by it).
 */
export function encodeDirectivePart(text: string): string {
  return encodeURIComponent(text).replaceAll('-', '%2D');
}

/** `text=prefix-,start,end,-suffix` with each part encoded. */
export function serializeDirective(directive: TextDirective): string {
  const parts = [
    directive.prefix ? `${encodeDirectivePart(directive.prefix)}-` : undefined,
    encodeDirectivePart(directive.start),
    directive.end ? encodeDirectivePart(directive.end) : undefined,
    directive.suffix ? `-${encodeDirectivePart(directive.suffix)}` : undefined,
  ];
  return `text=${parts.filter((part) => part !== undefined).join(',')}`;
}

/** The turn's permalink with the directive: `https://…/#turn:~:text=…`. */
export function passageUrl(turnUrl: string, directive: TextDirective): string {
  return `${turnUrl}:~:${serializeDirective(directive)}`;
}

interface Match {
  block: number;
  /** Where `start` begins. */
  at: number;
}

/** Every place `prefix + start (+ suffix, for an exact match)` occurs, inside one block each. */
function findStarts(blocks: readonly string[], directive: TextDirective): Match[] {
  const head = `${directive.prefix ?? ''}${directive.start}${directive.end === undefined ? (directive.suffix ?? '') : ''}`;
  const matches: Match[] = [];
  blocks.forEach((text, block) => {
    for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, at + 1)) {
      matches.push({ block, at: at + (directive.prefix?.length ?? 0) });
    }
  });
  return matches;
}

/** The first `end (+ suffix)` after a start, as the browser looks for it: where it ends. */
function findEnd(blocks: readonly string[], from: Match, directive: TextDirective): PassagePoint | undefined {
  const tail = `${directive.end ?? ''}${directive.suffix ?? ''}`;
  for (let block = from.block; block < blocks.length; block += 1) {
    const text = blocks[block]!;
    const at = text.indexOf(tail, block === from.block ? from.at + directive.start.length : 0);
    if (at !== -1) return { block, offset: at + (directive.end?.length ?? 0) };
  }
  return undefined;
}

/**
 * How many places the directive matches, and whether the first is the passage from `start` to
 * `end`. Exported for tests; the browser's matching also checks word boundaries, which this
 * model ignores (in Chinese text every character boundary is one for this purpose).
 */
export function matchDirective(
  blocks: readonly string[],
  directive: TextDirective,
): { count: number; first?: { start: PassagePoint; end: PassagePoint } | undefined } {
  const starts = findStarts(blocks, directive);
  const found: { start: PassagePoint; end: PassagePoint }[] = [];
  for (const match of starts) {
    const start = { block: match.block, offset: match.at };
    if (directive.end === undefined) {
      found.push({ start, end: { block: match.block, offset: match.at + directive.start.length } });
    } else {
      const end = findEnd(blocks, match, directive);
      if (end) found.push({ start, end });
    }
  }
  return { count: found.length, first: found[0] };
}

const samePoint = (a: PassagePoint | undefined, b: PassagePoint) =>
  a !== undefined && a.block === b.block && a.offset === b.offset;

/**
 * The directive for the passage from `start` to `end` (end exclusive). Leading and trailing
 * whitespace of the selection is dropped. Context grows (4, 8, 16, 32 characters, never past
 * the passage's block) until the passage is the only match; when even a whole block of context
 * cannot tell two identical passages apart, the widest context is returned.
 */
export function buildTextDirective(blocks: readonly string[], start: PassagePoint, end: PassagePoint): TextDirective {
  const from = { ...start };
  const to = { ...end };
  const startText = blocks[from.block] ?? '';
  while (from.offset < startText.length && /\s/u.test(startText[from.offset]!)) from.offset += 1;
  const endText = blocks[to.block] ?? '';
  while (to.offset > 0 && /\s/u.test(endText[to.offset - 1]!)) to.offset -= 1;

  const single = from.block === to.block;
  const passage = single ? startText.slice(from.offset, to.offset) : '';
  if (single && passage === '') throw new Error('expected a selected passage with text, found only whitespace');
  const core: TextDirective =
    single && Array.from(passage).length <= MAX_EXACT
      ? { start: passage }
      : {
          start: startText
            .slice(
              from.offset,
              single ? from.offset + RANGE_PART : Math.min(startText.length, from.offset + RANGE_PART),
            )
            .trimEnd(),
          end: endText
            .slice(Math.max(single ? from.offset + RANGE_PART : 0, to.offset - RANGE_PART), to.offset)
            .trimStart(),
        };

  const before = startText.slice(0, from.offset);
  const after = endText.slice(to.offset);
  const target = { start: from, end: to };
  const isOurs = (directive: TextDirective) => {
    const { count, first } = matchDirective(blocks, directive);
    return count === 1 && samePoint(first?.start, target.start) && samePoint(first?.end, target.end);
  };
  if (isOurs(core)) return core;
  let widest: TextDirective = core;
  for (const size of [4, 8, 16, 32, Math.max(before.length, after.length)]) {
    const prefix = before.slice(-size).trimStart();
    const suffix = after.slice(0, size).trimEnd();
    const candidate: TextDirective = { ...core, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
    widest = candidate;
    if (isOurs(candidate)) return candidate;
  }
  return widest;
}
