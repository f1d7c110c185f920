/**
 * The words of a translated edition laid over the original's model: a translated talk is the
 * original Talk with its title, event, venue, outline… in the other language, a translated
 * turn is the original turn's front matter with the translation's quotes and label, and a
 * translated speaker is the original with the translated name and facts. The catalog
 * (src/lib/content/catalog.ts) then runs its own steps on these, so an edition has exactly the
 * original's shape. Pure.
 */
import type { Speaker } from '../../schemas/speaker';
import type { Talk } from '../../schemas/talk';
import type { TranslatedSpeaker, TranslatedTalk, TranslatedTurn } from '../../schemas/translation';
import type { Turn } from '../../schemas/turn';
import { problem, type TranslationProblem } from './problems';

/** The parts of a speaker's view a translation changes (the rest stays the original's). */
export interface TranslatedSpeakerFields {
  name: string;
  latinName: string;
  /** The family name within `name`, where the speaker file gives it. */
  family: string | undefined;
  aliases: string[];
  initials: string;
  role: Speaker['role'];
  affiliation: Speaker['affiliation'];
  profile: Speaker['profile'];
}

/**
 * Initials of a Latin-script name: the first letters of its first and last words (Yang Zhilin →
 * YZ, Andrew Chi-Chih Yao → AY), one letter for a one-word name. The avatar has room for two.
 */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/u).filter((word) => word !== '');
  const first = Array.from(words[0] ?? '?')[0]!;
  const last = words.length > 1 ? Array.from(words.at(-1)!)[0]! : '';
  return `${first}${last}`.toUpperCase();
}

/**
 * A speaker in the translation's words. The other names (and the original name and aliases) stay
 * findable as aliases, e.g. for a reader who knows the name in the other order.
 */
export function translatedSpeakerFields(
  original: { name: string; aliases: readonly string[] },
  translated: TranslatedSpeaker,
): TranslatedSpeakerFields {
  const name = translated.name.text;
  const others = [...translated.otherNames.map((other) => other.text), original.name, ...original.aliases];
  return {
    name,
    latinName: name,
    family: translated.family,
    aliases: [...new Set(others)].filter((alias) => alias !== name),
    initials: initialsOf(name),
    role: translated.role,
    affiliation: translated.affiliation,
    profile: translated.profile,
  };
}

/**
 * The original talk with the translated words laid over it, in `lang` (so every view that marks
 * the talk's words with `data.language` marks them in the translation's language); dates, order,
 * starts and ids stay. The original's language stays on the original view (`talk.original`).
 */
export function translatedTalkData(talk: Talk, translated: TranslatedTalk, lang: string): Talk {
  const overrides = new Map(translated.participants.map((participant) => [participant.speaker, participant]));
  const sections = new Map(translated.outline.map((section) => [section.id, section]));
  return {
    ...talk,
    language: lang,
    title: translated.title,
    subtitle: translated.subtitle,
    summary: translated.summary,
    event: { ...talk.event, name: translated.event.name, fullName: translated.event.fullName },
    venue: translated.venue,
    session: translated.session,
    source: {
      ...talk.source,
      publisher: translated.source.publisher,
      platform: translated.source.platform,
      title: translated.source.title,
      editorialNote: translated.source.editorialNote,
    },
    participants: talk.participants.map((participant) => {
      const override = overrides.get(participant.speaker);
      return {
        ...participant,
        role: participant.role && override?.role,
        affiliation: participant.affiliation && override?.affiliation,
      };
    }),
    outline: talk.outline.map((section) => ({
      ...section,
      title: sections.get(section.id)?.title ?? section.title,
      question: section.question === undefined ? undefined : sections.get(section.id)?.question,
    })),
  };
}

/** A translated turn as the catalog reads a turn: the original's front matter, the translation's words. */
export function translatedTurnData(original: Turn, translated: TranslatedTurn): Turn {
  return { ...original, sourceLabel: translated.sourceLabel, quotes: translated.quotes };
}

/**
 * Optional words of the original the translation must also give: without them an English page
 * would print nothing where the original prints a subtitle, a platform or an editorial note.
 * (Participants' overrides, outline questions and facts are checked by check-translation.ts.)
 */
export function untranslatedFieldProblems(talk: Talk, translated: TranslatedTalk, file: string): TranslationProblem[] {
  const fields: [string, string | undefined, string | undefined][] = [
    ['subtitle', talk.subtitle, translated.subtitle],
    ['source.platform', talk.source.platform, translated.source.platform],
    ['source.editorialNote', talk.source.editorialNote, translated.source.editorialNote],
  ];
  return fields
    .filter(([, original, translation]) => original !== undefined && translation === undefined)
    .map(([field, original]) =>
      problem(file, field, `a translation of the original's ${JSON.stringify(original)}`, 'none'),
    );
}
