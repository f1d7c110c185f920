import { describe, expect, test } from 'vitest';
import { factSourceLabel, filterQuery, formatDate, parseFilterQuery } from '../../src/lib/text/format';

describe('formatDate', () => {
  test.each([
    ['2023-07-06', '2023年7月6日'],
    ['2024-12-31', '2024年12月31日'],
    ['1999-01-01', '1999年1月1日'],
    ['2023-10-20', '2023年10月20日'],
  ])('formats %s as %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  test.each(['2023-7-6', '2023/07/06', '2023-07-06T00:00:00Z', ' 2023-07-06', '20230706', '', '七月六日'])(
    'throws on %j, quoting it',
    (value) => {
      expect(() => formatDate(value)).toThrow(`expected an ISO date YYYY-MM-DD, found ${JSON.stringify(value)}`);
    },
  );
});

describe('filterQuery', () => {
  test.each<[string[], boolean, string]>([
    [[], true, ''],
    [[], false, '?host=0'],
    [['yao-qizhi'], true, '?speakers=yao-qizhi'],
    [['yao-qizhi', 'pan-xingang'], true, '?speakers=yao-qizhi,pan-xingang'],
    [['yao-qizhi', 'pan-xingang'], false, '?speakers=yao-qizhi,pan-xingang&host=0'],
  ])('builds the query of speakers %j, keepHost %s: %j', (speakers, keepHost, expected) => {
    expect(filterQuery(speakers, keepHost)).toBe(expected);
  });

  test('encodes characters that are not safe in a query, but keeps the comma', () => {
    expect(filterQuery(['a&b', 'c d'], true)).toBe('?speakers=a%26b,c+d');
  });

  test.each<[string[], boolean]>([
    [[], true],
    [[], false],
    [['yao-qizhi', 'pan-xingang'], true],
    [['xu-li'], false],
  ])('round-trips speakers %j and keepHost %s through parseFilterQuery', (speakers, keepHost) => {
    expect(parseFilterQuery(filterQuery(speakers, keepHost), ['xu-li', 'yao-qizhi', 'pan-xingang'])).toEqual({
      speakers,
      keepHost,
    });
  });
});

describe('parseFilterQuery', () => {
  const known = ['xu-li', 'yao-qizhi', 'pan-xingang'];

  test.each<[string, string, { speakers: string[]; keepHost: boolean }]>([
    ['an empty string', '', { speakers: [], keepHost: true }],
    ['a bare question mark', '?', { speakers: [], keepHost: true }],
    ['one speaker', '?speakers=yao-qizhi', { speakers: ['yao-qizhi'], keepHost: true }],
    [
      'two speakers in URL order',
      '?speakers=pan-xingang,yao-qizhi',
      { speakers: ['pan-xingang', 'yao-qizhi'], keepHost: true },
    ],
    ['no leading question mark', 'speakers=yao-qizhi', { speakers: ['yao-qizhi'], keepHost: true }],
    ['unknown ids, ignored', '?speakers=nobody,yao-qizhi,YAO-QIZHI', { speakers: ['yao-qizhi'], keepHost: true }],
    [
      'duplicates, kept once',
      '?speakers=yao-qizhi,yao-qizhi,pan-xingang,yao-qizhi',
      { speakers: ['yao-qizhi', 'pan-xingang'], keepHost: true },
    ],
    [
      'a repeated parameter',
      '?speakers=yao-qizhi&speakers=pan-xingang',
      { speakers: ['yao-qizhi', 'pan-xingang'], keepHost: true },
    ],
    [
      'an encoded comma',
      '?speakers=yao-qizhi%2Cpan-xingang',
      { speakers: ['yao-qizhi', 'pan-xingang'], keepHost: true },
    ],
    [
      'spaces around ids',
      '?speakers=+yao-qizhi+,%20pan-xingang',
      { speakers: ['yao-qizhi', 'pan-xingang'], keepHost: true },
    ],
    ['empty values', '?speakers=,,&speakers=', { speakers: [], keepHost: true }],
    ['host=0', '?host=0', { speakers: [], keepHost: false }],
    ['host=0 with speakers', '?speakers=pan-xingang&host=0', { speakers: ['pan-xingang'], keepHost: false }],
    ['host=1', '?host=1', { speakers: [], keepHost: true }],
    ['an empty host', '?host=', { speakers: [], keepHost: true }],
    ['host=false (only "0" hides the host)', '?host=false', { speakers: [], keepHost: true }],
    ['host=00', '?host=00', { speakers: [], keepHost: true }],
    ['a script value', '?speakers=<script>alert(1)</script>', { speakers: [], keepHost: true }],
    [
      'an encoded script value',
      '?speakers=%3Cscript%3Ealert(1)%3C%2Fscript%3E,xu-li',
      { speakers: ['xu-li'], keepHost: true },
    ],
    ['malformed percent escapes', '?speakers=%E0%A4%A,xu-li&host=%', { speakers: ['xu-li'], keepHost: true }],
    ['unrelated parameters', '?utm_source=x&speaker=xu-li', { speakers: [], keepHost: true }],
    ['a prototype key', '?speakers=__proto__,constructor,toString', { speakers: [], keepHost: true }],
  ])('reads %s', (_name, search, expected) => {
    expect(parseFilterQuery(search, known)).toEqual(expected);
  });

  test('ignores a very long value', () => {
    const search = `?speakers=${'x'.repeat(100_000)},yao-qizhi`;
    expect(parseFilterQuery(search, known)).toEqual({ speakers: [], keepHost: true });
  });

  test('reads only the first 2000 characters of a very long query', () => {
    const padding = 'nobody,'.repeat(300); // 2100 characters
    expect(parseFilterQuery(`?speakers=xu-li,${padding}yao-qizhi&host=0`, known)).toEqual({
      speakers: ['xu-li'],
      keepHost: true,
    });
  });

  test('returns nothing when no speaker is known', () => {
    expect(parseFilterQuery('?speakers=xu-li', [])).toEqual({ speakers: [], keepHost: true });
  });
});

describe('factSourceLabel', () => {
  test.each<[string | undefined, string, string | undefined, ReturnType<typeof factSourceLabel>]>([
    [undefined, 'waic-2023', undefined, undefined],
    ['transcript', 'waic-2023', undefined, { text: '见原文' }],
    ['talk:waic-2023', 'waic-2023', undefined, { text: '见原文' }],
    ['talk:other-talk', 'waic-2023', undefined, { text: '见另一场实录', href: '/other-talk/' }],
    ['talk:other-talk', 'waic-2023', '/huitan/', { text: '见另一场实录', href: '/huitan/other-talk/' }],
    ['https://example.org/a?b=1', 'waic-2023', undefined, { text: '来源', href: 'https://example.org/a?b=1' }],
    ['https://example.org/', 'waic-2023', '/huitan/', { text: '来源', href: 'https://example.org/' }],
  ])('labels source %j in talk %j (base %j) as %j', (source, talk, base, expected) => {
    const label = base === undefined ? factSourceLabel(source, talk) : factSourceLabel(source, talk, base);
    expect(label).toEqual(expected);
  });
});
