/** The language a new talk declares: from --language, or from the script of its words. */
import { describe, expect, test } from 'vitest';
import { talkLanguage } from '../../src/lib/import/talk-language';

describe('talkLanguage', () => {
  test.each([
    ['Chinese speech with Latin terms', ['我觉得GAN和Diffusion Model各有优势，DragGAN就是一个例子。'], 'zh-CN'],
    ['English speech', ['Thank you, Grace. I run a small lab that studies council meetings.'], 'en'],
    [
      'English with one Chinese name',
      ['Professor 姚期智 opened the panel with a question about reinforcement learning.'],
      'en',
    ],
  ])('%s is %s', (_name, paragraphs, tag) => {
    expect(talkLanguage(paragraphs).tag).toBe(tag);
  });

  test('--language wins, and the report says so', () => {
    expect(talkLanguage(['Bonjour à tous.'], 'fr')).toEqual({ tag: 'fr', reason: 'from --language' });
  });

  test('a Latin-script guess says it is one', () => {
    expect(talkLanguage(['Guten Tag.']).reason).toBe(
      '8 Latin letters, 0 Han characters: taken for English; set --language for another',
    );
  });
});
