import { describe, expect, test } from 'vitest';
import {
  apaAuthor,
  chicagoBibliographyAuthor,
  citeApa,
  citeApaTranslation,
  citeApaTranslationInText,
  citeChicagoBibliography,
  citeChicagoNote,
  citeGbt7714,
  englishAttributionLabel,
  englishDate,
  englishLanguageName,
  givenNames,
  headlineStyle,
  isoDay,
  quoteWithAttribution,
  translatedCitation,
  translatedQuoteWithAttribution,
  type CitationInput,
  type TranslatedCitationInput,
} from '../../src/lib/sharing/citation';

const input: CitationInput = {
  author: '姚期智',
  title: '创想共论·智变可能',
  subtitle: 'WAIC 2023 开幕式圆桌论坛',
  date: '2023-07-06',
  url: 'https://example.org/waic-2023-roundtable/#yao-rl-breakthrough',
};

describe('quoteWithAttribution', () => {
  test('puts the words in Chinese quotation marks, then ——speaker，talk and the URL', () => {
    expect(
      quoteWithAttribution('自主学习各种的新技能。', '姚期智', 'WAIC 2023 开幕式圆桌论坛', 'https://example.org/q/x/'),
    ).toBe('“自主学习各种的新技能。” ——姚期智，WAIC 2023 开幕式圆桌论坛 https://example.org/q/x/');
  });
});

describe('citeGbt7714', () => {
  test('formats an online electronic resource with the access date', () => {
    expect(citeGbt7714({ ...input, accessed: '2025-01-09' })).toBe(
      '姚期智. 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛[EB/OL]. 会谈 Huitan, 2023-07-06[2025-01-09]. https://example.org/waic-2023-roundtable/#yao-rl-breakthrough.',
    );
  });

  test('leaves the access date out when it is not known (the page adds it in the browser)', () => {
    expect(citeGbt7714({ ...input, subtitle: undefined })).toBe(
      '姚期智. 创想共论·智变可能[EB/OL]. 会谈 Huitan, 2023-07-06. https://example.org/waic-2023-roundtable/#yao-rl-breakthrough.',
    );
  });

  test('rejects a date that is not ISO', () => {
    expect(() => citeGbt7714({ ...input, date: '2023/7/6' })).toThrow(
      'expected an ISO date YYYY-MM-DD, found "2023/7/6"',
    );
  });
});

describe('citeApa', () => {
  test('formats author, date, title, description, site and URL', () => {
    expect(citeApa(input)).toBe(
      '姚期智. (2023, July 6). 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛 [Transcript]. 会谈 Huitan. https://example.org/waic-2023-roundtable/#yao-rl-breakthrough',
    );
  });
});

describe('isoDay', () => {
  test('writes the local calendar day with zero padding', () => {
    expect(isoDay(new Date(2025, 0, 9, 23, 30))).toBe('2025-01-09');
  });
});

describe('citations of a translation', () => {
  const translated: TranslatedCitationInput = {
    author: 'Andrew Chi-Chih Yao',
    family: 'Yao',
    title: 'Ideas in Dialogue · The Possibilities of Intelligent Change',
    subtitle: 'WAIC 2023 opening ceremony roundtable',
    url: 'https://example.org/en/waic-2023-roundtable/q/embodied-agents/',
    translation: { by: 'Huitan', date: '2026-12-04', from: 'zh-CN' },
    original: {
      title: '创想共论·智变可能',
      subtitle: 'WAIC 2023 开幕式圆桌论坛',
      date: '2023-07-06',
      url: 'https://example.org/waic-2023-roundtable/q/embodied-agents/',
    },
  };

  test('APA names the translator as (Huitan, Trans.), dates the translation and names the Chinese original', () => {
    expect(citeApaTranslation(translated)).toBe(
      'Yao, A. C.-C. (2026, December 4). Ideas in Dialogue · The Possibilities of Intelligent Change: WAIC 2023 opening ceremony roundtable (Huitan, Trans.) [Transcript]. Huitan. https://example.org/en/waic-2023-roundtable/q/embodied-agents/ (Original work published 2023 in Chinese as 创想共论·智变可能：WAIC 2023 开幕式圆桌论坛, https://example.org/waic-2023-roundtable/q/embodied-agents/)',
    );
    expect(citeApaTranslationInText(translated)).toBe('(Yao, 2023/2026)');
  });

  test('APA keeps a name as written when its family name is not known', () => {
    const unknown = { ...translated, family: undefined };
    expect(citeApaTranslation(unknown)).toMatch(/^Andrew Chi-Chih Yao\. \(2026, December 4\)\. /);
    expect(citeApaTranslationInText(unknown)).toBe('(Andrew Chi-Chih Yao, 2023/2026)');
  });

  test.each([
    ['Xu Li', 'Xu', 'Xu, L.'],
    ['Andrew Chi-Chih Yao', 'Yao', 'Yao, A. C.-C.'],
    ['Yang Yuan', 'Yuan', 'Yuan, Y.'],
    ['Yang Zhilin', 'Yang', 'Yang, Z.'],
    ['Xingang Pan', 'Pan', 'Pan, X.'],
    ['Jean-Paul Sartre', 'Sartre', 'Sartre, J.-P.'],
  ])('APA writes %s (family name %s) as %s: initials for the given names, a hyphen kept', (author, family, apa) => {
    expect(apaAuthor(author, family)).toBe(apa);
  });

  test('the family name is the name’s first or last whole word(s), with given names on the other side', () => {
    expect(givenNames('Andrew Chi-Chih Yao', 'Yao')).toEqual({ given: 'Andrew Chi-Chih', familyFirst: false });
    expect(givenNames('Yang Zhilin', 'Yang')).toEqual({ given: 'Zhilin', familyFirst: true });
    // "Yang Yuan" begins and ends with a Chinese family name: which one is his, only the content can say.
    expect(givenNames('Yang Yuan', 'Yuan')).toEqual({ given: 'Yang', familyFirst: false });
    for (const family of ['Chi-Chih', 'Ya', 'ao', 'Andrew Chi-Chih Yao', 'yao'])
      expect(givenNames('Andrew Chi-Chih Yao', family), family).toBeUndefined();
    expect(apaAuthor('Andrew Chi-Chih Yao', 'Chi-Chih')).toBe('Andrew Chi-Chih Yao');
  });

  test('a translated citation takes the speaker’s family name with the name', () => {
    const share = {
      by: 'Huitan',
      date: '2026-12-04',
      from: 'zh-CN',
      original: { title: '创想共论·智变可能', date: '2023-07-06' },
      roots: { edition: 'https://example.org/en/', original: 'https://example.org/' },
    };
    const url = 'https://example.org/en/waic-2023-roundtable/#yao-paperwork';
    const cited = translatedCitation(
      { title: 'Ideas in Dialogue' },
      share,
      { author: 'Andrew Chi-Chih Yao', family: 'Yao' },
      url,
    );
    expect(cited).toMatchObject({ author: 'Andrew Chi-Chih Yao', family: 'Yao', url });
    expect(cited.original.url).toBe('https://example.org/waic-2023-roundtable/#yao-paperwork');
    expect(citeApaTranslation(cited)).toMatch(
      /^Yao, A\. C\.-C\. \(2026, December 4\)\. Ideas in Dialogue \(Huitan, Trans\.\)/,
    );
    const unknown = translatedCitation({ title: 'Ideas in Dialogue' }, share, { author: 'Andrew Chi-Chih Yao' }, url);
    expect(citeApaTranslation(unknown)).toMatch(/^Andrew Chi-Chih Yao\. \(2026/);
  });

  test('APA and Chicago put a Chinese-order name family first without inverting it in Chicago', () => {
    expect(apaAuthor('Yang Zhilin', 'Yang')).toBe('Yang, Z.');
    expect(chicagoBibliographyAuthor('Yang Zhilin', 'Yang')).toBe('Yang Zhilin');
    expect(chicagoBibliographyAuthor('Andrew Chi-Chih Yao', 'Yao')).toBe('Yao, Andrew Chi-Chih');
    expect(apaAuthor('Andrew Chi-Chih Yao', 'Chen')).toBe('Andrew Chi-Chih Yao');
  });

  test('Chicago’s note says trans. Huitan from the Chinese and where the original was published', () => {
    expect(citeChicagoNote(translated)).toBe(
      'Andrew Chi-Chih Yao, “Ideas in Dialogue · The Possibilities of Intelligent Change: WAIC 2023 Opening Ceremony Roundtable,” trans. Huitan from the Chinese, Huitan, December 4, 2026, https://example.org/en/waic-2023-roundtable/q/embodied-agents/; originally published as “创想共论·智变可能：WAIC 2023 开幕式圆桌论坛,” 会谈 Huitan, July 6, 2023, https://example.org/waic-2023-roundtable/q/embodied-agents/.',
    );
  });

  test('Chicago’s bibliography entry inverts the author, spells out Translated … by, and adds the access date', () => {
    expect(citeChicagoBibliography({ ...translated, accessed: '2026-12-05' })).toBe(
      'Yao, Andrew Chi-Chih. “Ideas in Dialogue · The Possibilities of Intelligent Change: WAIC 2023 Opening Ceremony Roundtable.” Translated from the Chinese by Huitan. Huitan, December 4, 2026. Accessed December 5, 2026. https://example.org/en/waic-2023-roundtable/q/embodied-agents/. Originally published as “创想共论·智变可能：WAIC 2023 开幕式圆桌论坛.” 会谈 Huitan, July 6, 2023. https://example.org/waic-2023-roundtable/q/embodied-agents/.',
    );
  });

  test('headline style raises the first letters of major words only, and never lowers one', () => {
    expect(headlineStyle('a talk on GANs and diffusion: what comes next')).toBe(
      'A Talk on GANs and Diffusion: What Comes Next',
    );
    expect(headlineStyle('DragGAN in the wild')).toBe('DragGAN in the Wild');
  });

  test('the copied quote says whose translation it is and from what', () => {
    expect(
      translatedQuoteWithAttribution(
        'After ChatGPT, the next very important goal is to turn AI into robots.',
        'Andrew Chi-Chih Yao',
        englishAttributionLabel({ title: 'Ideas in Dialogue', subtitle: 'WAIC 2023 opening ceremony roundtable' }),
        'https://example.org/en/q/x/',
        { by: 'Huitan', from: 'zh-CN' },
      ),
    ).toBe(
      '“After ChatGPT, the next very important goal is to turn AI into robots.” — Andrew Chi-Chih Yao, WAIC 2023 opening ceremony roundtable (Huitan’s translation from the Chinese) https://example.org/en/q/x/',
    );
    expect(englishAttributionLabel({ title: 'Ideas in Dialogue' })).toBe('Ideas in Dialogue');
  });

  test('names languages and dates in English, and rejects what is not a language tag or an ISO date', () => {
    expect([englishLanguageName('zh-CN'), englishLanguageName('en'), englishLanguageName('ja')]).toEqual([
      'Chinese',
      'English',
      'Japanese',
    ]);
    expect(englishDate('2023-07-06')).toBe('July 6, 2023');
    expect(() => englishLanguageName('zz-Qq')).toThrow('expected a BCP 47 language tag such as "zh-CN", found "zz-Qq"');
    expect(() =>
      citeApaTranslation({ ...translated, translation: { ...translated.translation, date: '4.12.2026' } }),
    ).toThrow('expected an ISO date YYYY-MM-DD, found "4.12.2026"');
  });
});
