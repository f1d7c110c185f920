/**
 * What LOOKS like a speaker label: "Name:", "姓名：", "Sen. Richard Roe (D-CT):", "主持人：",
 * "Speaker 5:". Deciding WHO a label names is the resolver's job (label-resolver.ts); this module
 * only decides which text is shaped like one, so that every such line reaches the resolver and an
 * unknown label stops the import instead of being read as the previous speaker's words. The rules
 * lean towards "looks like a label": a false alarm stops the import with the line named, while a
 * missed label would credit words to the wrong person.
 */
import { labelKey, type LabelResolver } from './label-resolver';
import { namesDirection } from './directions';
import { formatCharacters, isDecoratedName, labelParts } from './label-text';

/** A label found at the start of a line, and the words after it on that line. */
export interface LabelMatch {
  /** As written (spaces normalised): title, name and affiliation, without the colon. */
  label: string;
  /** The words after the colon, trimmed; empty for a label alone on its line. */
  rest: string;
}

/** Longest label, affiliation included ("Maria Okafor (Lumen Labs)" is 25). */
const MAX_LABEL = 48;
/** Words in a Latin name part ("Sen. Richard J. Roe Jr." is 5). */
const MAX_WORDS = 6;
/** Characters in a Chinese name part ("清华大学交叉信息研究院院长" is 13). */
const MAX_CJK = 16;

const HAN = /\p{Script=Han}/u;
/** Punctuation that ends or splits sentences, quotes, and characters no name holds. */
const NOT_IN_NAME = /[，。、；？！,;?!"“”「」『』…/\\@#=<>*|~`()（）[\]【】{}：:]/u;
/** Titles written with a full stop, compared without case ("DR." is "Dr."). */
const TITLES = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'capt',
  'lt',
  'sgt',
  'maj',
  'adm',
  'hon',
  'rev',
  'fr',
  'sr',
  'jr',
  'st',
  'pres',
  'amb',
  'sec',
  'dir',
  'insp',
  'supt',
]);
/** Lower-case words a name or role may hold ("Ursula von der Leyen", "Head of Research"). */
const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'du',
  'la',
  'le',
  'bin',
  'al',
  'el',
  'ten',
  'ter',
  'y',
  'dos',
  'das',
  'do',
  'of',
  'the',
  'and',
  'for',
  'on',
]);
/** A word of a Latin name: letters, digits, and the joiners names use (O'Brien, Jean-Luc, SPEAKER_00). */
const NAME_WORD = /^[\p{L}\p{M}\d][\p{L}\p{M}\d'’\-_.&]*$/u;
/** What speech recognisers call speakers: "Speaker 1", "spk_0", "SPEAKER_00", "Guest 2". */
const TOOL_LABEL = /^\p{L}+[ _-]?\d+$/u;
/** Chinese that introduces quoted or reported speech ("他说：", "我想补充：") rather than naming someone. */
const REPORTED_SPEECH = /.(说|问|道|讲|表示|认为|指出|提到|强调|回答|补充|介绍|如下|是)$/u;
/** Characters of everyday Chinese sentences that no name or role holds. */
const NOT_IN_CJK_NAME = /[的了我你这那吗呢吧么就都也还]/u;
/** Chinese that introduces a point of one's own ("一个问题：", "我的建议："), not a speaker. */
const INTRODUCES_POINT = /(问题|原因|结论|答案|例子|观点|建议|看法|理由)$/u;
/** Chinese list items and notes: "第一：", "首先：", "注：". */
const DISCOURSE =
  /^(第[一二三四五六七八九十百千\d]+|首先|其次|再次|然后|最后|另外|此外|比如|例如|总之|总结|注意|备注|注|附)/u;
/** A label alone on its line, as the importer has read it from the start (kept for such lines). */
const LABEL_ALONE = /^[^，。、；？！,.;?!:：“”"'‘’（）()《》]{1,24}$/u;

/** "Maria Okafor (Lumen Labs)" → name "Maria Okafor", affiliation "Lumen Labs". */
function splitAffiliation(prefix: string): { name: string; affiliation: string | undefined } | undefined {
  const match = /^(.*?)\s*[(（]([^()（）]*)[)）]$/u.exec(prefix);
  if (!match) return { name: prefix, affiliation: undefined };
  const affiliation = match[2]!.trim();
  return affiliation === '' ? undefined : { name: match[1]!.trim(), affiliation };
}

function latinName(name: string): boolean {
  if (TOOL_LABEL.test(name)) return true;
  const words = name.split(' ');
  if (words.length > MAX_WORDS) return false;
  return words.every((word, index) => {
    if (!NAME_WORD.test(word)) return false;
    // A full stop only after a title ("Dr.") or an initial ("J." or "J.R.").
    const bare = word.replace(/\.$/u, '');
    if (bare.includes('.') && !/^(\p{Lu}\.)*\p{Lu}$/u.test(bare)) return false;
    if (
      word.endsWith('.') &&
      !TITLES.has(bare.toLowerCase()) &&
      !/^\p{Lu}$/u.test(bare) &&
      !/^(\p{Lu}\.)+\p{Lu}$/u.test(bare)
    )
      return false;
    // Capitalised, a digit, or a script without case (Hangul, kana).
    if (/^[\p{Lu}\p{Lt}\p{Lo}\d]/u.test(word)) return true;
    return index > 0 && PARTICLES.has(word);
  });
}

function cjkName(name: string): boolean {
  return (
    [...name.replace(/ /g, '')].length <= MAX_CJK &&
    !REPORTED_SPEECH.test(name) &&
    !INTRODUCES_POINT.test(name) &&
    !NOT_IN_CJK_NAME.test(name) &&
    !DISCOURSE.test(name)
  );
}

/**
 * True when `prefix` (the text before a colon) is shaped like a speaker label: short, with a
 * letter, no sentence punctuation, at most one trailing affiliation in brackets, full stops only
 * in titles and initials, and words that a name or role would use. Times ("10:30"), URLs and
 * directions ("(laughs)") are not labels.
 */
export function looksLikeLabel(prefix: string): boolean {
  if (prefix === '' || prefix.length > MAX_LABEL || !/\p{L}/u.test(prefix)) return false;
  const parts = splitAffiliation(prefix);
  if (!parts || parts.name === '' || NOT_IN_NAME.test(parts.name)) return false;
  return HAN.test(parts.name) ? cjkName(parts.name) : latinName(parts.name);
}

/**
 * The label a line starts with, if it has one: the text before the first colon when it is a known
 * label or looks like one (see looksLikeLabel). In plain text (`lines: true`, the default), where
 * a line is a paragraph, also a known name or alias alone on its line, and a label alone on its
 * line by the importer's first rule (LABEL_ALONE). Captions break lines anywhere, so there a
 * name alone on a line, or a short line ending in a colon, is read as words.
 */
export function matchLabel(raw: string, labels: Pick<LabelResolver, 'knows'>, lines = true): LabelMatch | undefined {
  const text = labelKey(raw);
  if (text === '') return undefined;
  if (lines && labels.knows(text)) return { label: text, rest: '' };
  const colon = /[:：]/u.exec(text);
  if (!colon) return lines && isDecoratedAlone(text) ? { label: text, rest: '' } : undefined;
  const label = labelKey(text.slice(0, colon.index));
  const rest = text.slice(colon.index + 1).trim();
  if (rest.startsWith('//')) return undefined;
  if (label !== '' && labels.knows(label)) return { label, rest };
  const shaped = looksLikeLabel(label) || (lines && rest === '' && LABEL_ALONE.test(label));
  return shaped ? { label, rest } : undefined;
}

/**
 * A name alone on its line, decorated so that an exact lookup misses it: a format character
 * (`姚期智` + U+200D), a title or a bracketed affiliation (`Dr. Jane Doe (Lumen Labs)`). It is a
 * speaker line that must resolve or stop the import, never words credited to the previous speaker.
 */
function isDecoratedAlone(text: string): boolean {
  if (!isDecoratedName(text)) return false;
  if (formatCharacters(text).length > 0) return true;
  // "OK (laughs)" is words and a stage direction, not a name with an affiliation.
  return looksLikeLabel(text) && !labelParts(text).brackets.some(namesDirection);
}
