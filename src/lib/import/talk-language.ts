/**
 * The language a new talk.yaml declares. The site counts, sets `lang` and reads aloud by it
 * (docs/languages.md), so an English transcript must not land as `zh-CN`. Only the script can
 * be told from the text: mostly Han characters is Chinese, mostly Latin letters is taken for
 * English and said to be a guess; `--language` settles anything else.
 */
import { LANGUAGE_TAG_PATTERN } from '../constants';

/** A BCP 47 tag as the talk schema accepts it (src/schemas/talk.ts). */
/** What --language accepts: the same tags talk.yaml does (src/lib/constants.ts). */
export const LANGUAGE_TAG = LANGUAGE_TAG_PATTERN;

export interface TalkLanguage {
  tag: string;
  /** How it was chosen, for the import's report. */
  reason: string;
}

/** The talk's language from `--language`, or from the script of the words. */
export function talkLanguage(paragraphs: readonly string[], given?: string): TalkLanguage {
  if (given !== undefined) return { tag: given, reason: 'from --language' };
  const text = paragraphs.join('');
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  // Chinese speech carries Latin words (GAN, DragGAN); a CJK character also says more than a letter.
  if (han * 3 >= latin)
    return { tag: 'zh-CN', reason: `${han} Han characters, ${latin} Latin letters; set --language for another` };
  return {
    tag: 'en',
    reason: `${latin} Latin letters, ${han} Han characters: taken for English; set --language for another`,
  };
}
