/**
 * The common shape every transcript format is read into: a list of cues, each with the label as
 * written (when the source names a speaker there), its source line, its words and, where the
 * format has them, its times. One grouping step (group-cues.ts) turns cues into turns, so each
 * format's reader only has to read.
 */
import type { CutRange } from './transcript';

export interface Cue {
  /** The speaker label as the source writes it, when this cue names one; else the speaker goes on. */
  label?: string | undefined;
  /** 1-based line in the source file: of the label where there is one, else of the words. */
  line: number;
  /** The words, possibly over several lines (caption line breaks); may be empty after a label. */
  text: string;
  /** Seconds from the start of the recording, when the format has times. */
  start?: number | undefined;
  end?: number | undefined;
  /** True where the source itself starts a paragraph (a line of plain text); else timing decides. */
  paragraph?: boolean | undefined;
}

/** Lines a reader removed that are not the transcript (a tool's footer), for the report. */
export interface FormatCut extends CutRange {
  /** What the lines were, e.g. "the Otter.ai footer". */
  reason: string;
}

/** What one format's reader returns. */
export interface FormatReading {
  cues: Cue[];
  cut: FormatCut[];
}

/** Han, kana and CJK punctuation: text in these scripts joins without spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** Punctuation that never has a space before it, or after it. */
const NO_SPACE_BEFORE = /^[,.;:!?%)\]}»”’…]/u;
const NO_SPACE_AFTER = /[([{«“‘]$/u;

/**
 * Joins two runs of text broken by a caption line or a cue boundary: Latin with one space,
 * CJK without ("我们" + "认为" is "我们认为"), and no space before closing punctuation.
 */
export function joinText(before: string, after: string): string {
  const a = before.trimEnd();
  const b = after.trimStart();
  if (a === '' || b === '') return a + b;
  const tight = CJK.test(a.at(-1)!) || CJK.test(b[0]!) || NO_SPACE_BEFORE.test(b) || NO_SPACE_AFTER.test(a);
  return tight ? a + b : `${a} ${b}`;
}

/** A cue's lines as one run of text. */
export const joinLines = (text: string): string => text.split('\n').reduce(joinText, '');
