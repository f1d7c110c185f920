/**
 * `--create-speakers`: a stub content/speakers/<id>.yaml for each person the transcript names
 * whom content/speakers does not know, so one command imports a talk with new people and the
 * editor then fills in the blanks. What the transcript cannot tell (role, affiliation, a Han
 * name's romanisation) is the importer's PLACEHOLDER, which the build refuses until replaced.
 *
 * The id is derived only where that is not a guess: a Latin-script name becomes lower-case
 * ASCII words joined by hyphens (accents dropped: "Zoë O'Brien" → zoe-obrien). A Han name has
 * several romanisations and polyphonic characters, so its id is asked for instead
 * (`--speaker 王五=wang-wu`).
 */
import { parseDocument, stringify } from 'yaml';
import { SPEAKER_COLORS } from '../constants';
import { PLACEHOLDER } from '../content/placeholder';
import { ImportError } from './transcript';
import { isHanName, showLabel } from './label-text';

type Color = (typeof SPEAKER_COLORS)[number];

/** Letters NFKD does not take apart into an ASCII letter and an accent. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };
const LATIN_NAME = /^[\p{Script=Latin}\p{M}0-9 .'’-]+$/u;

/**
 * The id of a new speaker named `name`, or an ImportError at `where` saying to pass
 * --speaker. `label` is the label as written, for the message.
 */
export function stubSpeakerId(name: string, label: string, where: string): string {
  const ask = `pass --speaker ${showLabel(label)}=<speaker-id> (lower-case ASCII words joined by hyphens) and the stub gets that id`;
  if (isHanName(name)) {
    throw new ImportError(
      where,
      undefined,
      `--create-speakers: expected a name in Latin letters to derive an id from, found the Han name ${showLabel(name)} (its romanisation is the editor's call): ${ask}`,
    );
  }
  if (!LATIN_NAME.test(name)) {
    throw new ImportError(
      where,
      undefined,
      `--create-speakers: expected a name in Latin letters to derive an id from, found ${showLabel(name)}: ${ask}`,
    );
  }
  const id = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/./gu, (char) => FOLD[char] ?? char)
    .replace(/['’]/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id) || id.length > 48) {
    throw new ImportError(
      where,
      undefined,
      `--create-speakers: expected an id of at most 48 characters starting with a letter, found ${JSON.stringify(id)} from ${showLabel(name)}: ${ask}`,
    );
  }
  return id;
}

/** A stub's name: as the label wrote it, but an all-capitals Latin name (DR. JANE DOE) in title case. */
export function stubName(name: string): string {
  if (isHanName(name) || name !== name.toUpperCase() || name === name.toLowerCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * The palette colour least used among the talk's speakers (so their turns look different),
 * then least used across all speakers, then first in the palette.
 */
export function chooseColor(talkColors: readonly string[], allColors: readonly string[]): Color {
  const count = (list: readonly string[], color: string) => list.filter((used) => used === color).length;
  return [...SPEAKER_COLORS].sort(
    (a, b) =>
      count(talkColors, a) - count(talkColors, b) ||
      count(allColors, a) - count(allColors, b) ||
      SPEAKER_COLORS.indexOf(a) - SPEAKER_COLORS.indexOf(b),
  )[0]!;
}

export interface StubInput {
  name: string;
  /** The label that named them, as written, and where. */
  label: string;
  where: string;
  brackets: readonly string[];
  color: Color;
  talk: string;
}

/** The text of content/speakers/<id>.yaml for a new speaker, with PLACEHOLDER where the editor must write. */
export function stubYaml(input: StubInput): string {
  const data = {
    name: input.name,
    latinName: isHanName(input.name) ? PLACEHOLDER : input.name,
    color: input.color,
    role: { text: PLACEHOLDER, unverified: true },
    affiliation: { text: PLACEHOLDER, unverified: true },
  };
  const doc = parseDocument(stringify(data, { lineWidth: 0 }));
  doc.commentBefore = [
    ` Written by \`npm run import -- --create-speakers\` for the talk ${input.talk}, from the label`,
    ` ${showLabel(input.label)} (${input.where}).`,
    ...(input.brackets.length > 0
      ? [` The label's brackets said: ${input.brackets.map((text) => showLabel(text)).join(', ')}.`]
      : []),
    ` Replace every ${PLACEHOLDER} (the build stops while one is left), check the name and colour,`,
    " and give each fact a source (a URL, or talk:<slug> where that talk's transcript says so)",
    ' instead of `unverified: true` where one confirms it.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
