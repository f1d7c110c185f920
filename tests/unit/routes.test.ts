/** Every base-aware path of the site comes from src/lib/sharing/routes.ts: with the default base and under one. */
import { describe, expect, test } from 'vitest';
import {
  aboutPath,
  absoluteUrl,
  cardPath,
  citePath,
  homePath,
  notFoundPath,
  quoteContextPath,
  readerPath,
  searchPath,
  sharePath,
  siteCardPath,
  speakerPath,
  turnPath,
  withBase,
} from '../../src/lib/sharing/routes';

const paths: [string, string][] = [
  ['home', homePath],
  ['search', searchPath],
  ['not found', notFoundPath],
  ['site card', siteCardPath],
  ['reader', readerPath('waic-2023')],
  ['turn', turnPath('waic-2023', 'turn-3')],
  ['quote in context', quoteContextPath('waic-2023', 'quote-agi')],
  ['cite page', citePath('waic-2023')],
  ['cite section', citePath('waic-2023', 'turn-3')],
  ['about page', aboutPath('waic-2023')],
  ['about section', aboutPath('waic-2023', 'corrections')],
  ['share page', sharePath('waic-2023', 'agi')],
  ['card', cardPath('waic-2023', 'agi')],
  ['speaker page', speakerPath('yao-qizhi')],
];

describe('site paths (base-free)', () => {
  test('are what the built site publishes', () => {
    expect(Object.fromEntries(paths)).toEqual({
      home: '/',
      search: '/search/',
      'not found': '/404.html',
      'site card': '/card.png',
      reader: '/waic-2023/',
      turn: '/waic-2023/#turn-3',
      'quote in context': '/waic-2023/#quote-agi',
      'cite page': '/waic-2023/cite/',
      'cite section': '/waic-2023/cite/#turn-3',
      'about page': '/waic-2023/about/',
      'about section': '/waic-2023/about/#corrections',
      'share page': '/waic-2023/q/agi/',
      card: '/waic-2023/q/agi.png',
      'speaker page': '/speakers/yao-qizhi/',
    });
  });
});

describe('withBase', () => {
  test.each(paths)('leaves the %s path as it is under the root base', (_, path) => {
    expect(withBase(path, '/')).toBe(path);
  });

  test.each(paths)('puts the %s path under /huitan/, with or without its trailing slash', (_, path) => {
    expect(withBase(path, '/huitan/')).toBe(`/huitan${path}`);
    expect(withBase(path, '/huitan')).toBe(`/huitan${path}`);
  });

  test('uses the configured base by default (vitest: /)', () => {
    expect(withBase(readerPath('waic-2023'))).toBe(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/waic-2023/`);
  });

  test('leaves a URL that is not a site path alone', () => {
    expect(withBase('https://example.org/a', '/huitan/')).toBe('https://example.org/a');
    expect(withBase('#turn-3', '/huitan/')).toBe('#turn-3');
  });
});

describe('absoluteUrl', () => {
  test('joins the site origin and the base-aware path', () => {
    expect(absoluteUrl(sharePath('waic-2023', 'agi'), new URL('https://huitan.example'))).toBe(
      'https://huitan.example/waic-2023/q/agi/',
    );
  });

  test('throws, naming the setting, when the site has no origin configured', () => {
    expect(() => absoluteUrl(homePath, undefined)).toThrow(
      'expected `site` in astro.config.mjs (HUITAN_SITE) for absolute URLs, found none',
    );
  });
});
