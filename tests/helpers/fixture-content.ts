/**
 * The content check of a fixture site without `astro build`: reads base (and an error case laid
 * over it, as fixture-build.ts lays it for a build) into memory, parses each file with its
 * collection's zod schema as content.config.ts declares them, and hands what parses to the
 * catalog as src/lib/content/site.ts does, with each talk's translations read by the build's own reader
 * (load-translation.ts readTranslationFiles, over the files in memory). A case whose message this code writes needs no site build;
 * what only Astro adds (its "data does not match collection schema" line, YAML parsing, the
 * permalink lock) stays with the few cases tests/build/content-errors.test.ts still builds.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import {
  buildCatalog,
  talkSlugOfTalk,
  type Catalog,
  type CatalogInput,
  type EntryInput,
} from '../../src/lib/content/catalog';
import { TranslatedTurnSchema } from '../../src/schemas/translation';
import { readTranslationFiles } from '../../src/lib/translation/load-translation';
import { SpeakerSchema } from '../../src/schemas/speaker';
import { TalkSchema } from '../../src/schemas/talk';
import { TurnSchema } from '../../src/schemas/turn';
import { bodyStartLine } from '../../src/lib/content/body-line';
import { listFiles } from '../../src/lib/files';
import { baseFixture, fixturesDir, type ErrorCase } from './fixture-build';

/** The site's content folder as it sits in the repository: messages name files under it. */
const CONTENT = 'content';

/** Every file of base, with the case's overlay and deletions applied, by path under the content dir. */
export async function fixtureFiles(errorCase?: ErrorCase): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rel of await listFiles(baseFixture)) files.set(rel, await readFile(path.join(baseFixture, rel), 'utf8'));
  for (const gone of errorCase?.deleted ?? []) {
    const matched = [...files.keys()].filter((rel) => rel === gone || rel.startsWith(`${gone}/`));
    if (matched.length === 0)
      throw new Error(`${errorCase!.name}/_delete.txt: expected ${gone} in base, found nothing`);
    for (const rel of matched) files.delete(rel);
  }
  for (const rel of errorCase?.overlay ?? []) files.set(rel, await readFile(path.join(errorCase!.dir, rel), 'utf8'));
  return files;
}

/** Every file of a content folder (e.g. the site's own content/), by path under it. */
export async function contentFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rel of await listFiles(dir)) files.set(rel, await readFile(path.join(dir, rel), 'utf8'));
  return files;
}

/** An English translation of base's talk (tests/fixtures/content/translated/), laid over `files`. */
export async function withTranslation(files: Map<string, string>): Promise<Map<string, string>> {
  const dir = path.join(fixturesDir, 'translated');
  const result = new Map(files);
  for (const rel of (await listFiles(dir)).filter((rel) => rel !== 'README.md')) {
    result.set(rel, await readFile(path.join(dir, rel), 'utf8'));
  }
  return result;
}

/** Front matter and body of a Markdown file (the body as the glob loader keeps it: after the closing ---). */
function splitFrontMatter(text: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: parseYaml(match[1]!) as unknown, body: text.slice(match[0].length) };
}

interface Collection<T> {
  pattern: RegExp;
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  markdown: boolean;
}

/** content.config.ts: where each collection's files are, and their schema. */
const SPEAKERS: Collection<z.infer<typeof SpeakerSchema>> = {
  pattern: /^speakers\/[^/]+\.yaml$/,
  schema: SpeakerSchema,
  markdown: false,
};
const TALKS: Collection<z.infer<typeof TalkSchema>> = {
  pattern: /^talks\/[^/]+\/talk\.yaml$/,
  schema: TalkSchema,
  markdown: false,
};
const TURNS: Collection<z.infer<typeof TurnSchema>> = {
  pattern: /^talks\/[^/]+\/turns\/[^/]+\.md$/,
  schema: TurnSchema,
  markdown: true,
};
const TRANSLATED_TURNS: Collection<z.infer<typeof TranslatedTurnSchema>> = {
  pattern: /^talks\/[^/]+\/translations\/[^/]+\/turns\/[^/]+\.md$/,
  schema: TranslatedTurnSchema,
  markdown: true,
};

/**
 * The entries of one collection, and each failed parse's issues as `path: message` lines, the
 * lines Astro prints under its "does not match collection schema" heading.
 */
function loadCollection<T>(files: Map<string, string>, collection: Collection<T>) {
  const entries: EntryInput<T>[] = [];
  const issues: string[] = [];
  const failed: string[] = [];
  for (const [rel, text] of [...files].filter(([rel]) => collection.pattern.test(rel))) {
    const id = rel.replace(/^(speakers|talks)\//, '').replace(/\.(md|ya?ml)$/, '');
    const { data, body } = collection.markdown
      ? splitFrontMatter(text)
      : { data: parseYaml(text) as unknown, body: '' };
    const parsed = collection.schema.safeParse(data);
    if (!parsed.success) {
      issues.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
      failed.push(rel);
      continue;
    }
    const entry: EntryInput<T> = { id, filePath: `${CONTENT}/${rel}`, data: parsed.data };
    // The line the turns loader records (src/lib/content/body-line.ts).
    if (collection.markdown) Object.assign(entry, { body, bodyLine: bodyStartLine(text, body) });
    entries.push(entry);
  }
  return { entries, issues, failed };
}

export interface ContentCheck {
  /** Which check spoke: a schema (Astro stops there), the catalog, or none (valid content). */
  stage: 'schema' | 'catalog' | 'none';
  /** The schema issues, one a line, or the catalog's ContentError message; '' for none. */
  message: string;
  /** Files that failed their schema, relative to the content dir (the catalog names its own). */
  schemaFailures: string[];
}

/**
 * Each talk's translations as src/lib/content/site.ts finds them (a folder under `translations/`),
 * their YAML files read by the build's own reader from `files`.
 */
async function translationInputs(files: Map<string, string>, talks: EntryInput<z.infer<typeof TalkSchema>>[]) {
  const read = async (file: string) => files.get(path.relative(CONTENT, file).split(path.sep).join('/'));
  const inputs: NonNullable<CatalogInput['translations']> = [];
  for (const talk of talks) {
    const slug = talkSlugOfTalk(talk.id);
    const langs = new Set(
      [...files.keys()].flatMap((rel) => {
        const match = /^talks\/([^/]+)\/translations\/([^/]+)\//.exec(rel);
        return match && match[1] === slug ? [match[2]!] : [];
      }),
    );
    const participants = talk.data.participants.map((participant) => participant.speaker);
    for (const lang of [...langs].sort()) {
      inputs.push({ slug, ...(await readTranslationFiles(CONTENT, slug, lang, participants, read)) });
    }
  }
  return inputs;
}

/** The catalog's input from these files, or the schema issues that stop a build before it. */
async function catalogInputOf(files: Map<string, string>) {
  const speakers = loadCollection(files, SPEAKERS);
  const talks = loadCollection(files, TALKS);
  const turns = loadCollection(files, TURNS);
  const translated = loadCollection(files, TRANSLATED_TURNS);
  const issues = [...speakers.issues, ...talks.issues, ...turns.issues, ...translated.issues];
  const schemaFailures = [...speakers.failed, ...talks.failed, ...turns.failed, ...translated.failed];
  const input: CatalogInput = {
    speakers: speakers.entries,
    talks: talks.entries,
    turns: turns.entries,
    fileExists: (contentPath) => files.has(contentPath),
    translations: await translationInputs(files, talks.entries),
    translatedTurns: translated.entries,
  };
  return { input, issues, schemaFailures };
}

/** The catalog built from these files; throws the schema issues or the catalog's ContentError. */
export async function fixtureCatalog(files: Map<string, string>): Promise<Catalog> {
  const { input, issues } = await catalogInputOf(files);
  if (issues.length > 0) throw new Error(issues.join('\n'));
  return buildCatalog(input);
}

/** What the content check says of these files. */
export async function checkContent(files: Map<string, string>): Promise<ContentCheck> {
  const { input, issues, schemaFailures } = await catalogInputOf(files);
  if (issues.length > 0) return { stage: 'schema', message: issues.join('\n'), schemaFailures };
  try {
    buildCatalog(input);
    return { stage: 'none', message: '', schemaFailures };
  } catch (error) {
    if (error instanceof Error && error.name === 'ContentError')
      return { stage: 'catalog', message: error.message, schemaFailures };
    throw error;
  }
}
