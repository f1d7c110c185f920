import { describe, expect, test } from 'vitest';
import { TITLE_ROOM } from '../../src/lib/i18n/en';
import { ui } from '../../src/lib/i18n/ui';
import {
  clipText,
  clipWords,
  translatedQuoteJsonLd,
  translatedQuotePage,
  type TranslatedQuotePageInput,
} from '../../src/lib/sharing/quote-page';

const input: TranslatedQuotePageInput = {
  quote:
    'After ChatGPT, the next very important goal is to turn AI into robots with vision, hearing and other kinds of perception.',
  speakerName: 'Andrew Chi-Chih Yao',
  speakerRole: 'Turing Award laureate',
  talkTitle: 'Ideas in Dialogue · The Possibilities of Intelligent Change',
  talkSubtitle: 'WAIC 2023 opening ceremony roundtable',
  date: '2023-07-06',
  translation: { by: 'Huitan', from: 'zh-CN' },
  original: { quote: '在ChatGPT以后，下一个非常重要的目标', path: '/waic-2023-roundtable/q/embodied-agents/' },
};

describe('clipWords', () => {
  test('cuts between words, drops the trailing comma and adds …', () => {
    expect(clipWords('After ChatGPT, the next very important goal', 16)).toBe('After ChatGPT…');
    expect(clipWords('Short enough.', 60)).toBe('Short enough.');
  });

  test('cuts inside a word only when there is no space to cut at', () => {
    expect(clipWords('Supercalifragilistic', 6)).toBe('Super…');
  });

  test('leaves the Chinese clip as it was (by characters)', () => {
    expect(clipText('自主学习各种的新技能。', 5)).toBe('自主学习…');
  });
});

describe('translatedQuotePage', () => {
  const page = translatedQuotePage(input);

  test('titles the page with the speaker and the quote, cut between words for the tab', () => {
    expect(page.title).toBe('Andrew Chi-Chih Yao: “After ChatGPT, the next very…”');
    expect(page.title.length).toBeLessThanOrEqual(TITLE_ROOM);
    expect(page.socialTitle).toBe(`Andrew Chi-Chih Yao: “${input.quote}”`);
  });

  test('says in the description, the alt text and its own line that the words are Huitan’s translation', () => {
    expect(page.description).toBe(
      'Andrew Chi-Chih Yao (Turing Award laureate) at the WAIC 2023 opening ceremony roundtable, July 6, 2023. Huitan’s translation from the Chinese.',
    );
    expect(page.imageAlt).toBe(
      `Quote card: “${input.quote}” — Andrew Chi-Chih Yao, Turing Award laureate; Ideas in Dialogue · The Possibilities of Intelligent Change: WAIC 2023 opening ceremony roundtable. Huitan’s translation from the Chinese.`,
    );
    expect(page.translationLine).toBe('Huitan’s translation from the Chinese');
  });

  test('gives the context line and the link to the original quote on the Chinese share page', () => {
    expect(page.contextLine).toBe(
      'Andrew Chi-Chih Yao, Turing Award laureate, WAIC 2023 opening ceremony roundtable, July 6, 2023',
    );
    expect(page.original).toEqual({
      label: 'The original, in Chinese',
      quote: '在ChatGPT以后，下一个非常重要的目标',
      lang: 'zh-CN',
      path: '/waic-2023-roundtable/q/embodied-agents/',
      note: 'The Chinese original is authoritative.',
    });
  });

  test('names the talk by its title when it has no subtitle', () => {
    expect(translatedQuotePage({ ...input, talkSubtitle: undefined }).contextLine).toBe(
      'Andrew Chi-Chih Yao, Turing Award laureate, Ideas in Dialogue · The Possibilities of Intelligent Change, July 6, 2023',
    );
  });

  test('takes its words as a parameter, for the UI dictionary', () => {
    const words = { ...ui('en').quotePage.translated, translation: 'Translated by {by} from {language}' };
    expect(translatedQuotePage(input, words).translationLine).toBe('Translated by Huitan from Chinese');
  });
});

describe('translatedQuoteJsonLd', () => {
  test('is a Quotation in English, translated by Huitan from the original quote', () => {
    const urls = {
      page: 'https://example.org/en/waic-2023-roundtable/q/embodied-agents/',
      original: 'https://example.org/waic-2023-roundtable/q/embodied-agents/',
      image: 'https://example.org/en/waic-2023-roundtable/q/embodied-agents.png',
      reader: 'https://example.org/en/waic-2023-roundtable/',
    };
    expect(translatedQuoteJsonLd(input, urls)).toMatchObject({
      '@type': 'Quotation',
      inLanguage: 'en',
      url: urls.page,
      translator: { '@type': 'Organization', name: 'Huitan' },
      translationOfWork: { '@type': 'Quotation', text: input.original.quote, inLanguage: 'zh-CN', url: urls.original },
      spokenByCharacter: { name: 'Andrew Chi-Chih Yao' },
      image: urls.image,
    });
  });
});
