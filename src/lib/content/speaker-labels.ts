/**
 * What a transcript's speaker label says about the person it names, so the about page lists as
 * a correction only a label that gets someone wrong. The source's label is kept (`sourceLabel`)
 * whenever it is not the speaker's name, but most such labels are not mistakes: "Dr. Jane Doe",
 * "JANE DOE" and "Jane Doe (Acme)" are her name; "MODERATOR" or 主持人 is a role the talk maps to
 * her (talk.yaml `labels`); 植麟 is another name 杨植麟 goes by (his `aliases`). Pure.
 */

/**
 * - `name`: the speaker's name or Latin name, give or take a title, letter case, spacing or a
 *   parenthesised affiliation: nothing to say.
 * - `role`: a role or diarization label the talk maps to this speaker: the editor's attribution.
 * - `alias`: another name the person goes by (their `aliases`): worth showing, not an error.
 * - `other`: none of these: the source names the speaker wrongly, an editorial correction.
 */
export type LabelReading = 'name' | 'role' | 'alias' | 'other';

/** What the reading needs of a speaker. */
export interface LabelledSpeaker {
  id: string;
  name: string;
  latinName: string;
  aliases: readonly string[];
}

/** Titles written before a Latin name ("Dr. Jane Doe", "Prof Yao"). */
const TITLE_BEFORE = /^(?:dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame)\.?\s+/u;
/** Titles written after a name: 姚期智教授, 杨植麟博士, "Jane Doe, PhD". */
const TITLE_AFTER = /(?:\s*(?:教授|博士|老师|先生|女士|院士|研究员)|,?\s+(?:ph\.?\s?d\.?|m\.?d\.?))$/u;
/** A trailing parenthesised part, half- or full-width: "Jane Doe (Acme)", 姚期智（清华大学）. */
const PARENTHESISED = /\s*[(（][^()（）]*[)）]$/u;

/** A label or name reduced to what identifies the person: no title, case, spacing or affiliation. */
export function bareName(label: string): string {
  let bare = label.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  for (let previous = ''; previous !== bare;) {
    previous = bare;
    bare = bare.replace(PARENTHESISED, '').replace(TITLE_BEFORE, '').replace(TITLE_AFTER, '').trim();
  }
  return bare;
}

/** Role labels compare by letter case and spacing only: "Moderator" is "MODERATOR". */
const roleKey = (label: string) => label.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

/**
 * How to read `label` (the source's label of a turn, undefined when it is the name) for
 * `speaker`, given the talk's role labels (label → speaker id).
 */
export function readLabel(
  label: string | undefined,
  speaker: LabelledSpeaker,
  roles: Readonly<Record<string, string>> = {},
): LabelReading {
  if (label === undefined || label === speaker.name) return 'name';
  const asRole = Object.entries(roles).find(([role]) => roleKey(role) === roleKey(label));
  if (asRole?.[1] === speaker.id) return 'role';
  const bare = bareName(label);
  if (bare === bareName(speaker.name) || bare === bareName(speaker.latinName)) return 'name';
  if (speaker.aliases.some((alias) => bareName(alias) === bare)) return 'alias';
  return 'other';
}

/** What the list of the source's speaker labels reads of a turn. */
export interface LabelledTurn {
  anchor: string;
  position: number;
  sourceLabel?: string | undefined;
  labelReading: LabelReading;
  speaker: { id: string; name: string };
}

/** One label the source uses for a speaker, with the turns it labels. */
export interface LabelEntry<T extends LabelledTurn> {
  label: string;
  reading: 'alias' | 'role';
  speaker: T['speaker'];
  turns: T[];
}

/**
 * The labels worth telling a reader about that are not mistakes: another name (alias) or a role
 * the editor attributed to a speaker, once per label and speaker, in reading order.
 */
export function labelEntries<T extends LabelledTurn>(turns: readonly T[]): LabelEntry<T>[] {
  const entries = new Map<string, LabelEntry<T>>();
  for (const turn of turns) {
    const { sourceLabel: label, labelReading: reading } = turn;
    if (label === undefined || (reading !== 'alias' && reading !== 'role')) continue;
    const key = `${label}\u0000${turn.speaker.id}`;
    const entry: LabelEntry<T> = entries.get(key) ?? { label, reading, speaker: turn.speaker, turns: [] };
    entry.turns.push(turn);
    entries.set(key, entry);
  }
  return [...entries.values()];
}
