/**
 * Translations of a talk: the files a translated edition reads, and how its notes are written.
 *
 *     content/talks/<slug>/translations/<lang>/talk.yaml         TranslatedTalkSchema
 *     content/talks/<slug>/translations/<lang>/turns/<nn>-<anchor>.md   TranslatedTurnSchema + body
 *     content/talks/<slug>/translations/<lang>/glossary.yaml     GlossarySchema
 *     content/translations/<lang>/speakers/<speaker-id>.yaml     TranslatedSpeakerSchema
 *
 * `<lang>` is a BCP 47 tag (`en`). The translated turns are the `translatedTurns` collection
 * (src/content.config.ts); src/lib/translation/load-translation.ts reads the YAML files, and the
 * catalog (src/lib/content/catalog.ts) checks a translation against its original and builds its edition. A translation carries only what is said in words: dates, participants' order,
 * outline starts and colours come from the original, which stays authoritative. How to write
 * and review one: docs/translating.md.
 */
import { z } from 'astro/zod';
import type { NoteDialect } from '../lib/content/notes';
import { AnchorSchema, FactSchema, IsoDateSchema, showFound, strictObject } from './common';
import { KeyQuoteSchema } from './turn';
import { LANGUAGE_TAG_PATTERN } from '../lib/constants';
import { givenNames } from '../lib/sharing/citation';

/**
 * Kinds of note in a translation: the original's three, and the translator's note, which
 * explains a choice of the translation (an ambiguous or garbled passage, a pun that does not
 * carry over) and so exists in the translation only.
 */
export const TRANSLATED_NOTE_KINDS = ['context', 'correction', 'term', 'translator'] as const;
export type TranslatedNoteKind = (typeof TRANSLATED_NOTE_KINDS)[number];

/**
 * The prefix an English note starts with, e.g. `[^gao-yang]: [Context] Gao Yang is …`; the
 * translator's note may be written with either apostrophe (`[Translator's note]` or
 * `[Translator’s note]`). What readers see is the English dictionary's (src/lib/i18n/en.ts
 * `notes`), with the typographic apostrophe.
 */
export const ENGLISH_NOTE_KIND_LABELS: Record<TranslatedNoteKind, string> = {
  context: 'Context',
  correction: 'Correction',
  term: 'Term',
  translator: "Translator's note",
};

/** Says an English note could not be verified (the original's 未核实); needed without a link. */
export const ENGLISH_UNVERIFIED_MARK = 'unverified';

/** English notes for inspectNotes (src/lib/content/notes.ts): `[Context]`, `[Correction]`, `[Term]`, `[Translator's note]`. */
export const ENGLISH_NOTES: NoteDialect<TranslatedNoteKind> = {
  kinds: TRANSLATED_NOTE_KINDS,
  labels: ENGLISH_NOTE_KIND_LABELS,
  prefix: /^\[([^\]\n]{1,24})\]/u,
  writePrefix: (label) => `[${label}]`,
  readLabel: (written) => written.replaceAll('\u2019', "'"),
  unverifiedMark: ENGLISH_UNVERIFIED_MARK,
  unverifiedPattern: /\bunverified\b/iu,
  // A translator's note gives the translator's reading of the original, which is its own source.
  unsourcedKinds: ['translator'],
};

/** Note dialects by translation language. A language needs one before its notes can be read. */
export const NOTE_DIALECTS: Readonly<Record<string, NoteDialect<TranslatedNoteKind>>> = { en: ENGLISH_NOTES };

/** A language tag as used in folder names and `<html lang>`: `en`, `en-GB`. */
export const LanguageTagSchema = z.string().regex(LANGUAGE_TAG_PATTERN);

/**
 * Front matter of one translated turn: `translations/<lang>/turns/<nn>-<anchor>.md`, the same
 * file name as the original turn. The body is the translation, one paragraph for each paragraph
 * of the original (paragraph i renders paragraph i), with the original's notes at the same places.
 */
export const TranslatedTurnSchema = strictObject({
  /** The original turn's anchor, unchanged (links work across languages). */
  anchor: AnchorSchema,
  /** The original turn's position, unchanged. */
  position: z.number().int().positive(),
  /** The original turn's speaker id, unchanged: words are never credited to someone else. */
  speaker: z.string().trim().min(1),
  /**
   * The source's speaker label rendered in this language (植麟 → Zhilin), only when the original
   * has one and it means something to a reader of the translation. Default: none.
   */
  sourceLabel: z.string().trim().min(1).optional(),
  /**
   * The original's key quotes, same ids: `headline` translated, `span` the exact words of this
   * translation that render the original span (occurring once in the turn). Default: none.
   */
  quotes: z.array(KeyQuoteSchema).default([]),
});

/** Who made a translation and how it stands to the original; printed on every translated page. */
export const TranslationInfoSchema = strictObject({
  /** Who translated, e.g. Huitan. */
  by: z.string().trim().min(1),
  /** Day the translation was completed or last revised (ISO date, YYYY-MM-DD). */
  date: IsoDateSchema,
  /** One or two sentences: this is a translation, and the original is authoritative. */
  notice: z.string().trim().min(1),
  /** How the translation was made (alignment, notes, names), for the about page. Optional. */
  method: z.string().trim().min(1).optional(),
});

/** A participant's role or affiliation in this talk, translated (only where the talk overrides them). */
export const TranslatedParticipantSchema = strictObject({
  /** Speaker id of a participant of the original talk. */
  speaker: z.string().trim().min(1),
  /** Translation of the talk's `role` override; same source. Optional. */
  role: FactSchema.optional(),
  /** Translation of the talk's `affiliation` override; same source. Optional. */
  affiliation: FactSchema.optional(),
});

/** One outline section, translated; `id` names the original section. */
export const TranslatedSectionSchema = strictObject({
  /** Id of the original section. */
  id: AnchorSchema,
  /** Translated title. */
  title: z.string().trim().min(1),
  /** Translated question; required when the original has one. Optional. */
  question: z.string().trim().min(1).optional(),
});

/**
 * The translated words of a talk: `content/talks/<slug>/translations/<lang>/talk.yaml`. Each
 * fact keeps the original's `source` (or `unverified`): a translation confirms nothing new.
 */
export const TranslatedTalkSchema = strictObject({
  /** Who translated, when, and the notice that the original is authoritative. */
  translation: TranslationInfoSchema,
  /** Translated title. */
  title: z.string().trim().min(1),
  /** Translated subtitle, when the original has one. Optional. */
  subtitle: z.string().trim().min(1).optional(),
  /** Translated summary: one or two sentences. */
  summary: z.string().trim().min(1),
  event: strictObject({
    /** The event's short name in this language, e.g. WAIC 2023. */
    name: z.string().trim().min(1),
    /** The event's full name in this language. */
    fullName: z.string().trim().min(1),
  }),
  /** Translated venue; same source as the original. */
  venue: FactSchema,
  /** Translated session; same source as the original. */
  session: FactSchema,
  source: strictObject({
    /** Translated publisher credit; same source (or unverified) as the original. */
    publisher: FactSchema,
    /** The kind of account in this language, e.g. WeChat official account. Optional. */
    platform: z.string().trim().min(1).optional(),
    /** The published article's title rendered in this language (the original title stays in the original talk.yaml). */
    title: z.string().trim().min(1),
    /** The original's editorial note, translated (it describes the original text). Optional. */
    editorialNote: z.string().trim().min(1).optional(),
  }),
  /** Translated role/affiliation overrides of the original's participants. Default: none. */
  participants: z.array(TranslatedParticipantSchema).default([]),
  /** Every original section's title and question, by id. Default: none. */
  outline: z.array(TranslatedSectionSchema).default([]),
});

/**
 * One speaker in a language: `content/translations/<lang>/speakers/<speaker-id>.yaml`, the
 * original speaker file's id. Facts are translated, never added to: same `source` as the original.
 */
export const TranslatedSpeakerSchema = strictObject({
  /**
   * The name as this edition prints it, with where that spelling is attested. Chinese names are
   * written surname first unless the person uses a Western given name (Andrew Chi-Chih Yao).
   */
  name: FactSchema,
  /**
   * The family name within `name.text`, as written there: its first word or words (Yang Zhilin →
   * Yang) or its last (Andrew Chi-Chih Yao → Yao; Yang Yuan → Yuan, given name first). The name's
   * order alone cannot tell which it is. APA citations of the edition write "Yao, A. C.-C."
   * (src/lib/sharing/citation.ts). Default: none, and those citations keep the name as written.
   */
  family: z.string().trim().min(1).optional(),
  /** Other forms the person signs with (e.g. given name first on papers), for search. Default: none. */
  otherNames: z.array(FactSchema).default([]),
  /** The original `role`, translated; same source. */
  role: FactSchema,
  /** The original `affiliation`, translated; same source. */
  affiliation: FactSchema,
  /** The original `profile`, translated; same source. Required when the original has one. Optional. */
  profile: FactSchema.optional(),
}).superRefine((speaker, ctx) => {
  // Zod refines a parse that is only dirty: a missing `name`, already reported, is left at that.
  const { name, family } = speaker as Partial<typeof speaker>;
  if (name && family !== undefined && !givenNames(name.text, family))
    ctx.addIssue({
      code: 'custom',
      path: ['family'],
      message: `expected the first or last word(s) of name.text ${JSON.stringify(name.text)}, found ${showFound(family)}`,
    });
});

/** One term of a talk and the translation chosen for it. */
export const GlossaryTermSchema = strictObject({
  /** The term as the original text writes it, e.g. 强化学习. */
  term: z.string().trim().min(1),
  /** Other spellings of it in the original that take the same translation (模态补齐). Default: none. */
  variants: z.array(z.string().trim().min(1)).default([]),
  /** The chosen translation, e.g. "reinforcement learning". */
  translation: z.string().trim().min(1),
  /** Other renderings that also count (a plural is already matched: see term-match.ts). Default: none. */
  alternatives: z.array(z.string().trim().min(1)).default([]),
  /** One line: why this translation. */
  why: z.string().trim().min(1),
  /**
   * True: wherever the term occurs in an original paragraph, the aligned translated paragraph
   * must contain the translation (or an alternative); the check fails otherwise. Default: false.
   */
  enforce: z.boolean().default(false),
});

/** A talk's glossary: `content/talks/<slug>/translations/<lang>/glossary.yaml`. */
export const GlossarySchema = strictObject({
  /** The terms, in any order; each `term` once. */
  terms: z.array(GlossaryTermSchema).min(1),
});

export type TranslatedTurn = z.infer<typeof TranslatedTurnSchema>;
export type TranslatedTalk = z.infer<typeof TranslatedTalkSchema>;
export type TranslatedSpeaker = z.infer<typeof TranslatedSpeakerSchema>;
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
export type Glossary = z.infer<typeof GlossarySchema>;
