/**
 * Reads a talk and one of its translations from the content folder, by slug and language, into
 * what checkTranslation compares, and reports files that are missing or do not fit their schema.
 * The one place that touches the file system for translations: the review command, the content
 * test and the build (src/lib/content/site.ts, for the YAML files: readTranslationFiles) read through here.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
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
import { CHINESE_NOTES, type NoteDialect } from '../content/notes';
import { checkTranslation, type TranslationCheckInput } from './check-translation';
import { translationCheckInput } from './check-input';
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

/** Reads a text file; undefined when there is none. Tests pass one over files held in memory. */
export type ReadText = (file: string) => Promise<string | undefined>;

/** The file system's ReadText. */
export const readFromDisk: ReadText = async (file) => (existsSync(file) ? readFile(file, 'utf8') : undefined);

interface Reader {
  problems: TranslationProblem[];
  read: ReadText;
}

/** A YAML file checked against its schema; undefined (with a problem) when missing or unfit. */
async function readYaml<S extends z.ZodTypeAny>(
  reader: Reader,
  file: string,
  schema: S,
  required = true,
): Promise<z.output<S> | undefined> {
  const text = await reader.read(file);
  if (text === undefined) {
    if (required) reader.problems.push(problem(shown(file), 'file', 'a file here', 'none'));
    return undefined;
  }
  const doc = parseDocument(text);
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

/** A translation's YAML files (talk, glossary, its participants' speakers), read and checked against their schemas. */
export interface TranslationFiles {
  lang: string;
  /** The translated talk.yaml as messages name it. */
  talkFile: string;
  talk: TranslatedTalk | undefined;
  glossaryFile: string;
  glossary: Glossary | undefined;
  /** Each participant's translated speaker file, by speaker id (those that exist and fit). */
  speakers: Map<string, { file: string; data: TranslatedSpeaker }>;
  /** Files missing, unreadable or not fitting their schema. */
  problems: TranslationProblem[];
}

/** The note dialect of `lang`; throws for a language without one (a bug of the caller, not content). */
function dialectOf(lang: string): NoteDialect<string> {
  const dialect = NOTE_DIALECTS[lang];
  if (!dialect)
    throw new Error(
      `expected a language with a note dialect (${Object.keys(NOTE_DIALECTS).join(', ')}), found ${JSON.stringify(lang)}`,
    );
  return dialect;
}

/**
 * The languages a talk is translated into: the folder names under `talks/<slug>/translations/`.
 * The one reader of that folder for the build, so a translation no collection found still counts.
 */
export async function translationLanguages(contentRoot: string, slug: string): Promise<string[]> {
  const dir = path.join(contentRoot, 'talks', slug, 'translations');
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Reads the YAML files of the translation of `slug` into `lang`: its talk.yaml and glossary.yaml,
 * and the translated speaker file of each of `participants` (speaker ids). The one reader of
 * these files: the build (src/lib/content/site.ts) and the review command both read them here.
 */
export async function readTranslationFiles(
  contentRoot: string,
  slug: string,
  lang: string,
  participants: readonly string[],
  read: ReadText = readFromDisk,
): Promise<TranslationFiles> {
  const reader: Reader = { problems: [], read };
  const dir = translationDir(contentRoot, slug, lang);
  const talk = await readYaml(reader, path.join(dir, 'talk.yaml'), TranslatedTalkSchema);
  const glossary = await readYaml(reader, path.join(dir, 'glossary.yaml'), GlossarySchema, false);
  const speakers = new Map<string, { file: string; data: TranslatedSpeaker }>();
  for (const id of participants) {
    const file = translatedSpeakerFile(contentRoot, lang, id);
    const data = await readYaml(reader, file, TranslatedSpeakerSchema);
    if (data) speakers.set(id, { file: shown(file), data });
  }
  return {
    lang,
    talkFile: shown(path.join(dir, 'talk.yaml')),
    talk,
    glossaryFile: shown(path.join(dir, 'glossary.yaml')),
    glossary,
    speakers,
    problems: reader.problems,
  };
}

/** Reads the talk `slug` and its translation into `lang` from `contentRoot` (e.g. ./content). */
export async function loadTranslation(contentRoot: string, slug: string, lang: string): Promise<LoadedTranslation> {
  const dialect = dialectOf(lang);
  const reader: Reader = { problems: [], read: readFromDisk };
  const talkDir = path.join(contentRoot, 'talks', slug);
  const dir = translationDir(contentRoot, slug, lang);
  const talk = await readYaml(reader, path.join(talkDir, 'talk.yaml'), TalkSchema);
  const originalTurns = await readTurns(reader, path.join(talkDir, 'turns'), TurnSchema, CHINESE_NOTES);
  const translatedTurns = await readTurns(reader, path.join(dir, 'turns'), TranslatedTurnSchema, dialect);
  const participants = talk?.participants.map((participant) => participant.speaker) ?? [];
  const originalSpeakers = new Map<string, Speaker>();
  for (const id of participants) {
    const original = await readYaml(reader, path.join(contentRoot, 'speakers', `${id}.yaml`), SpeakerSchema);
    if (original) originalSpeakers.set(id, original);
  }
  const files = await readTranslationFiles(contentRoot, slug, lang, participants);
  const input = translationCheckInput({
    turnsDir: shown(path.join(dir, 'turns')),
    talk,
    originalTurns,
    translatedTurns,
    originalSpeakers,
    files,
  });
  return {
    slug,
    lang,
    input,
    problems: [...reader.problems, ...files.problems],
    original: { talk, turns: originalTurns, speakers: originalSpeakers },
    translation: {
      talk: files.talk,
      turns: translatedTurns,
      speakers: new Map([...files.speakers].map(([id, speaker]) => [id, speaker.data])),
      glossary: files.glossary,
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
