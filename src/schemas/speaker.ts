import { z } from 'astro/zod';
import { FactSchema, strictObject } from './common';
import { SPEAKER_COLORS } from '../lib/constants';

/**
 * One person who speaks in any talk: `content/speakers/<speaker-id>.yaml`.
 * The file name is the speaker id used by turns (`speaker: yao-qizhi`) and in filter URLs.
 */
export const SpeakerSchema = strictObject({
  /** Name as written in Chinese, e.g. 姚期智. */
  name: z.string().trim().min(1),
  /** English or pinyin name, e.g. "Andrew Chi-Chih Yao". */
  latinName: z.string().trim().min(1),
  /** Other names transcripts use for this person (e.g. 植麟 for 杨植麟). Default: none. */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** One or two characters for the avatar. Default: the first character of `name`. */
  initials: z.string().trim().min(1).max(2).optional(),
  /** Palette colour for the avatar, label and turn accent. */
  color: z.enum(SPEAKER_COLORS),
  /** Role at the time of their talks here, e.g. 助理教授. A talk may override it. */
  role: FactSchema,
  /** Affiliation at the time of their talks here, e.g. 清华大学交叉信息研究院. */
  affiliation: FactSchema,
  /**
   * A short profile for readers: one or two sentences of background (what they are known
   * for), with the source that states it. Shown in the talk's participants list, where each
   * turn's speaker label links. Default: none.
   */
  profile: FactSchema.optional(),
});

export type Speaker = z.infer<typeof SpeakerSchema>;
