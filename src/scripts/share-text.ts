/**
 * What a share menu (share-menu.ts) reads and copies that needs no page: its talk's fields and a
 * turn's words with their attribution. Apart from the element, so that they are unit tested.
 */
import { attributionLabel } from '../lib/citation';
import type { ShareTalk } from '../lib/share';

/** The talk fields a menu or the page's template carries as JSON; undefined when absent or unreadable. */
export function talkOf(json: string | undefined): ShareTalk | undefined {
  try {
    return json ? (JSON.parse(json) as ShareTalk) : undefined;
  } catch {
    return undefined;
  }
}

/** A turn's words, paragraph by paragraph, followed by who said it where and the link. */
export function turnText(paragraphs: readonly string[], author: string | undefined, talk: ShareTalk, url: string | undefined): string {
  return `${paragraphs.join('\n')}\n——${author}，${attributionLabel(talk)} ${url}`;
}
