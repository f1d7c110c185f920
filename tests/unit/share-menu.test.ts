/**
 * Share menus: the URLs and texts they share (src/lib/sharing/routes.ts), and <ht-share>
 * (src/scripts/share-menu.ts) on ShareMenu.astro's light markup in a linkedom page: the full
 * panel it builds (the same as SharePanel.astro's), filled from the reader's talk fields, and copying.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import ShareMenu from '../../src/components/ShareMenu.astro';
import SharePanel from '../../src/components/SharePanel.astro';
import type { QuoteView, TalkView, TurnView } from '../../src/lib/content/catalog';
import { absoluteUrl, quoteShareTarget, shareTalk, turnShareTarget, withBase } from '../../src/lib/sharing/routes';
import { scriptPage, type ScriptPage } from '../helpers/script-dom';

const SITE = new URL('https://huitan.example/');
const talk = {
  slug: 'waic-2023',
  data: { title: '创想共论·智变可能', subtitle: 'WAIC 2023 开幕式圆桌论坛', date: { text: '2023-07-06' } },
} as unknown as TalkView;
const yao = { name: '姚期智' };
const turn = { anchor: 'yao-answers', speaker: yao } as unknown as TurnView;
const quote = {
  id: 'embodied',
  anchor: 'quote-embodied',
  span: '让AI成为机器人。',
  speaker: yao,
} as unknown as QuoteView;

describe('the URLs a menu shares', () => {
  test('a turn’s: its permalink on the site', () => {
    expect(turnShareTarget(talk, turn, SITE)).toMatchObject({
      id: 'yao-answers-share',
      label: '姚期智这段发言',
      url: 'https://huitan.example/waic-2023/#yao-answers',
      citation: { author: '姚期智', date: '2023-07-06', url: 'https://huitan.example/waic-2023/#yao-answers' },
    });
  });

  test('a key quote’s: its share page, and the quote with attribution and that URL', () => {
    const target = quoteShareTarget(talk, quote, SITE);
    expect(target.url).toBe('https://huitan.example/waic-2023/q/embodied/');
    expect(target.text).toBe(
      '“让AI成为机器人。” ——姚期智，WAIC 2023 开幕式圆桌论坛 https://huitan.example/waic-2023/q/embodied/',
    );
  });

  test.each([
    ['/waic-2023/#yao-answers', '/', '/waic-2023/#yao-answers'],
    ['/waic-2023/#yao-answers', '/huitan/', '/huitan/waic-2023/#yao-answers'],
    ['/waic-2023/#yao-answers', '/huitan', '/huitan/waic-2023/#yao-answers'],
    ['https://example.org/x', '/huitan/', 'https://example.org/x'],
  ])('puts %s under the base %s: %s', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });

  test('refuses an absolute URL without a configured site', () => {
    expect(() => absoluteUrl('/waic-2023/', undefined)).toThrow(
      'expected `site` in astro.config.mjs (HUITAN_SITE) for absolute URLs, found none',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// <ht-share> on the reader's light markup.
// ---------------------------------------------------------------------------------------------

/** The reader's talk fields, as ReaderView.astro puts them on the reader (HTML-escaped here). */
const talkFields = JSON.stringify(shareTalk(talk, SITE)).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
let lightMenu = '';
let serverPanel = '';
let page: ScriptPage;

beforeAll(async () => {
  const container = await AstroContainer.create();
  const target = turnShareTarget(talk, turn, SITE);
  lightMenu = await container.renderToString(ShareMenu, { props: { target, more: '/waic-2023/cite/#yao-answers' } });
  serverPanel = await container.renderToString(SharePanel, { props: { target } });
});

/** An element's shape: tag, attributes but the values' text, and its own words (not the values'). */
function shape(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')]
    .filter((node) => !node.parentElement?.closest('.share-value'))
    .map((node) => {
      const attributes = [...node.attributes]
        .map((attribute) => `${attribute.name}=${attribute.value}`)
        .sort()
        .join(' ');
      const words = node.matches('.share-value')
        ? ''
        : [...node.childNodes]
            .filter((child) => child.nodeType === 3)
            .map((child) => child.textContent!.trim())
            .join('');
      return `${node.tagName.toLowerCase()} ${attributes} ${words}`.trim();
    });
}

describe('<ht-share>', () => {
  afterEach(() => {
    page.close();
    vi.useRealTimers();
  });

  /** A reader with one turn and its light menu; the clipboard accepts writes unless `refuse`. */
  async function openReader({ refuse = false, fields = talkFields } = {}) {
    vi.resetModules();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2024, 0, 31, 12));
    page = scriptPage('https://huitan.example/waic-2023/?hl=x');
    page.document.documentElement.lang = 'zh-CN';
    const copied: string[] = [];
    vi.stubGlobal('navigator', {
      clipboard: {
        writeText: (text: string) =>
          refuse ? Promise.reject(new Error('denied')) : (copied.push(text), Promise.resolve()),
      },
    });
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => run());
    Object.defineProperty(page.window, 'getSelection', { value: () => null, configurable: true }); // no selection to fall back on
    await import('../../src/scripts/share-menu');
    page.mount(
      `<div class="reader" data-share-talk="${fields}"><article class="turn" id="yao-answers"><div class="turn-body"><p> 第一段。 </p><p>第二段。</p></div>${lightMenu}</article></div>`,
    );
    const menu = page.document.querySelector<HTMLElement>('ht-share')!;
    const part = (name: string) => menu.querySelector(`[data-share-part="${name}"]`);
    const copy = async (kind: string) => {
      menu
        .querySelector<HTMLButtonElement>(`[data-copy="${kind}"]`)!
        .dispatchEvent(new Event('click', { bubbles: true }));
      await vi.waitFor(() => expect(menu.querySelector('.share-status')!.textContent).not.toBe(''));
      return menu.querySelector('.share-status')!.textContent;
    };
    return { menu, part, copy, copied };
  }

  test('fills a light menu’s full panel with its URL, the turn’s label and the citations', async () => {
    const { menu, part } = await openReader();
    expect(menu.hasAttribute('data-deferred')).toBe(false);
    expect(menu.dataset['url']).toBe('https://huitan.example/waic-2023/#yao-answers');
    expect(part('url')!.getAttribute('href')).toBe('https://huitan.example/waic-2023/#yao-answers');
    expect(part('apa')!.textContent).toBe(
      '姚期智. (2023, July 6). 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛 [Transcript]. 会谈 Huitan. https://huitan.example/waic-2023/#yao-answers',
    );
    expect(part('gbt')!.textContent).toBe(
      '姚期智. 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛[EB/OL]. 会谈 Huitan, 2023-07-06[2024-01-31]. https://huitan.example/waic-2023/#yao-answers.',
    );
    expect(menu.querySelector('[data-share-quote]')).toBeNull();
    expect(menu.querySelector('[data-copy="url"]')!.getAttribute('aria-describedby')).toBe(
      'yao-answers-share-link-term',
    );
    expect([...menu.querySelectorAll('button .visually-hidden')].map((span) => span.textContent)).toContain(
      '：姚期智这段发言',
    );
  });

  test('builds the same panel as the server renders for the turn on its cite page, buttons revealed', async () => {
    const { menu } = await openReader();
    const built = menu.querySelector('.share-panel')!;
    page.mount(`<div id="server">${serverPanel}</div>`);
    const server = page.document.querySelector('#server .share-panel')!;
    // The script reveals the copy buttons and the turn's text row in both (share-menu.ts #start).
    for (const hidden of server.querySelectorAll('[data-copy], [data-share-turn-text]'))
      hidden.removeAttribute('hidden');
    expect(shape(built)).toEqual(shape(server));
  });

  test('copies the turn’s link, without the page’s query', async () => {
    const { copy, copied } = await openReader();
    expect(await copy('url')).toBe('已复制链接');
    expect(copied).toEqual(['https://huitan.example/waic-2023/#yao-answers']);
  });

  test('copies the turn’s words with attribution and link', async () => {
    const { copy, copied } = await openReader();
    expect(await copy('text')).toBe('已复制发言全文');
    expect(copied).toEqual([
      '第一段。\n第二段。\n——姚期智，WAIC 2023 开幕式圆桌论坛 https://huitan.example/waic-2023/#yao-answers',
    ]);
  });

  test('says how to copy by hand when the clipboard is refused', async () => {
    const { copy } = await openReader({ refuse: true });
    expect(await copy('apa')).toBe('无法直接复制，已选中APA 引用，请按 Ctrl+C（⌘C）复制');
  });

  test('stays as the server rendered it when the page’s talk fields cannot be read', async () => {
    const { menu } = await openReader({ fields: '{' });
    expect(menu.hasAttribute('data-deferred')).toBe(true);
    expect(menu.querySelector('[data-copy]')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// <ht-share> on a translated talk: the light menu's APA is the one the cite page prints.
// ---------------------------------------------------------------------------------------------

describe('<ht-share> on a translated talk', () => {
  const english = {
    slug: 'waic-2023',
    data: {
      title: 'Ideas in Dialogue',
      subtitle: 'WAIC 2023 opening ceremony roundtable',
      date: { text: '2023-07-06' },
    },
    translation: { lang: 'en', by: 'Huitan', date: '2026-12-04' },
    original: {
      data: {
        language: 'zh-CN',
        title: '创想共论·智变可能',
        subtitle: 'WAIC 2023 开幕式圆桌论坛',
        date: { text: '2023-07-06' },
      },
    },
  } as unknown as TalkView;
  const englishTurn = {
    anchor: 'yao-answers',
    speaker: { name: 'Andrew Chi-Chih Yao', family: 'Yao' },
  } as unknown as TurnView;

  afterEach(() => {
    page.close();
  });

  test('fills a light menu with the full menu’s APA citation, the family name first', async () => {
    const container = await AstroContainer.create();
    const target = turnShareTarget(english, englishTurn, SITE, 'en');
    // The reader's talk fields (ReaderView.astro), made with a site (the container's Astro.site is unset).
    const fields = JSON.stringify(shareTalk(english, SITE)).replaceAll('"', '&quot;');
    const light = await container.renderToString(ShareMenu, {
      props: { target, more: '/en/waic-2023/cite/#yao-answers', locale: 'en' },
    });
    const full = await container.renderToString(ShareMenu, { props: { target, open: true, locale: 'en' } });
    expect(light).toContain('data-family="Yao"');

    vi.resetModules();
    page = scriptPage('https://huitan.example/en/waic-2023/');
    page.document.documentElement.lang = 'en';
    vi.stubGlobal('navigator', {});
    await import('../../src/scripts/share-menu');
    page.mount(
      `<div data-share-talk="${fields}"><article class="turn" id="yao-answers">${light}</article></div><div id="full">${full}</div>`,
    );
    const apa = (root: string) => page.document.querySelector(`${root} [data-share-part="apa"]`)!.textContent;
    expect(apa('#yao-answers')).toBe(
      'Yao, A. C.-C. (2026, December 4). Ideas in Dialogue: WAIC 2023 opening ceremony roundtable (Huitan, Trans.) [Transcript]. Huitan. https://huitan.example/en/waic-2023/#yao-answers (Original work published 2023 in Chinese as 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛, https://huitan.example/waic-2023/#yao-answers)',
    );
    expect(apa('#full')).toBe(apa('#yao-answers'));
  });
});
