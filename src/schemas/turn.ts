import { z } from 'astro/zod';
import { AnchorSchema, strictObject } from './common';

/**
 * A key quote (金句): the editor's headline wording, anchored to the exact span of the turn
 * that it paraphrases. The span is highlighted in the text with `id="quote-<id>"`.
 */
export const KeyQuoteSchema = strictObject({
  /** Stable id; the quote's anchor is `quote-<id>`. */
  id: AnchorSchema,
  /** The editor's headline wording, as the source's 金句汇总 gives it. */
  headline: z.string().trim().min(1),
  /** Exact text of the turn that the headline paraphrases; must occur exactly once. */
  span: z.string().trim().min(1),
});

/**
 * Front matter of one speaker turn: `content/talks/<talk>/turns/<nn>-<anchor>.md`.
 * The Markdown body is the speaker's words, one paragraph per line.
 */
export const TurnSchema = strictObject({
  /** Stable anchor of the turn (its `id` on the page). Never derived from position. */
  anchor: AnchorSchema,
  /** Order of the turn in the talk, from 1; unique within the talk. */
  position: z.number().int().positive(),
  /** Speaker id: a file name in `content/speakers/`. */
  speaker: z.string().trim().min(1),
  /** The speaker label exactly as the source prints it, when it differs from the name. */
  sourceLabel: z.string().trim().min(1).optional(),
  /** Key quotes anchored in this turn. Default: none. */
  quotes: z.array(KeyQuoteSchema).default([]),
  /**
   * Seconds into the recording where the turn starts, for a player to seek to; written by
   * `npm run import` from timed transcripts (captions, JSON, meeting exports). Default: none.
   */
  start: z.number().nonnegative().optional(),
  /**
   * Seconds where each paragraph starts: one entry per paragraph, never going backwards (the
   * build checks both). Written where every paragraph's start is known. Default: none.
   */
  paragraphStarts: z.array(z.number().nonnegative()).optional(),
});

export type Turn = z.infer<typeof TurnSchema>;
export type KeyQuote = z.infer<typeof KeyQuoteSchema>;
