import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CardFont } from '../../src/lib/cards/fonts';
import { cardCacheDir, cardKey, createCardStore, quoteCardInput, rendererVersions } from '../../src/lib/cards/store';
import { buildCatalog } from '../../src/lib/content/catalog';
import { renderCard, type CardInput } from '../../src/lib/cards/card';

const pan: CardInput = {
  quote: '将来如何把这两个模型各自的优势互补会是非常有趣的研究问题。',
  speakerName: '潘新钢',
  speakerRole: '南洋理工大学教授，DragGAN 第一作者',
  initials: '潘',
  speakerColor: '#875400',
  talkTitle: '《创想共论·智变可能》',
  talkSubtitle: 'WAIC 2023 开幕式圆桌论坛',
  date: '2023年7月6日',
};
const yao: CardInput = {
  ...pan,
  quote: '下一个非常重要的目标就是让AI变成机器人',
  speakerName: '姚期智',
  initials: '姚',
  speakerColor: '#0d6466',
};

/** A stand-in for renderCard that counts its calls and returns bytes naming the card. */
function fakeRender() {
  return vi.fn(
    async (input: CardInput, _fonts: CardFont[]) => new Uint8Array(Buffer.from(`card of ${input.speakerName}`)),
  );
}

describe('createCardStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'huitan-cards-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('draws with one shared font set the same bytes as each card drawn alone', async () => {
    const store = createCardStore({ inputs: [pan, yao], dir: undefined });
    for (const input of [pan, yao]) {
      expect(Buffer.from(await store.draw(input)).equals(Buffer.from(await renderCard(input)))).toBe(true);
    }
    expect(store.counts).toEqual({ drawn: 2, cached: 0 });
  });

  test('draws a card it was not told about with that card’s own fonts', async () => {
    const other: CardInput = { ...pan, quote: '龙飞凤舞，鹏程万里。' };
    const store = createCardStore({ inputs: [pan], dir: undefined });
    expect(Buffer.from(await store.draw(other)).equals(Buffer.from(await renderCard(other)))).toBe(true);
  });

  test('keeps every card in the cache folder, so the next build draws none of them', async () => {
    const render = fakeRender();
    const first = createCardStore({ inputs: [pan, yao], dir, render });
    const drawn = [await first.draw(pan), await first.draw(yao)];
    expect(render).toHaveBeenCalledTimes(2);
    expect((await readdir(dir)).sort()).toEqual(
      [`${cardKey(pan, rendererVersions())}.png`, `${cardKey(yao, rendererVersions())}.png`].sort(),
    );

    const next = fakeRender();
    const second = createCardStore({ inputs: [pan, yao], dir, render: next });
    expect([await second.draw(pan), await second.draw(yao)]).toEqual(drawn);
    expect(next).not.toHaveBeenCalled();
    expect(second.counts).toEqual({ drawn: 0, cached: 2 });
  });

  test('draws again a card whose layout changed', async () => {
    const render = fakeRender();
    const recoloured = { ...pan, speakerColor: '#1f57a8' };
    await createCardStore({ inputs: [pan], dir, render }).draw(pan);
    await createCardStore({ inputs: [recoloured], dir, render }).draw(recoloured);
    expect(render).toHaveBeenCalledTimes(2);
    expect(await readdir(dir)).toHaveLength(2);
  });

  test('creates the cache folder when it is missing, and leaves no partial file', async () => {
    const nested = path.join(dir, 'cache', 'social-cards');
    await createCardStore({ inputs: [pan], dir: nested, render: fakeRender() }).draw(pan);
    expect(await readdir(nested)).toEqual([`${cardKey(pan, rendererVersions())}.png`]);
  });
});

describe('cardKey', () => {
  const versions = { satori: '1.0.0', resvg: '2.0.0', font: '3.0.0' };

  test('is the same for the same card and renderer', () => {
    expect(cardKey({ ...pan }, { ...versions })).toBe(cardKey(pan, versions));
    expect(cardKey(pan, versions)).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    ['the quote', { ...pan, quote: '另一句话。' }, versions],
    ['the date', { ...pan, date: '2023年7月7日' }, versions],
    ['the speaker’s colour', { ...pan, speakerColor: '#000000' }, versions],
    ['a renderer version', pan, { ...versions, satori: '1.0.1' }],
  ])('changes with %s', (_name, input, changed) => {
    expect(cardKey(input, changed)).not.toBe(cardKey(pan, versions));
  });
});

describe('cardCacheDir', () => {
  test('is social-cards/ in HUITAN_CACHE_DIR, else in node_modules/.astro', () => {
    expect(cardCacheDir({ HUITAN_CACHE_DIR: '/tmp/site/cache' })).toBe('/tmp/site/cache/social-cards');
    expect(cardCacheDir({})).toBe(path.resolve('node_modules/.astro/social-cards'));
  });
});

describe('quoteCardInput', () => {
  const fact = (text: string) => ({ text, unverified: true as const });
  const catalog = buildCatalog({
    speakers: [
      {
        id: 'pan',
        data: {
          name: '潘新钢',
          latinName: 'Pan Xingang',
          aliases: [],
          color: 'amber',
          role: fact('南洋理工大学教授'),
          affiliation: fact('南洋理工大学'),
        },
      },
    ],
    talks: [
      {
        id: 'demo/talk',
        data: {
          title: '创想共论·智变可能',
          subtitle: 'WAIC 2023 开幕式圆桌论坛',
          summary: '摘要。',
          language: 'zh-CN',
          labels: {},
          event: { name: 'WAIC 2023', fullName: '2023 世界人工智能大会' },
          date: { text: '2023-07-06', source: 'transcript', unverified: false },
          venue: fact('上海'),
          session: fact('圆桌'),
          participants: [{ speaker: 'pan', part: 'guest' }],
          source: { publisher: fact('某公众号'), title: '实录' },
          outline: [],
        },
      },
    ],
    turns: [
      {
        id: 'demo/turns/01-pan',
        data: {
          anchor: 'pan-1',
          position: 1,
          speaker: 'pan',
          quotes: [{ id: 'combine', headline: '优势互补。', span: '优势互补会是非常有趣的研究问题' }],
        },
        body: '将来如何把这两个模型各自的优势互补会是非常有趣的研究问题。',
      },
    ],
  });
  const talk = catalog.talks[0]!;

  test('shows the quote, the speaker in their colour, the talk and the date', () => {
    expect(quoteCardInput(talk, talk.quotes[0]!)).toEqual({
      quote: '优势互补会是非常有趣的研究问题',
      speakerName: '潘新钢',
      speakerRole: '南洋理工大学教授',
      initials: '潘',
      speakerColor: '#875400',
      talkTitle: '《创想共论·智变可能》',
      talkSubtitle: 'WAIC 2023 开幕式圆桌论坛',
      date: '2023年7月6日',
    });
  });

  test('leaves the subtitle empty when the talk has none (the title already names it)', () => {
    const untitled = { ...talk, data: { ...talk.data, subtitle: undefined } };
    expect(quoteCardInput(untitled, talk.quotes[0]!).talkSubtitle).toBe('');
  });
});
