import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { SpeakerSchema } from './schemas/speaker';
import { TalkSchema } from './schemas/talk';
import { TurnSchema } from './schemas/turn';
import { contentDir } from './lib/content-dir';

const base = contentDir();

/** Entry ids keep the path (minus extension) so a turn's talk is its first path segment. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(md|ya?ml)$/, '');

export const collections = {
  speakers: defineCollection({
    loader: glob({ base: `${base}/speakers`, pattern: '*.yaml', generateId: pathId }),
    schema: SpeakerSchema,
  }),
  talks: defineCollection({
    loader: glob({ base: `${base}/talks`, pattern: '*/talk.yaml', generateId: pathId }),
    schema: TalkSchema,
  }),
  turns: defineCollection({
    loader: glob({ base: `${base}/talks`, pattern: '*/turns/*.md', generateId: pathId }),
    schema: TurnSchema,
  }),
};
