/**
 * Runs of Chinese inside text of another language: a Chinese term a translator quotes, an
 * original title in an English citation. Each run is marked `lang` where it is shown (the
 * MarkedText component, the rehype-mark-han plugin, the share menu's script), so that screen
 * readers and fonts treat it as Chinese. Pure, and small: the share menu's script imports it.
 */

/** A run: a Han character, then Han characters, CJK punctuation (、。「」（）…) and the middle dot. */
export const HAN_RUN = /\p{Script=Han}[\p{Script=Han}\u3000-\u303F\uFF00-\uFF65\u00B7]*/gu;

export interface TextRun {
  text: string;
  /** True for a run of Chinese. */
  han: boolean;
}

/** `text` cut into runs of Chinese and runs of anything else, in order; empty runs left out. */
export function splitHan(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(HAN_RUN)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), han: false });
    runs.push({ text: match[0], han: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), han: false });
  return runs;
}
