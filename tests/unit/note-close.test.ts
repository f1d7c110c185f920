/** The notes' close buttons (src/scripts/note-close.ts), added in a linkedom page. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { scriptPage, type ScriptPage } from '../helpers/script-dom';

let page: ScriptPage;

/** A note as note-markup.ts renders it, inside a block in `lang`. */
const note = (id: string, lang: string) =>
  `<p lang="${lang}"><span class="note" id="${id}"><button type="button" class="note-marker" popovertarget="${id}-text">背景</button>` +
  `<span class="note-body" id="${id}-text" popover="auto" role="note"><span class="note-kind">背景</span>…</span></span></p>`;

async function load(html: string, lang = 'zh-CN') {
  vi.resetModules();
  page = scriptPage('https://huitan.example/waic-2023/');
  page.document.documentElement.lang = lang;
  page.mount(html);
  return (await import('../../src/scripts/note-close')) as typeof import('../../src/scripts/note-close');
}

describe('note-close', () => {
  afterEach(() => page.close());

  test('gives each note a button at its end that hides that note, in the note’s language', async () => {
    await load(note('note-a', 'zh-CN') + note('note-b', 'en'), 'zh-CN');
    const buttons = [...page.document.querySelectorAll('.note-body > .note-close:last-child')];
    expect(buttons.map((button) => [button.getAttribute('popovertarget'), button.textContent])).toEqual([
      ['note-a-text', '关闭'],
      ['note-b-text', 'Close'],
    ]);
    for (const button of buttons) {
      expect(button.getAttribute('type')).toBe('button');
      expect(button.getAttribute('popovertargetaction')).toBe('hide');
    }
  });

  test('adds none twice, and none to a note without an id to target', async () => {
    const { addCloseButtons } = await load(
      note('note-a', 'en') + '<span class="note-body" popover="auto">no id</span>',
      'en',
    );
    expect(page.document.querySelectorAll('.note-close')).toHaveLength(1);
    expect(addCloseButtons(page.document)).toBe(0);
    expect(page.document.querySelectorAll('.note-close')).toHaveLength(1);
  });
});
