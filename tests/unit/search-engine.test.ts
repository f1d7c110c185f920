/**
 * The search engine (src/scripts/search-engine.ts) against a fake Pagefind (tests/helpers/
 * fake-pagefind.ts): what it asks the index for, which turns it returns and in which order, the
 * facets' counts, how many records a query fetches, and what happens when Pagefind fails.
 */
import { describe, expect, test } from 'vitest';
import { loadPage } from '../../src/lib/search/query';
import {
  FIRST_PAGE,
  MAX_CANDIDATES,
  preloadQuery,
  search,
  termsFor,
  warmUp,
  WARM_UP_LIMIT,
  type Hit,
  type Match,
} from '../../src/scripts/search-engine';
import { FakePagefind, type FakeTurn } from '../helpers/fake-pagefind';

const speakers = [
  { id: 'yao', name: '姚期智', latinName: 'Yao Qizhi', aliases: ['姚老师'] },
  { id: 'pan', name: '潘新钢', latinName: 'Pan Xingang', aliases: [] },
  { id: 'yuan', name: '袁洋', latinName: 'Yuan Yang', aliases: [] },
  { id: 'yang', name: '杨植麟', latinName: 'Yang Zhilin', aliases: [] },
];

/** Two talks; a turn's URL is /talk/#speaker-order, e.g. /a/#pan-4 is the fourth turn of talk a. */
const turns: FakeTurn[] = [
  { talk: 'a', speaker: 'yao', text: '多模态的补全与对齐。' },
  { talk: 'a', speaker: 'yuan', text: '多模型与形态，不是一回事。' },
  { talk: 'a', speaker: 'yang', text: 'GAN和Diffusion Model都是生成模型。' },
  { talk: 'a', speaker: 'pan', text: '我同意姚期智老师：幻觉。不是小问题。' },
  { talk: 'b', speaker: 'yao', text: '我们讨论多模态和幻觉，不去编造。' },
  { talk: 'b', speaker: 'pan', text: 'DragGAN这篇文章用了GAN。' },
  { talk: 'b', speaker: 'yao', text: '最后一段：diffusion 和 GAN。' },
];

/** Every match loaded (checked against the words), as the URLs the reader would be shown. */
async function shown(matches: readonly Match[]): Promise<string[]> {
  const { items } = await loadPage(matches, 0, matches.length);
  return items.map((hit: Hit) => hit.url);
}

const counts = (map: Map<string, number>) => Object.fromEntries([...map].sort());

describe('query shaping: what the engine asks Pagefind for', () => {
  test.each([
    [
      'a word Pagefind’s dictionary lacks, as a phrase of its bigrams',
      '多模态',
      ['"q26y5k1 q5k13k1"'],
      ['/a/#yao-1', '/b/#yao-1'],
    ],
    ['a two-character word, as its one bigram (a prefix of the word)', '幻觉', ['q397bt5'], ['/a/#pan-4', '/b/#yao-1']],
    ['one character, as the prefix of every bigram it starts', '编', ['q9p2'], ['/b/#yao-1']],
    [
      'a run of Latin and Han, lower-cased',
      'DragGAN这篇',
      // And as an English word and a bigram: the phrase English turns would hold (there are none here).
      ['"qhdhr qhrha qhahg qhghg qhgha qhahn qhnd09 qd0991j"', '"wdraggan qd0991j"'],
      ['/b/#pan-2'],
    ],
    [
      'two words, one phrase each, intersected',
      'GAN Diffusion',
      ['"qhgha qhahn"', '"wgan"', '"qhdhi qhihf qhfhf qhfhu qhuhs qhshi qhiho qhohn"', '"wdiffus"'],
      ['/a/#yang-3', '/b/#yao-3'],
    ],
    ['a quoted name, as text rather than the speaker', '"姚期智"', ['"q2ca4yn q4yn4u2"'], ['/a/#pan-4']],
    ['full-width Latin, normalised', 'ＧＡＮ', ['"qhgha qhahn"', '"wgan"'], ['/a/#yang-3', '/b/#pan-2', '/b/#yao-3']],
  ])('%s (%s)', async (_name, query, terms, anchors) => {
    const fake = new FakePagefind(turns);
    const outcome = await search(fake, query, speakers);
    expect(fake.searchedTerms.filter((term) => term !== null)).toEqual(expect.arrayContaining(terms));
    expect(new Set(fake.searchedTerms)).toEqual(new Set(terms));
    expect(outcome.speaker).toBeUndefined();
    expect(await shown(outcome.matches)).toEqual(anchors);
  });

  test('never shows a turn the index matched whose text lacks the words', async () => {
    // "幻觉，不" is searched as 幻觉 at the end of a run (the lone 不 has no bigram), which
    // 幻觉。不是 matches too; the engine reads the turn and leaves it out.
    const fake = new FakePagefind(turns);
    const outcome = await search(fake, '幻觉，不', speakers);
    expect(new Set(fake.searchedTerms)).toEqual(new Set(['"q397bt5 qbt5gzz"']));
    expect(outcome.matches).toHaveLength(2);
    expect(await loadPage(outcome.matches, 0, 10)).toMatchObject({ items: [{ url: '/b/#yao-1' }], next: 2 });
  });

  test.each(['姚期智', '姚老师', 'Yao Qizhi', 'yaoqizhi'])(
    'lists the turns of the speaker %j names, in transcript order',
    async (query) => {
      const fake = new FakePagefind(turns);
      const outcome = await search(fake, query, speakers);
      expect(outcome.speaker?.id).toBe('yao');
      expect(fake.searchedTerms).toEqual([null]);
      expect(fake.calls.find((call) => call.method === 'search')?.options).toEqual({ filters: { speaker: ['yao'] } });
      expect(await shown(outcome.matches)).toEqual(['/a/#yao-1', '/b/#yao-1', '/b/#yao-3']);
    },
  );

  test.each(['', '   ', '，。！', '🙂'])('asks nothing for a query without letters or digits (%j)', async (query) => {
    const fake = new FakePagefind(turns);
    const outcome = await search(fake, query, speakers);
    expect(fake.calls).toEqual([]);
    expect(outcome).toMatchObject({ matches: [], total: 0, speaker: undefined });
  });

  test('preloads the index chunks of each word as it is typed, in the words’ phrase form', async () => {
    const fake = new FakePagefind(turns);
    await preloadQuery(fake, '多模态 gan ，');
    expect(fake.calls).toEqual([
      { method: 'preload', term: '"q26y5k1 q5k13k1"', options: undefined },
      { method: 'preload', term: '"qhgha qhahn"', options: undefined },
      { method: 'preload', term: '"wgan"', options: undefined },
    ]);
  });
});

describe('turns in English and Chinese in one index', () => {
  const bilingual: FakeTurn[] = [
    { speaker: 'yang', talk: 'a', anchor: 'zh-1', text: '比如幻觉的问题，还有GAN和DragGAN。' },
    { speaker: 'yang', talk: 'a', anchor: 'en-1', language: 'en', text: 'Such as the hallucination we mention.' },
    { speaker: 'pan', talk: 'a', anchor: 'en-2', language: 'en', text: 'GANs and DragGAN; artists learned it.' },
    {
      speaker: 'pan',
      talk: 'a',
      anchor: 'en-3',
      language: 'en',
      text: 'Artificial intelligence, reinforcement and learning.',
    },
    { speaker: 'yao', talk: 'a', anchor: 'en-4', language: 'en', text: 'It can speed up reinforcement learning.' },
  ];

  test.each([
    ['an English word in another inflection, by stem', 'hallucinations', ['/a/#en-1']],
    ['a word by stem, not inside another word', 'art', []],
    ['a stem shared by inflections', 'learning', ['/a/#en-2', '/a/#en-3', '/a/#en-4']],
    ['a Latin word: as a substring in Chinese, by word in English', 'gan', ['/a/#en-2', '/a/#zh-1']],
    ['a Chinese word, in the Chinese turn only', '幻觉', ['/a/#zh-1']],
    ['a quoted phrase of English words, in order', '"reinforcement learning"', ['/a/#en-4']],
    ['unquoted English words, anywhere in a turn', 'reinforcement learning', ['/a/#en-3', '/a/#en-4']],
  ])('%s (%s)', async (_name, query, anchors) => {
    const outcome = await search(new FakePagefind(bilingual), query, speakers);
    expect((await shown(outcome.matches)).sort()).toEqual(anchors);
    expect(outcome.total).toBe(anchors.length);
  });

  test('a result in English says so; counts add up over both terms of a word', async () => {
    const outcome = await search(new FakePagefind(bilingual), 'gan', speakers);
    const hits = (await loadPage(outcome.matches, 0, 10)).items;
    expect(hits.map((hit) => hit.language)).toEqual(expect.arrayContaining([undefined, 'en']));
    expect(counts(outcome.speakerCounts)).toEqual({ yang: 1, pan: 1 });
    expect(counts(outcome.talkCounts)).toEqual({ a: 2 });
  });
});

describe('a search page in one language of a bilingual site: its language first, and counted', () => {
  /** Talk a in Chinese and its English translation (/en/a/), talk b in Chinese only. */
  const edition: FakeTurn[] = [
    { speaker: 'yang', talk: 'a', anchor: 't1', text: '幻觉是个问题，GAN也是。' },
    { speaker: 'pan', talk: 'a', anchor: 't2', text: 'DragGAN用了GAN。' },
    { speaker: 'yang', talk: 'a', anchor: 't3', text: '多模态的幻觉。' },
    {
      speaker: 'yang',
      talk: 'a',
      anchor: 't1',
      language: 'en',
      translation: true,
      text: 'Hallucination is a problem, and GANs.',
    },
    { speaker: 'pan', talk: 'a', anchor: 't2', language: 'en', translation: true, text: 'DragGAN uses a GAN.' },
    { speaker: 'yang', talk: 'a', anchor: 't3', language: 'en', translation: true, text: 'Multimodal hallucinations.' },
    { speaker: 'pan', talk: 'b', anchor: 't1', text: '我们谈GAN。' },
  ];
  const english = { page: 'en', all: ['en', 'zh'] };
  const chinese = { page: 'zh', all: ['en', 'zh'] };

  test('English page: the English turns first, then the Chinese; the facets count the English ones', async () => {
    const outcome = await search(new FakePagefind(edition), 'gan', speakers, undefined, true, english);
    const urls = await shown(outcome.matches);
    expect(urls.slice(0, 2).sort()).toEqual(['/en/a/#t1', '/en/a/#t2']);
    expect(urls.slice(2).sort()).toEqual(['/a/#t1', '/a/#t2', '/b/#t1']);
    expect(outcome.languages).toEqual({ page: 'en', leading: 2, others: ['zh'], counted: 'page', uncounted: 3 });
    expect(counts(outcome.speakerCounts)).toEqual({ pan: 1, yang: 1 });
    expect(counts(outcome.talkCounts)).toEqual({ a: 2 });
    expect(outcome.total).toBe(2);
  });

  test('Chinese page: the Chinese turns first and counted as on a Chinese-only site', async () => {
    const outcome = await search(new FakePagefind(edition), 'gan', speakers, undefined, true, chinese);
    const urls = await shown(outcome.matches);
    expect(urls.slice(0, 3).sort()).toEqual(['/a/#t1', '/a/#t2', '/b/#t1']);
    expect(urls.slice(3).sort()).toEqual(['/en/a/#t1', '/en/a/#t2']);
    const chineseOnly = await search(new FakePagefind(edition.filter((turn) => !turn.language)), 'gan', speakers);
    expect(counts(outcome.speakerCounts)).toEqual(counts(chineseOnly.speakerCounts));
    expect(counts(outcome.talkCounts)).toEqual(counts(chineseOnly.talkCounts));
    expect(outcome.total).toBe(chineseOnly.total);
    expect(outcome.languages?.uncounted).toBe(2);
  });

  test('a Chinese query on the English page finds the Chinese turns, and counts them', async () => {
    const outcome = await search(new FakePagefind(edition), '幻觉', speakers, undefined, true, english);
    expect((await shown(outcome.matches)).sort()).toEqual(['/a/#t1', '/a/#t3']);
    expect(outcome.languages).toMatchObject({ leading: 0, counted: 'others', uncounted: 0 });
    expect(counts(outcome.speakerCounts)).toEqual({ yang: 2 });
    expect(outcome.total).toBe(2);
  });

  test('stems on the English page: "hallucinations" finds both English turns, then nothing else', async () => {
    const outcome = await search(new FakePagefind(edition), 'hallucinations', speakers, undefined, true, english);
    expect((await shown(outcome.matches)).sort()).toEqual(['/en/a/#t1', '/en/a/#t3']);
    expect(outcome.languages?.leading).toBe(2);
  });

  test('a speaker’s name lists their turns in the page’s language first, each language in transcript order', async () => {
    const outcome = await search(new FakePagefind(edition), 'Yang Zhilin', speakers, undefined, true, english);
    expect(outcome.speaker?.id).toBe('yang');
    expect(await shown(outcome.matches)).toEqual(['/en/a/#t1', '/en/a/#t3', '/a/#t1', '/a/#t3']);
    expect(counts(outcome.speakerCounts)).toEqual({ yang: 2 });
  });

  test('a chosen speaker narrows both languages; the English counts stay per speaker', async () => {
    const outcome = await search(
      new FakePagefind(edition),
      'gan',
      speakers,
      { speaker: 'pan', talk: '' },
      true,
      english,
    );
    expect(await shown(outcome.matches)).toEqual(['/en/a/#t2', '/a/#t2', '/b/#t1']);
    expect(outcome.languages?.leading).toBe(1);
    expect(counts(outcome.speakerCounts)).toEqual({ pan: 1, yang: 1 });
    expect(outcome.total).toBe(2);
  });

  test('several words: the candidates split by language as well', async () => {
    const outcome = await search(
      new FakePagefind(edition),
      'multimodal hallucination',
      speakers,
      undefined,
      true,
      english,
    );
    expect(await shown(outcome.matches)).toEqual(['/en/a/#t3']);
    const mixed = await search(new FakePagefind(edition), 'gan 幻觉', speakers, undefined, true, english);
    expect(await shown(mixed.matches)).toEqual(['/a/#t1']);
    expect(mixed.languages).toMatchObject({ leading: 0, counted: 'others' });
  });

  test('the English page fetches no Chinese record early, before results are shown', async () => {
    const fake = new FakePagefind(edition);
    await search(fake, 'gan', speakers, undefined, true, english);
    const chineseIds = ['/a/#t1', '/a/#t2', '/b/#t1'].map((url) => fake.idOf(url));
    expect(fake.fetched.filter((id) => chineseIds.includes(id))).toEqual([]);
    expect(fake.fetched.length).toBe(2);
  });

  test('a site in one language searches as before: no language filter, nothing split', async () => {
    const fake = new FakePagefind(edition.filter((turn) => !turn.language));
    const outcome = await search(fake, 'gan', speakers, undefined, true, { page: 'en', all: [] });
    expect(outcome.languages).toBeUndefined();
    expect(fake.calls.some((call) => JSON.stringify(call.options ?? {}).includes('language'))).toBe(false);
  });
});

describe('the speaker and talk facets', () => {
  test('without a facet, counts each speaker’s and each talk’s matches', async () => {
    const outcome = await search(new FakePagefind(turns), '幻觉', speakers);
    expect(counts(outcome.speakerCounts)).toEqual({ pan: 1, yao: 1 });
    expect(counts(outcome.talkCounts)).toEqual({ a: 1, b: 1 });
    expect(outcome.total).toBe(2);
  });

  test('a chosen speaker keeps their turns; speakers are counted within the talk, talks within the speaker', async () => {
    const fake = new FakePagefind(turns);
    const outcome = await search(fake, '幻觉', speakers, { speaker: 'pan', talk: '' });
    expect(await shown(outcome.matches)).toEqual(['/a/#pan-4']);
    expect(counts(outcome.speakerCounts)).toEqual({ pan: 1, yao: 1 });
    expect(counts(outcome.talkCounts)).toEqual({ a: 1 });
    expect(outcome.total).toBe(2);
    expect(fake.calls.filter((call) => call.method === 'search').map((call) => call.options)).toContainEqual({
      filters: { speaker: ['pan'] },
    });
  });

  test('a chosen talk keeps its turns', async () => {
    const outcome = await search(new FakePagefind(turns), '幻觉', speakers, { speaker: '', talk: 'b' });
    expect(await shown(outcome.matches)).toEqual(['/b/#yao-1']);
    expect(counts(outcome.speakerCounts)).toEqual({ yao: 1 });
    expect(counts(outcome.talkCounts)).toEqual({ a: 1, b: 1 });
  });

  test('a speaker’s own turns filtered to one talk ask Pagefind for both', async () => {
    const fake = new FakePagefind(turns);
    const outcome = await search(fake, '姚期智', speakers, { speaker: 'pan', talk: 'b' });
    // The named speaker and the facet's speaker must both match: no turn is both.
    expect(outcome.matches).toEqual([]);
    expect(fake.calls.filter((call) => call.method === 'search')[0]?.options).toEqual({
      filters: { speaker: ['yao', 'pan'], talk: ['b'] },
    });
  });

  test('several words: the facets are counted from the checked turns', async () => {
    const outcome = await search(new FakePagefind(turns), 'gan diffusion', speakers, { speaker: 'yao', talk: '' });
    expect(await shown(outcome.matches)).toEqual(['/b/#yao-3']);
    expect(counts(outcome.speakerCounts)).toEqual({ yang: 1, yao: 1 });
    expect(counts(outcome.talkCounts)).toEqual({ b: 1 });
    expect(outcome.total).toBe(2);
  });

  test.each([
    ['an unknown speaker id', { speaker: 'nobody', talk: '' }],
    ['an id shaped like markup', { speaker: '<img src=x onerror=alert(1)>', talk: '' }],
    ['an unknown talk', { speaker: '', talk: '../etc' }],
  ])('%s matches nothing, and the total still counts every match', async (_name, facets) => {
    const outcome = await search(new FakePagefind(turns), '幻觉', speakers, facets);
    expect(outcome.matches).toEqual([]);
    expect(outcome.total).toBe(2);
  });

  test('without a talk facet on the page, only the speakers’ filter file is loaded and counted', async () => {
    const fake = new FakePagefind(turns);
    const outcome = await search(fake, '幻觉', speakers, undefined, false);
    expect([...fake.loadedFilters]).toEqual(['speaker']);
    expect(counts(outcome.speakerCounts)).toEqual({ pan: 1, yao: 1 });
    expect(outcome.talkCounts.size).toBe(0);
  });
});

describe('paging: only the records shown are fetched', () => {
  const many = (count: number, text: (n: number) => string) =>
    Array.from({ length: count }, (_, n): FakeTurn => ({
      talk: 'a',
      speaker: n % 2 ? 'yao' : 'pan',
      text: text(n + 1),
    }));

  test('the first page is 10 results', () => {
    expect(FIRST_PAGE).toBe(10);
  });

  test('one word: the first 10 records are fetched during the search, the next 10 on "more"', async () => {
    const fake = new FakePagefind(many(25, (n) => `第${n}段讲算力。`));
    const outcome = await search(fake, '算力', speakers);
    expect(outcome.matches).toHaveLength(25);
    const ids = outcome.matches.map((match) => match.id);
    expect(fake.fetched).toEqual(ids.slice(0, 10));

    const first = await loadPage(outcome.matches, 0, FIRST_PAGE);
    expect(first.items.map((hit) => hit.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(fake.fetched).toEqual(ids.slice(0, 10)); // fetched once

    const second = await loadPage(outcome.matches, first.next, FIRST_PAGE);
    expect(second.items.map((hit) => hit.order)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(fake.fetched).toEqual(ids.slice(0, 20));
  });

  test('a chosen facet fetches no record before results are shown', async () => {
    const fake = new FakePagefind(many(25, (n) => `第${n}段讲算力。`));
    const outcome = await search(fake, '算力', speakers, { speaker: 'yao', talk: '' });
    expect(outcome.matches).toHaveLength(12);
    expect(fake.fetched).toEqual([]);
  });

  test('several words: at most MAX_CANDIDATES records are fetched to check and count them', async () => {
    const fake = new FakePagefind(many(MAX_CANDIDATES + 30, (n) => `第${n}段：算力和数据。`));
    const outcome = await search(fake, '算力 数据', speakers);
    expect(fake.fetched).toHaveLength(MAX_CANDIDATES);
    expect(outcome.total).toBe(MAX_CANDIDATES);
  });

  test('several words: the search stops at the first word nothing matches', async () => {
    const fake = new FakePagefind(turns);
    const outcome = await search(fake, '量子 多模态 幻觉', speakers);
    expect(fake.searchedTerms).toHaveLength(1);
    expect(outcome.matches).toEqual([]);
  });
});

describe('warming up a small index', () => {
  test('fetches every record and preloads every word of a small site, in both forms a query looks it up in', async () => {
    const fake = new FakePagefind(turns);
    expect(await warmUp(fake, ['yao', 'pan', 'yuan', 'yang'], turns.length)).toBe(turns.length);
    expect(new Set(fake.fetched).size).toBe(turns.length);
    const preloaded = fake.calls.filter((call) => call.method === 'preload').map((call) => call.term!.split(' '));
    expect(preloaded).toHaveLength(1);
    expect(preloaded[0]).toEqual(expect.arrayContaining(['q26y5k1', 'q397bt5', 'qhgha']));
    // "GAN" in a Chinese turn: a query for it also asks for the English word, whose chunk must be in.
    const ganTerms = termsFor('GAN').flatMap((term) => term.replaceAll('"', '').split(' '));
    expect(ganTerms.length).toBeGreaterThan(1);
    expect(preloaded[0]).toEqual(expect.arrayContaining(ganTerms));
    expect(new Set(preloaded[0]).size).toBe(preloaded[0]!.length);
  });

  test.each([0, WARM_UP_LIMIT + 1])('does nothing on a site of %i turns', async (count) => {
    const fake = new FakePagefind(turns);
    expect(await warmUp(fake, ['yao'], count)).toBe(0);
    expect(fake.calls).toEqual([]);
  });
});

describe('failures', () => {
  test.each(['幻觉', 'gan diffusion', '姚期智'])(
    'a failed Pagefind search rejects the search for %j',
    async (query) => {
      const fake = new FakePagefind(turns);
      fake.searchError = new Error('fake: search failed');
      await expect(search(fake, query, speakers)).rejects.toThrow('fake: search failed');
    },
  );

  test('a record whose early fetch failed is fetched again when it is shown', async () => {
    const fake = new FakePagefind(turns);
    const id = fake.idOf('/a/#pan-4');
    fake.failingData.add(id);
    const { matches } = await search(fake, '幻觉', speakers); // fetches the first page early
    expect(fake.fetched).toEqual([id, fake.idOf('/b/#yao-1')]);
    await expect(matches[0]!.load()).resolves.toMatchObject({ url: '/a/#pan-4' });
    expect(fake.fetched.filter((fetched) => fetched === id)).toHaveLength(2);
  });

  test('a record that fails to load rejects that result; the next search fetches it again', async () => {
    const fake = new FakePagefind(turns);
    const facets = { speaker: 'pan', talk: '' };
    const first = await search(fake, '幻觉', speakers, facets);
    fake.failingData.add(first.matches[0]!.id);
    await expect(first.matches[0]!.load()).rejects.toThrow(/fetching .* failed/);
    const second = await search(fake, '幻觉', speakers, facets);
    await expect(second.matches[0]!.load()).resolves.toMatchObject({ url: '/a/#pan-4', speaker: 'pan', order: 4 });
    expect(fake.fetched.filter((id) => id === first.matches[0]!.id)).toHaveLength(2);
  });

  test('several words: a record that fails to load fails the search, and a retry succeeds', async () => {
    const fake = new FakePagefind(turns);
    fake.failingData.add(fake.idOf('/a/#yang-3'));
    await expect(search(fake, 'gan diffusion', speakers)).rejects.toThrow(/fetching .* failed/);
    expect(await shown((await search(fake, 'gan diffusion', speakers)).matches)).toEqual(['/a/#yang-3', '/b/#yao-3']);
  });
});
