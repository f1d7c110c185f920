import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { SpeakerSchema } from './schemas/speaker';
import { TalkSchema } from './schemas/talk';
import { TurnSchema } from './schemas/turn';
import { TranslatedTurnSchema } from './schemas/translation';
import { withBodyLines } from './lib/content/body-line';
import { checkedGlob } from './lib/content/checked-glob';
import { contentDir } from './lib/content/content-dir';
import { assertNoTalkMovedAside } from './lib/import/interrupted';

const base = contentDir();

/**
 * True when some talk has a translations folder. A site without translations then never runs
 * the translated turns' glob, which would log a warning that no file matches (and fixture
 * builds are held to logging none).
 */
function hasTranslations(talksDir = `${base}/talks`): boolean {
  if (!existsSync(talksDir)) return false;
  return readdirSync(talksDir).some((slug) => existsSync(path.join(talksDir, slug, 'translations')));
}

/** `loader`, run only when `condition` holds; otherwise its collection is empty. */
function onlyWhen(condition: () => boolean, loader: Loader): Loader {
  return { ...loader, load: async (context) => (condition() ? loader.load(context) : context.store.clear()) };
}

/** Entry ids keep the path (minus extension) so a turn's talk is its first path segment. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(md|ya?ml)$/, '');

export const collections = {
  speakers: defineCollection({
    loader: checkedGlob({ base: `${base}/speakers`, pattern: '*.yaml', generateId: pathId }, 'speaker file'),
    schema: SpeakerSchema,
  }),
  talks: defineCollection({
    // A talk an interrupted import moved aside stops the build instead of vanishing from the site.
    loader: checkedGlob({ base: `${base}/talks`, pattern: '*/talk.yaml', generateId: pathId }, 'talk file', () =>
      assertNoTalkMovedAside(`${base}/talks`, path.relative(process.cwd(), `${base}/talks`) || '.'),
    ),
    schema: TalkSchema,
  }),
  turns: defineCollection({
    // Each turn's data carries the line its body starts on, for messages (see lib/content/body-line.ts).
    loader: withBodyLines(checkedGlob({ base: `${base}/talks`, pattern: '*/turns/*.md', generateId: pathId })),
    schema: TurnSchema,
  }),
  // Translated turns render through the same Markdown pipeline as originals (the note plugin
  // reads the language from the path). The translation's YAML files are not collections: the
  // build and the review command read them in one place (src/lib/translation/load-translation.ts).
  translatedTurns: defineCollection({
    loader: onlyWhen(
      hasTranslations,
      withBodyLines(checkedGlob({ base: `${base}/talks`, pattern: '*/translations/*/turns/*.md', generateId: pathId })),
    ),
    schema: TranslatedTurnSchema,
  }),
};
