import { describe, expect, test } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import LanguageSwitch from '../../src/components/LanguageSwitch.astro';
import { switchHref } from '../../src/scripts/language-switch-url';

const PAGE = 'https://huitan.example/waic-2023-roundtable/';
const EN = '/en/waic-2023-roundtable/';

describe('the language switch carries the reader’s place over', () => {
  test.each([
    ['nothing to carry: the plain counterpart', PAGE, EN],
    ['the turn anchor', `${PAGE}#turn-yang-zhilin-2`, `${EN}#turn-yang-zhilin-2`],
    ['a key quote’s anchor', `${PAGE}#quote-embodied-agents`, `${EN}#quote-embodied-agents`],
    ['the speaker filter', `${PAGE}?speakers=yao-qizhi,yang-zhilin`, `${EN}?speakers=yao-qizhi,yang-zhilin`],
    [
      'the filter without the host, and the anchor',
      `${PAGE}?speakers=xu-li&host=0#turn-xu-li-1`,
      `${EN}?speakers=xu-li&host=0#turn-xu-li-1`,
    ],
    ['the search query', 'https://huitan.example/search/?q=%E5%B9%BB%E8%A7%89', '/en/search/?q=%E5%B9%BB%E8%A7%89'],
    [
      'a query with spaces, trimmed',
      'https://huitan.example/search/?q=%20world%20model%20',
      '/en/search/?q=world+model',
    ],
    ['not other parameters (highlights, tracking)', `${PAGE}?hl=x&utm_source=y#turn-a`, `${EN}#turn-a`],
  ])('%s', (_, current, expected) => {
    const target = current.includes('/search/') ? '/en/search/' : EN;
    expect(switchHref(target, current)).toBe(expected);
  });

  test('back from English to Chinese the same way', () => {
    expect(
      switchHref('/waic-2023-roundtable/', `https://huitan.example${EN}?speakers=pan-xingang#turn-pan-xingang-1`),
    ).toBe('/waic-2023-roundtable/?speakers=pan-xingang#turn-pan-xingang-1');
  });

  test('an absolute target on the site, under a base path, keeps its path', () => {
    expect(switchHref('https://huitan.example/huitan/en/t/', 'https://huitan.example/huitan/t/#turn-a')).toBe(
      '/huitan/en/t/#turn-a',
    );
  });

  test.each([
    ['a script in the anchor', `${PAGE}#javascript:alert(1)`, EN],
    ['markup in the anchor', `${PAGE}#%3Cimg%20src=x%3E`, EN],
    ['an over-long anchor', `${PAGE}#t${'a'.repeat(200)}`, EN],
    ['a speaker id that is not one', `${PAGE}?speakers=yao-qizhi,%3Cscript%3E`, EN],
    ['an empty speaker in the list', `${PAGE}?speakers=yao-qizhi,,xu-li`, EN],
    ['a host value other than 0', `${PAGE}?host=1`, EN],
    ['an over-long query', `https://huitan.example/s/?q=${'a'.repeat(201)}`, EN],
    ['a query with control characters', 'https://huitan.example/s/?q=a%0Ab', EN],
    ['an empty query', 'https://huitan.example/s/?q=%20%20', EN],
  ])('drops %s calmly and still leads to the counterpart', (_, current, expected) => {
    expect(switchHref(EN, current)).toBe(expected);
  });

  test('leaves a target on another host, or an unreadable address, as it was', () => {
    expect(switchHref('https://elsewhere.example/en/', `${PAGE}#turn-a`)).toBe('https://elsewhere.example/en/');
    expect(switchHref(EN, 'not a url')).toBe(EN);
  });
});

describe('LanguageSwitch.astro', () => {
  test('links to each counterpart by its own language name, marked with its language', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(LanguageSwitch, {
      props: { locale: 'zh-CN', alternates: [{ lang: 'en', href: EN }] },
    });
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const nav = document.querySelector('nav.language-switch')!;
    expect(nav.getAttribute('aria-label')).toBe('语言');
    const links = [...nav.querySelectorAll('a')];
    expect(
      links.map((a) => [
        a.getAttribute('href'),
        a.getAttribute('hreflang'),
        a.getAttribute('lang'),
        a.textContent?.trim(),
      ]),
    ).toEqual([[EN, 'en', 'en', 'English']]);
    expect(links[0]!.hasAttribute('data-language-switch')).toBe(true);
  });

  test('on an English page it names Chinese in Chinese, and the navigation in English', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(LanguageSwitch, {
      props: { locale: 'en', alternates: [{ lang: 'zh-CN', href: '/waic-2023-roundtable/' }] },
    });
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelector('nav')?.getAttribute('aria-label')).toBe('Language');
    expect(document.querySelector('a')?.textContent?.trim()).toBe('中文');
    expect(document.querySelector('a')?.getAttribute('lang')).toBe('zh-CN');
  });
});
