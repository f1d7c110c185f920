/**
 * The browser scripts' words for the page they run on: the page's `<html lang>` picks the
 * dictionary. Only the dictionaries' `scriptText` parts are imported, so the lazy chunks carry
 * a few hundred bytes of text per language and never the page dictionaries (which the bundler
 * leaves out as unused). The every-page script imports none of this.
 */
import { scriptText as en } from './en';
import { scriptText as zhCN, type ScriptText } from './zh-CN';

/** The script words for a page in `lang` (a BCP 47 tag): English for any en-*, else Chinese. */
export function scriptTextFor(lang: string): ScriptText {
  return lang.toLowerCase().split('-')[0] === 'en' ? en : zhCN;
}

/** The script words for this document. */
export const pageText = (): ScriptText => scriptTextFor(document.documentElement.lang);
