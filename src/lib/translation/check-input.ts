/**
 * What checkTranslation compares, put together from what was read: the same input whether the
 * turns came from files (the review command, load-translation.ts) or from Astro's content layer
 * (the build, catalog.ts), so the build stops on exactly the problems the review prints. Pure.
 */
import type { Fact } from '../../schemas/common';
import type { Speaker } from '../../schemas/speaker';
import type { Talk } from '../../schemas/talk';
import type { GlossaryTerm, TranslatedSpeaker, TranslatedTalk } from '../../schemas/translation';
import type { FactPair, TranslationCheckInput } from './check-translation';
import type { TurnText } from './read-turn';

/** The translation's YAML files as load-translation.ts readTranslationFiles reads them. */
export interface TranslatedYaml {
  talkFile: string;
  talk: TranslatedTalk | undefined;
  glossaryFile: string;
  glossary: { terms: GlossaryTerm[] } | undefined;
  speakers: Map<string, { file: string; data: TranslatedSpeaker }>;
}

export interface CheckInputParts {
  /** Folder of the translated turns as messages name it. */
  turnsDir: string;
  /** The original talk.yaml (undefined when it did not parse: no outline or facts to compare). */
  talk: Talk | undefined;
  originalTurns: TurnText[];
  translatedTurns: TurnText[];
  /** The original speaker files of the talk's participants, by id. */
  originalSpeakers: Map<string, Speaker>;
  files: TranslatedYaml;
}

export function translationCheckInput(parts: CheckInputParts): TranslationCheckInput {
  const { talk, files } = parts;
  const translated = files.talk;
  const speakers = [...files.speakers].flatMap(([id, speaker]) => {
    const original = parts.originalSpeakers.get(id);
    return original ? [{ file: speaker.file, original, translation: speaker.data }] : [];
  });
  return {
    turnsDir: parts.turnsDir,
    original: parts.originalTurns,
    translation: parts.translatedTurns,
    glossary: files.glossary ? { file: files.glossaryFile, terms: files.glossary.terms } : undefined,
    outline:
      talk && translated
        ? { file: files.talkFile, original: talk.outline, translation: translated.outline }
        : undefined,
    facts: talk && translated ? factPairs(files.talkFile, talk, translated, speakers) : undefined,
  };
}

/** Original facts beside translated ones: the talk's, its participants' overrides, each speaker's. */
export function factPairs(
  talkFile: string,
  talk: Talk,
  translated: TranslatedTalk,
  speakers: { file: string; original: Speaker; translation: TranslatedSpeaker }[],
): FactPair[] {
  const pair = (file: string, field: string, original: Fact | undefined, translation: Fact | undefined): FactPair => ({
    file,
    field,
    original,
    translation,
  });
  const overrides = new Map(translated.participants.map((participant) => [participant.speaker, participant]));
  return [
    pair(talkFile, 'venue', talk.venue, translated.venue),
    pair(talkFile, 'session', talk.session, translated.session),
    pair(talkFile, 'source.publisher', talk.source.publisher, translated.source.publisher),
    ...talk.participants.flatMap((participant) => [
      pair(
        talkFile,
        `participants.${participant.speaker}.role`,
        participant.role,
        overrides.get(participant.speaker)?.role,
      ),
      pair(
        talkFile,
        `participants.${participant.speaker}.affiliation`,
        participant.affiliation,
        overrides.get(participant.speaker)?.affiliation,
      ),
    ]),
    ...speakers.flatMap(({ file, original, translation }) => [
      pair(file, 'role', original.role, translation.role),
      pair(file, 'affiliation', original.affiliation, translation.affiliation),
      pair(file, 'profile', original.profile, translation.profile),
    ]),
  ];
}
