/**
 * Reads a talk and one of its translations from the content folder, by slug and language, into
 * what checkTranslation compares, and reports files that are missing or do not fit their schema.
 * The one place that touches the file system for translations: the review command, the content
 * test and (later) the translated site all read through here.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import type { Fact } from '../../schemas/common';
import { SpeakerSchema, type Speaker } from '../../schemas/speaker';
import { TalkSchema, type Talk } from '../../schemas/talk';
import {
  GlossarySchema,
  NOTE_DIALECTS,
  TranslatedSpeakerSchema,
  TranslatedTalkSchema,
  TranslatedTurnSchema,
  type Glossary,
  type TranslatedSpeaker,
  type TranslatedTalk,
} from '../../schemas/translation';
import { TurnSchema } from '../../schemas/turn';
import { listFiles } from '../files';
import { CHINESE_NOTES, type NoteDialect } from '../notes';
import { checkTranslation, type FactPair, type TranslationCheckInput } from './check-translation';
import { problem, type TranslationProblem } from './problems';
import { parseWith, readTurn, type TurnText } from './read-turn';

export interface LoadedTranslation {
  slug: string;
  lang: string;
  /** What checkTranslation compares. */
  input: TranslationCheckInput;
  /** Files missing, unreadable or not fitting their schema. */
  problems: TranslationProblem[];
  original: { talk: Talk | undefined; turns: TurnText[]; speakers: Map<string, Speaker> };
  translation: {
    talk: TranslatedTalk | undefined;
    turns: TurnText[];
    speakers: Map<string, TranslatedSpeaker>;
    glossary: Glossary | undefined;
  };
}

/** Where a talk's translation lives: `<content>/talks/<slug>/translations/<lang>`. */
export function translationDir(contentRoot: string, slug: string, lang: string): string {
  return path.join(contentRoot, 'talks', slug, 'translations', lang);
}

/** Where a translated speaker lives: `<content>/translations/<lang>/speakers/<id>.yaml`. */
export function translatedSpeakerFile(contentRoot: string, lang: string, id: string): string {
  return path.join(contentRoot, 'translations', lang, 'speakers', `${id}.yaml`);
}

/** A path as messages show it: relative to the working folder (the repository when run by npm). */
const shown = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

interface Reader {
  problems: TranslationProblem[];
}

/** A YAML file checked against its schema; undefined (with a problem) when missing or unfit. */
async function readYaml<S extends z.ZodTypeAny>(
  reader: Reader,
  file: string,
  schema: S,
  required = true,
): Promise<z.output<S> | undefined> {
  if (!existsSync(file)) {
    if (required) reader.problems.push(problem(shown(file), 'file', 'a file here', 'none'));
    return undefined;
  }
  const doc = parseDocument(await readFile(file, 'utf8'));
  if (doc.errors.length > 0) {
    reader.problems.push(problem(shown(file), 'file', 'valid YAML', `a syntax error: ${doc.errors[0]!.message}`));
    return undefined;
  }
  const parsed = parseWith(schema, shown(file), doc.toJS());
  reader.problems.push(...parsed.problems);
  return parsed.value;
}

async function readTurns<K extends string>(
  reader: Reader,
  dir: string,
  schema: z.ZodTypeAny,
  dialect: NoteDialect<K>,
): Promise<TurnText<K>[]> {
  if (!existsSync(dir)) {
    reader.problems.push(problem(shown(dir), 'file', 'a folder of turn files', 'none'));
    return [];
  }
  const turns: TurnText<K>[] = [];
  for (const name of (await listFiles(dir)).filter((rel) => /^[^/]+\.md$/.test(rel))) {
    const file = path.join(dir, name);
    const read = readTurn(shown(file), await readFile(file, 'utf8'), schema, dialect);
    reader.problems.push(...read.problems);
    if (read.turn) turns.push(read.turn);
  }
  return turns.sort((a, b) => a.position - b.position);
}

/** Original facts beside translated ones: the talk's, its participants' overrides, each speaker's. */
function factPairs(
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

/** Reads the talk `slug` and its translation into `lang` from `contentRoot` (e.g. ./content). */
export async function loadTranslation(contentRoot: string, slug: string, lang: string): Promise<LoadedTranslation> {
  const dialect = NOTE_DIALECTS[lang];
  if (!dialect)
    throw new Error(
      `expected a language with a note dialect (${Object.keys(NOTE_DIALECTS).join(', ')}), found ${JSON.stringify(lang)}`,
    );
  const reader: Reader = { problems: [] };
  const talkDir = path.join(contentRoot, 'talks', slug);
  const dir = translationDir(contentRoot, slug, lang);
  const talk = await readYaml(reader, path.join(talkDir, 'talk.yaml'), TalkSchema);
  const translatedTalk = await readYaml(reader, path.join(dir, 'talk.yaml'), TranslatedTalkSchema);
  const glossaryFile = path.join(dir, 'glossary.yaml');
  const glossary = await readYaml(reader, glossaryFile, GlossarySchema, false);
  const originalTurns = await readTurns(reader, path.join(talkDir, 'turns'), TurnSchema, CHINESE_NOTES);
  const translatedTurns = await readTurns(reader, path.join(dir, 'turns'), TranslatedTurnSchema, dialect);

  const speakers: { file: string; original: Speaker; translation: TranslatedSpeaker }[] = [];
  for (const { speaker: id } of talk?.participants ?? []) {
    const original = await readYaml(reader, path.join(contentRoot, 'speakers', `${id}.yaml`), SpeakerSchema);
    const file = translatedSpeakerFile(contentRoot, lang, id);
    const translation = await readYaml(reader, file, TranslatedSpeakerSchema);
    if (original && translation) speakers.push({ file: shown(file), original, translation });
  }
  const translatedTalkFile = shown(path.join(dir, 'talk.yaml'));
  const input: TranslationCheckInput = {
    turnsDir: shown(path.join(dir, 'turns')),
    original: originalTurns,
    translation: translatedTurns,
    glossary: glossary ? { file: shown(glossaryFile), terms: glossary.terms } : undefined,
    outline:
      talk && translatedTalk
        ? { file: translatedTalkFile, original: talk.outline, translation: translatedTalk.outline }
        : undefined,
    facts: talk && translatedTalk ? factPairs(translatedTalkFile, talk, translatedTalk, speakers) : undefined,
  };
  return {
    slug,
    lang,
    input,
    problems: reader.problems,
    original: {
      talk,
      turns: originalTurns,
      speakers: new Map(speakers.map((s) => [path.basename(s.file, '.yaml'), s.original])),
    },
    translation: {
      talk: translatedTalk,
      turns: translatedTurns,
      speakers: new Map(speakers.map((s) => [path.basename(s.file, '.yaml'), s.translation])),
      glossary,
    },
  };
}

/** Every problem of a translation: its files' own, then the comparison with the original. */
export async function translationProblems(
  contentRoot: string,
  slug: string,
  lang: string,
): Promise<TranslationProblem[]> {
  const loaded = await loadTranslation(contentRoot, slug, lang);
  return [...loaded.problems, ...checkTranslation(loaded.input)];
}
