/**
 * Stray whitespace between two Chinese characters in rendered text. Browsers show it as a gap
 * (Chinese has no word spaces) and Pagefind splits words at it, so no page may have one.
 * Shared by the post-build site check and the build tests.
 */

/** Han characters and CJK punctuation: no whitespace may sit between two of them. */
export const CJK_GAP = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]\s+[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Where a stray space would show: every text node, and the joined text of prose elements
 * (inline children included). Label rows built from flex items are not prose, so their joined
 * text is not checked (their own text nodes still are).
 */
const PROSE = 'p, dd, blockquote, figcaption, .section-question, .talk-summary';
const NOT_PROSE = '.participant-name, .key-quote-meta, .talk-card-more';

/** Each gap as `where …"text around it"…`; empty when the page is clean. */
export function cjkGaps(document: Document): string[] {
  const gaps: string[] = [];
  const check = (where: string, text: string) => {
    const trimmed = text.trim();
    const match = CJK_GAP.exec(trimmed);
    if (match) gaps.push(`${where} …${JSON.stringify(trimmed.slice(Math.max(0, match.index - 8), match.index + 10))}…`);
  };
  const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    check(`text in <${node.parentElement?.tagName.toLowerCase()}>`, node.textContent ?? '');
  }
  for (const element of document.body.querySelectorAll(PROSE)) {
    if (element.matches(NOT_PROSE)) continue;
    // Decorative parts (avatars' initials) are not part of the sentence.
    const copy = element.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    check(`<${element.tagName.toLowerCase()}>`, copy.textContent ?? '');
  }
  return gaps;
}
