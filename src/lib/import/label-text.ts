/**
 * What a speaker label says, as opposed to how it is written. Transcripts print one person as
 * `Sen. Richard Roe (D-CT)`, `DR. JANE DOE` or `姚期智教授（清华大学）`; the importer must see the
 * same name in each, and must refuse labels whose invisible characters make them look like a
 * name they are not. Pure text functions; the resolver (label-resolver.ts) decides who is meant.
 */

/**
 * Titles written before a name (compared without case, with or without a full stop). Only
 * honorifics and offices that precede a name; roles that stand instead of a name (Moderator)
 * are in ROLE_WORDS.
 */
export const LATIN_TITLES = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Prof',
  'Professor',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
  'Hon',
  'Rev',
  'Fr',
  'Sen',
  'Senator',
  'Rep',
  'Representative',
  'Gov',
  'Governor',
  'Judge',
  'Justice',
  'President',
] as const;

/** Titles written after a Chinese name (simplified and traditional forms). */
export const CJK_TITLES = [
  '教授',
  '老师',
  '老師',
  '博士',
  '先生',
  '女士',
  '小姐',
  '院士',
  '研究员',
  '研究員',
  '校长',
  '校長',
  '主任',
  '董事长',
  '董事長',
  '总裁',
  '總裁',
  '总经理',
  '總經理',
  '部长',
  '部長',
  '主席',
  '同学',
  '同學',
] as const;

/**
 * Labels that name a part someone plays, not a person: a role (主持人, MODERATOR) or a
 * diarization id (SPEAKER_00, Speaker 2). They may be followed by a number or letter (嘉宾1,
 * Guest B). Compared after normalisation (lower case).
 */
export const ROLE_WORDS = [
  'moderator',
  'host',
  'co-host',
  'chair',
  'interviewer',
  'interviewee',
  'panelist',
  'panellist',
  'guest',
  'speaker',
  'spk',
  'audience',
  'audience member',
  'question',
  'answer',
  'q',
  'a',
  'participant',
  'narrator',
  'announcer',
  'reporter',
  'unknown',
  'unknown speaker',
  'voice',
  'man',
  'woman',
  'male',
  'female',
  '主持人',
  '主持',
  '嘉宾',
  '嘉賓',
  '观众',
  '觀眾',
  '听众',
  '聽眾',
  '提问',
  '提問',
  '提问者',
  '提問者',
  '记者',
  '記者',
  '问',
  '問',
  '答',
  '发言人',
  '發言人',
  '说话人',
  '說話人',
  '旁白',
  '现场观众',
  '現場觀眾',
  '未知',
] as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN_TITLE = new RegExp(`^(?:${LATIN_TITLES.map(escapeRegExp).join('|')})(?:\\.\\s*|\\s+)`, 'iu');
const CJK_TITLE = new RegExp(`\\s*(?:${[...CJK_TITLES].sort((a, b) => b.length - a.length).join('|')})$`, 'u');
/** A bracketed part at the end: an affiliation, party or place (half- or full-width after NFKC). */
const AFFILIATION = /\s*(?:\(([^()]*)\)|\[([^[\]]*)\]|【([^【】]*)】|〔([^〔〕]*)〕|〖([^〖〗]*)〗)$/u;
const ROLE = new RegExp(
  `^(?:${[...ROLE_WORDS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})` + '(?:[\\s_#-]*[0-9]{1,3}|[\\s_#-]+[a-z]|[\\s_#-]*[一二三四五六七八九十甲乙丙丁])?$',
  'u',
);

/** Unicode format characters (category Cf): zero-width, joiners, bidi controls, BOM. */
const FORMAT = /\p{Cf}/gu;
const HAN = /\p{Script=Han}/u;

/** Names of the format characters a transcript is likely to carry; others are "FORMAT CHARACTER". */
const FORMAT_NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The distinct format characters in `text`, in order of first appearance. */
export function formatCharacters(text: string): number[] {
  return [...new Set([...text.matchAll(FORMAT)].map((match) => match[0].codePointAt(0)!))];
}

/** `U+200D ZERO WIDTH JOINER`. */
export function describeCodePoint(cp: number): string {
  return `${codePoint(cp)} ${FORMAT_NAMES[cp] ?? 'FORMAT CHARACTER'}`;
}

/**
 * A label quoted for a message, every invisible character shown as `\u{…}`: a label carrying
 * U+200B or a right-to-left override must not look like the name it imitates.
 */
export function showLabel(label: string): string {
  let out = '"';
  for (const char of label) {
    const cp = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (/[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u.test(char) || (cp !== 0x20 && /\p{Zs}/u.test(char)))
      out += `\\u{${cp.toString(16).toUpperCase()}}`;
    else out += char;
  }
  return `${out}"`;
}

/** "…" contains U+200D ZERO WIDTH JOINER (and U+200B ZERO WIDTH SPACE), or undefined. */
export function describeFormatCharacters(label: string): string | undefined {
  const found = formatCharacters(label);
  if (found.length === 0) return undefined;
  return `${showLabel(label)} contains ${found.map(describeCodePoint).join(' and ')}`;
}

/** What a label says once its writing is set aside. */
export interface LabelParts {
  /** The name as written, without titles, brackets or format characters (NFKC, spaces collapsed). */
  name: string;
  /** `name` compared: lower case, no space between Han characters. Empty if nothing is left. */
  key: string;
  /** Titles removed, as written (`Sen.`, `教授`). */
  titles: string[];
  /** Bracketed parts removed, without the brackets (`D-CT`, `Lumen Labs`). */
  brackets: string[];
}

const collapse = (text: string) => text.replace(/[\p{Zs}\t]+/gu, ' ').trim();

/** The comparison key of a name: lower case, spaces collapsed, none beside a Han character. */
export function nameKey(name: string): string {
  return collapse(name.normalize('NFKC').replace(FORMAT, ''))
    .toLowerCase()
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '');
}

/**
 * Splits a label into the name and its decoration: NFKC normalisation (full-width letters,
 * brackets and spaces become plain ones), format characters dropped, then bracketed parts at
 * the end and titles (LATIN_TITLES before the name, CJK_TITLES after it) removed, as long as
 * something is left.
 */
export function labelParts(label: string): LabelParts {
  let name = collapse(label.normalize('NFKC').replace(FORMAT, ''));
  const titles: string[] = [];
  const brackets: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    const bracket = AFFILIATION.exec(name);
    if (bracket && bracket.index > 0) {
      brackets.unshift(collapse(bracket.slice(1).find((part) => part !== undefined) ?? ''));
      name = name.slice(0, bracket.index).trim();
      changed = true;
    }
    const latin = LATIN_TITLE.exec(name);
    if (latin && latin[0].length < name.length) {
      titles.push(latin[0].trim());
      name = name.slice(latin[0].length).trim();
      changed = true;
    }
    const cjk = CJK_TITLE.exec(name);
    if (cjk && cjk.index > 0) {
      titles.push(cjk[0].trim());
      name = name.slice(0, cjk.index).trim();
      changed = true;
    }
  }
  return { name, key: nameKey(name), titles, brackets };
}

/** True when a (normalised) label names a role or a diarization id rather than a person. */
export function isRoleLabel(label: string): boolean {
  const key = nameKey(label);
  return ROLE.test(key) || ROLE.test(labelParts(label).key);
}

/** Sentence punctuation no name holds (a full stop after an initial, J. R. Smith, is allowed). */
const SENTENCE = /[，。、；？！,;?!:：“”"‘《》()（）]/u;

/**
 * True when a label's name part could be a name: 1–24 characters with no sentence punctuation
 * (full stops only after an initial; apostrophes only inside a word, as in O'Brien). Used to
 * tell an unknown speaker line (which stops the import) from speech that ends in a colon.
 */
export function isNameShaped(label: string): boolean {
  const { name } = labelParts(label);
  const length = [...name].length;
  if (length === 0 || length > 24 || SENTENCE.test(name)) return false;
  if (/\./u.test(name.replace(/(?<![\p{L}])\p{Lu}\./gu, ''))) return false;
  return !/['’](?!\p{L})|(?<!\p{L})['’]/u.test(name);
}

/**
 * True when a line holds a decorated name (a Latin title before it, a bracketed part after it,
 * or a format character in it): such a line alone is a speaker line even when nobody answers to
 * it, so it stops the import instead of passing as the previous speaker's words.
 */
export function isDecoratedName(line: string): boolean {
  if (!isNameShaped(line)) return false;
  const parts = labelParts(line);
  const latinTitle = parts.titles.some((title) => !HAN.test(title));
  return latinTitle || parts.brackets.length > 0 || formatCharacters(line).length > 0;
}

/** True when the label is a Han-script name (its id cannot be derived without a romanisation). */
export const isHanName = (name: string) => HAN.test(name);
