/**
 * The speaker filter's URL state and status line: the address rules (src/scripts/speaker-filter-state.ts)
 * and <ht-speaker-filter> (src/scripts/speaker-filter.ts) on SpeakerFilter.astro's markup in a
 * linkedom page, reading `?speakers=a,b&host=0` on load and writing it back on change. The URL's
 * own parsing (src/lib/text/format.ts) has its cases in format.test.ts.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import SpeakerFilter from '../../src/components/SpeakerFilter.astro';
import type { ParticipantView } from '../../src/lib/content/catalog';
import { filteredAddress } from '../../src/scripts/speaker-filter-state';
import { scriptPage, type ScriptPage } from '../helpers/script-dom';

const PAGE = 'https://huitan.test/talk/';

describe('filteredAddress', () => {
  test.each<[string, string, string[], boolean, string | undefined]>([
    ['a choice on an unfiltered page', PAGE, ['yao', 'pan'], true, '/talk/?speakers=yao,pan'],
    ['hiding the host', PAGE, [], false, '/talk/?host=0'],
    ['the choice the address already shows', `${PAGE}?speakers=yao,pan`, ['yao', 'pan'], true, undefined],
    ['no choice on an unfiltered page', PAGE, [], true, undefined],
    ['clearing the choice', `${PAGE}?speakers=yao&host=0`, [], true, '/talk/'],
    [
      'keeping a search highlight and the hash',
      `${PAGE}?hl=幻觉#yao-2`,
      ['yao'],
      true,
      '/talk/?hl=%E5%B9%BB%E8%A7%89&speakers=yao#yao-2',
    ],
    [
      'a changed choice, in the order of the boxes',
      `${PAGE}?speakers=pan,yao`,
      ['yao', 'pan'],
      true,
      '/talk/?speakers=yao,pan',
    ],
    [
      'the same choice spelled with an encoded comma',
      `${PAGE}?speakers=yao%2Cpan`,
      ['yao', 'pan'],
      true,
      '/talk/?speakers=yao,pan',
    ],
    [
      'unknown and duplicate ids the page did not apply',
      `${PAGE}?speakers=yao,nobody,yao`,
      ['yao'],
      true,
      '/talk/?speakers=yao',
    ],
    ['encoded markup in the filter', `${PAGE}?speakers=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`, [], true, '/talk/'],
    [
      'encoded markup in another parameter, kept encoded',
      `${PAGE}?x=%3Cb%3E`,
      ['yao'],
      true,
      '/talk/?x=%3Cb%3E&speakers=yao',
    ],
    ['an empty filter', `${PAGE}?speakers=&host=`, [], true, '/talk/'],
    ['a very long filter', `${PAGE}?speakers=${'x'.repeat(5000)}`, [], true, '/talk/'],
  ])('writes the address for %s', (_name, href, speakers, keepHost, expected) => {
    expect(filteredAddress(href, speakers, keepHost)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// The element on the component's markup.
// ---------------------------------------------------------------------------------------------

function participant(id: string, name: string, part: ParticipantView['part']): ParticipantView {
  const fact = { text: name, unverified: false };
  return {
    id,
    name,
    latinName: id,
    aliases: [],
    initials: name[0]!,
    color: 'blue',
    role: fact,
    affiliation: fact,
    profile: undefined,
    part,
    turnCount: 1,
  };
}

/** Three turns: the host's, then each guest's. */
const participants = [
  participant('xu-li', '徐立', 'host'),
  participant('yao-qizhi', '姚期智', 'guest'),
  participant('pan-xingang', '潘新钢', 'guest'),
];
const turnsHtml = participants
  .map(
    ({ id }) =>
      `<article class="turn" id="${id}-1" data-speaker="${id}"><div class="turn-body"><p>…</p></div></article>`,
  )
  .join('');

let markup = '';
let page: ScriptPage;

beforeAll(async () => {
  const container = await AstroContainer.create();
  markup = await container.renderToString(SpeakerFilter, { props: { participants, totalTurns: 3 } });
});

/**
 * The reader at `url` with the filter's script started. `hidden` lists the speakers whose turns
 * the page's CSS hides: linkedom has no style sheets, so the inline style stands in for them.
 */
async function openReader(url: string, { urlFilter = true, hidden = [] as string[], checked = [] as string[] } = {}) {
  vi.resetModules();
  page = scriptPage(url);
  const replaced: string[] = [];
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_state: unknown, _title: string, next: string) => {
      replaced.push(next);
      page.window.location.href = new URL(next, page.window.location.href).href;
    },
  });
  vi.stubGlobal('getComputedStyle', (element: HTMLElement) => ({ display: element.style.display || 'block' }));
  await import('../../src/scripts/speaker-filter');
  page.mount(`${turnsHtml}`);
  for (const id of hidden)
    page.document.querySelector<HTMLElement>(`[data-speaker="${id}"] .turn-body`)!.style.display = 'none';
  const withState = markup.replace(
    '<ht-speaker-filter',
    urlFilter ? '<ht-speaker-filter data-url-filter' : '<ht-speaker-filter',
  );
  const holder = page.document.createElement('div');
  holder.innerHTML = withState;
  for (const id of checked) holder.querySelector(`input[value="${id}"]`)!.setAttribute('checked', '');
  page.document.body.prepend(holder);
  const filter = page.document.querySelector<HTMLElement>('ht-speaker-filter')!;
  const status = () => filter.querySelector('.filter-status')!.textContent;
  await new Promise((resolve) => setTimeout(resolve, 10)); // the script starts on a timer (no requestIdleCallback here)
  const boxes = () =>
    [...filter.querySelectorAll<HTMLInputElement>('input[name="speakers"]:checked')].map((box) => box.value);
  const keepHost = () => filter.querySelector<HTMLInputElement>('input.keep-host')!.checked;
  return {
    filter,
    status,
    boxes,
    keepHost,
    replaced,
    address: () => `${page.window.location.pathname}${page.window.location.search}${page.window.location.hash}`,
  };
}

describe('<ht-speaker-filter>', () => {
  afterEach(() => page.close());

  test('applies the filter the URL names, ignoring unknown and repeated ids, and tidies the address', async () => {
    const reader = await openReader(`${PAGE}?speakers=yao-qizhi,nobody,yao-qizhi&host=0&hl=x#yao-qizhi-1`, {
      hidden: ['xu-li', 'pan-xingang'],
    });
    expect(reader.boxes()).toEqual(['yao-qizhi']);
    expect(reader.keepHost()).toBe(false);
    expect(reader.replaced).toEqual(['/talk/?hl=x&speakers=yao-qizhi&host=0#yao-qizhi-1']);
    expect(reader.status()).toBe('显示 1 / 3 段发言');
  });

  test.each([
    ['encoded markup', '?speakers=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
    ['raw markup', '?speakers=<script>alert(1)</script>'],
    ['an empty value', '?speakers='],
    ['malformed escapes', '?speakers=%E0%A4%A&host=%'],
    [
      'a very long value (a known id past its first 2000 characters is not read)',
      `?speakers=${'x'.repeat(100_000)},yao-qizhi`,
    ],
  ])('shows every turn for %s, adds no markup, and drops the filter from the address', async (_name, query) => {
    const reader = await openReader(`${PAGE}${query}`);
    expect(reader.boxes()).toEqual([]);
    expect(reader.keepHost()).toBe(true);
    expect(reader.address()).toBe('/talk/');
    expect(page.document.querySelectorAll('img, script')).toHaveLength(0);
    expect(reader.status()).toBe('');
  });

  test('applies a long repeated id once', async () => {
    const reader = await openReader(`${PAGE}?speakers=${'pan-xingang,'.repeat(1000)}`);
    expect(reader.boxes()).toEqual(['pan-xingang']);
    expect(reader.address()).toBe('/talk/?speakers=pan-xingang');
  });

  test('keeps the boxes the reader checked before the script loaded when the URL names no filter', async () => {
    const reader = await openReader(`${PAGE}?speakers=xu-li`, { urlFilter: false, checked: ['pan-xingang'] });
    expect(reader.boxes()).toEqual(['pan-xingang']);
    expect(reader.address()).toBe('/talk/?speakers=pan-xingang');
  });

  test('writes each change to the address and announces it', async () => {
    const reader = await openReader(PAGE, { urlFilter: false });
    expect(reader.replaced).toEqual([]);
    expect(reader.status()).toBe('');
    reader.filter.querySelector<HTMLInputElement>('input[value="pan-xingang"]')!.checked = true;
    reader.filter.querySelector<HTMLInputElement>('input.keep-host')!.checked = false;
    reader.filter.querySelector('form')!.dispatchEvent(new Event('change', { bubbles: true }));
    expect(reader.address()).toBe('/talk/?speakers=pan-xingang&host=0');
    expect(reader.status()).toBe('显示 3 / 3 段发言');
    reader.filter.querySelector<HTMLInputElement>('input[value="pan-xingang"]')!.checked = false;
    reader.filter.querySelector<HTMLInputElement>('input.keep-host')!.checked = true;
    reader.filter.querySelector('form')!.dispatchEvent(new Event('change'));
    expect(reader.address()).toBe('/talk/');
    expect(reader.status()).toBe('显示全部 3 段发言');
  });
});
