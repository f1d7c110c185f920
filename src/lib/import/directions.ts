/**
 * Stage directions in a transcript — "[Applause]", "(laughs)", "（笑）", "（掌声）" — are not the
 * speaker's words. The importer keeps them where they stand and writes them as emphasis, with
 * their brackets, so the reader shows them as directions. One rule decides what a direction is,
 * both when a transcript is read (a direction is never a speaker's label) and when a turn's
 * Markdown is written.
 */

/** One run of a paragraph: the speaker's words, or a direction (brackets included). */
export interface TextPiece {
  text: string;
  direction: boolean;
}

/** Bracket pairs a direction is written in. */
const PAIRS: Record<string, string> = { '[': ']', '(': ')', '（': '）', '【': '】' };
const BRACKETED = /[[(（【]([^[\]()（）【】]*)[\])）】]/gu;

/** Sounds and events that transcripts put in brackets (English stems: "laugh" covers "laughs", "laughter"). */
const STEMS =
  /\b(laugh|applau|cheer|clap|music|inaudible|crosstalk|cross talk|chuckl|sigh|cough|silence|pause|unintelligible|indistinct|noise|blank audio|static|foreign)/u;
/** The same in Chinese: 笑 (laughs), 掌声/鼓掌 (applause), 音乐 (music), 听不清 (inaudible), … */
const CJK_STEMS = /笑|掌声|鼓掌|音乐|听不清|沉默|停顿|咳/u;
/** An inline direction is short: a few words, or a few Chinese characters. */
const MAX_WORDS = 4;
const MAX_CJK = 6;
/** A bracketed line standing alone may hold any short direction ("[Video plays]"). */
const MAX_ALONE_WORDS = 6;
const MAX_ALONE_CJK = 12;
const HAN = /\p{Script=Han}/u;
const SENTENCE = /[。！？.!?，,;；]/u;

function short(inner: string, words: number, cjk: number): boolean {
  return HAN.test(inner) ? [...inner.replace(/\s/g, '')].length <= cjk : inner.split(/\s+/u).length <= words;
}

/** True when a bracketed phrase's inner text names a sound or event ("laughs", "掌声"). */
export function namesDirection(inner: string): boolean {
  const words = inner.trim().toLowerCase().replace(/_/g, ' ');
  if (words === '' || !short(words, MAX_WORDS, MAX_CJK)) return false;
  return HAN.test(words) ? CJK_STEMS.test(words) : STEMS.test(words);
}

/** True when the whole text is one bracketed phrase that reads as a direction. */
export function isDirection(text: string): boolean {
  const trimmed = text.trim();
  const open = trimmed[0];
  if (open === undefined || PAIRS[open] !== trimmed.at(-1) || trimmed.length < 3) return false;
  const inner = trimmed.slice(1, -1).trim();
  if (inner === '' || /[[\]()（）【】]/u.test(inner)) return false;
  if (namesDirection(inner)) return true;
  return !SENTENCE.test(inner) && short(inner, MAX_ALONE_WORDS, MAX_ALONE_CJK);
}

/**
 * A paragraph split into words and directions. A paragraph that is one bracketed phrase is a
 * direction if isDirection says so; inside text, only bracketed sounds and events are.
 */
export function splitDirections(paragraph: string): TextPiece[] {
  if (isDirection(paragraph)) return [{ text: paragraph, direction: true }];
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of paragraph.matchAll(BRACKETED)) {
    const [whole, inner = ''] = match;
    if (PAIRS[whole[0]!] !== whole.at(-1) || !namesDirection(inner)) continue;
    if (match.index > at) pieces.push({ text: paragraph.slice(at, match.index), direction: false });
    pieces.push({ text: whole, direction: true });
    at = match.index + whole.length;
  }
  if (at < paragraph.length) pieces.push({ text: paragraph.slice(at), direction: false });
  return pieces;
}

/**
 * A direction as Markdown: its brackets around emphasis, "\[*Applause*\]", "（*笑*）". The
 * emphasis sits inside the brackets because CommonMark opens emphasis before punctuation only
 * after a space or punctuation, which Chinese text does not have ("谢谢*（笑）*" stays literal).
 */
export function directionMarkdown(direction: string, escapeInline: (text: string) => string): string {
  const trimmed = direction.trim();
  const bracket = (mark: string) => (mark === '[' || mark === ']' ? `\\${mark}` : mark);
  return `${bracket(trimmed[0]!)}*${escapeInline(trimmed.slice(1, -1).trim())}*${bracket(trimmed.at(-1)!)}`;
}
