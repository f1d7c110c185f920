import { z } from 'astro/zod';
import { AnchorSchema, DateFactSchema, FactSchema, SafeUrlSchema, strictObject } from './common';
import { LANGUAGE_TAG_PATTERN } from '../lib/constants';

/** One participant of a talk, in the order they are introduced. */
export const ParticipantSchema = strictObject({
  /** Speaker id: a file name in `content/speakers/`. */
  speaker: z.string().trim().min(1),
  /** Host (moderator) or guest. Host turns can stay visible while filtering guests. */
  part: z.enum(['host', 'guest']),
  /** Role in this talk when it differs from the speaker's default role. */
  role: FactSchema.optional(),
  /** Affiliation in this talk when it differs from the speaker's default. */
  affiliation: FactSchema.optional(),
});

/** A section of the talk: it starts at a turn (usually the host's question) and runs to the next. */
export const SectionSchema = strictObject({
  /** Stable anchor of the section heading. */
  id: AnchorSchema,
  /** Short title shown in the outline, e.g. 基础理论的突破. */
  title: z.string().trim().min(1),
  /** The host's question in a sentence, shown under the heading. Optional. */
  question: z.string().trim().min(1).optional(),
  /** Anchor of the turn that opens the section. */
  start: AnchorSchema,
});

/** Where the transcript was published. */
export const TalkSourceSchema = strictObject({
  /** Publisher's display name, when known. */
  publisher: FactSchema,
  /** Publisher's account id, e.g. a WeChat 公众号 ID. */
  account: z.string().trim().min(1).optional(),
  /** Kind of account, e.g. 微信公众号. */
  platform: z.string().trim().min(1).optional(),
  /** Title of the published article. */
  title: z.string().trim().min(1),
  /** Link to the article, when one is known: an http(s) URL (src/lib/url-safety.ts). */
  url: SafeUrlSchema.optional(),
  /** How the text was edited for this site. */
  editorialNote: z.string().trim().min(1).optional(),
});

/**
 * Metadata of one talk: `content/talks/<talk-slug>/talk.yaml`. The folder name is the slug
 * used in URLs (`/<talk-slug>/`); the turns live beside it in `turns/`.
 */
export const TalkSchema = strictObject({
  /** Title of the talk, e.g. 创想共论·智变可能. */
  title: z.string().trim().min(1),
  /** One line under the title, e.g. WAIC 2023 开幕式圆桌论坛. */
  subtitle: z.string().trim().min(1).optional(),
  /** One or two sentences for the home page and the page description. */
  summary: z.string().trim().min(1),
  event: strictObject({
    /** Short name, e.g. WAIC 2023. */
    name: z.string().trim().min(1),
    /** Full name, e.g. 2023 世界人工智能大会. */
    fullName: z.string().trim().min(1),
    /** Official site of the event: an http(s) URL (src/lib/url-safety.ts). Optional. */
    url: SafeUrlSchema.optional(),
  }),
  /** Day of the talk (ISO date, YYYY-MM-DD) and where that was verified. */
  date: DateFactSchema,
  /** Venue, e.g. 上海世博中心. */
  venue: FactSchema,
  /** Session within the event, e.g. 开幕式圆桌论坛《创想共论·智变可能》. */
  session: FactSchema,
  /** BCP 47 language tag of the transcript. Default: zh-CN. */
  language: z.string().regex(LANGUAGE_TAG_PATTERN).default('zh-CN'),
  /** Participants in order of introduction (hosts and guests). */
  participants: z.array(ParticipantSchema).min(1),
  /** Speaker labels this talk's transcript uses for someone (a role such as 主持人 or MODERATOR, a diarization id such as SPEAKER_00) → speaker id. Written by the importer's --speaker. Default: none. */
  labels: z.record(z.string().trim().min(1), z.string().trim().min(1)).default({}),
  source: TalkSourceSchema,
  /** Sections of the talk in order; each starts at one turn. */
  outline: z.array(SectionSchema).default([]),
  /**
   * Whether turns may show images: `![what it shows](../images/<name>.png)`, files in the
   * talk's own `images/` folder, which the build checks exist. Remote images are never
   * published. Default: false, when absent (a transcript is words; an image is an editor's
   * decision). Left optional rather than defaulted, so code that builds a Talk need not name it.
   */
  images: z.boolean().optional(),
});

export type Talk = z.infer<typeof TalkSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;
