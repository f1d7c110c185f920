/**
 * Copies text with the Clipboard API. Where that is missing or refused, selects the text on the
 * page so the reader can copy it by hand; the caller announces which of the two happened.
 */
import { pageText } from '../lib/i18n/script-text';
import type { ScriptText } from '../lib/i18n/zh-CN';

export type CopyResult = 'copied' | 'selected';

export async function copyText(text: string, fallbackElement: Element | null): Promise<CopyResult> {
  try {
    if (!navigator.clipboard) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    const selection = window.getSelection();
    if (fallbackElement && selection) {
      const range = document.createRange();
      range.selectNodeContents(fallbackElement);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    return 'selected';
  }
}

/** What to announce after copying `what` (words from the page's dictionary, script-text.ts). */
export const copiedMessage = (what: string, result: CopyResult, text: ScriptText = pageText()) =>
  result === 'copied' ? text.copy.copied(what) : text.copy.selected(what);
