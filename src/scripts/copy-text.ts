/**
 * Copies text with the Clipboard API. Where that is missing or refused, selects the text on the
 * page so the reader can copy it by hand; the caller announces which of the two happened.
 */
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

export const copiedMessage = (what: string, result: CopyResult) =>
  result === 'copied' ? `已复制${what}` : `无法直接复制，已选中${what}，请按 Ctrl+C（⌘C）复制`;
