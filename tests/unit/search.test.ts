import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import {
  containsAll,
  excerpt,
  loadPage,
  matchesAll,
  MAX_QUERY_LENGTH,
  parseQuery,
  speakerNamed,
} from '../../src/lib/search/query';
import { parseSite, parseSpeakers, sitePath, speakersFor } from '../../src/lib/search/site-json';
import {
  indexChunkSize,
  languageFiltered,
  plainText,
  searchLanguage,
  shardRecords,
  transcriptOrder,
  turnRecords,
  wordPairs,
  type TurnRecord,
} from '../../src/lib/search/records';
import { bigramToken, endToken, indexTokens, prefixToken, queryTokens, runsOf } from '../../src/lib/search/tokens';
import { turnTokens, wordIndexTokens, wordQueryTokens, wordToken } from '../../src/lib/search/words';

/** Is `needle` a run of consecutive tokens in `haystack`? (What an exact-phrase search asks.) */
function phraseIn(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    if (needle.every((token, j) => haystack[i + j]!.startsWith(token))) return true;
  }
  return false;
}

describe('search tokens', () => {
  test('spell a bigram as "q" and two short, prefix-free character codes', () => {
    // Han: its offset in U+4E00–U+9FFF in three base-36 digits; Latin and digits: "h" and itself.
    expect(bigramToken('多', '模')).toBe('q26y5k1'); // U+591A and U+6A21: offsets 2,842 and 7,201
    expect(bigramToken('一', '龥')).toBe('q000g4l'); // U+9FA5 is offset 20,901
    expect(bigramToken('a', '9')).toBe('qhah9');
    expect(bigramToken('é', '㐀')).toBe('qi006hi0a9s'); // U+00E9 and U+3400: 233 and 13,312
    expect(endToken('a')).toBe('qhagzz');
    expect(prefixToken('a')).toBe('qha');
  });

  test('no character’s code begins another’s, so a one-character prefix finds only its own bigrams', () => {
    const chars = ['一', '龥', '鿿', 'a', 'z', '0', '9', 'é', '㐀', '𠀀', 'ｶ'];
    for (const first of chars) {
      for (const second of chars) {
        if (first !== second) expect(bigramToken(second, first).startsWith(prefixToken(first))).toBe(false);
      }
      expect(endToken(first).startsWith(prefixToken(first))).toBe(true);
    }
    // The end code is no character's code.
    for (const first of chars)
      expect(chars.some((second) => endToken(first) === bigramToken(first, second))).toBe(false);
  });

  test('split text into runs of letters and digits only', () => {
    expect(runsOf('gan和diffusion model，2023年')).toEqual([[...'gan和diffusion'], [...'model'], [...'2023年']]);
  });

  test('index each run as its bigrams and an end token', () => {
    expect(indexTokens('幻觉。AI')).toEqual([
      bigramToken('幻', '觉'),
      endToken('觉'),
      bigramToken('a', 'i'),
      endToken('i'),
    ]);
  });

  test('lower-case and NFKC-normalise both sides', () => {
    expect(indexTokens('ＭｏＥ')).toEqual(indexTokens('moe'));
    expect(queryTokens('MoE')).toEqual(queryTokens('moe'));
  });

  test.each([
    ['a word outside the dictionary', '多模态'],
    ['a phrase that starts and ends inside words', '自主学习各种'],
    ['mixed Chinese and Latin', 'DragGAN这篇'],
    ['part of a Latin word', 'gan'],
    ['words across punctuation', '幻觉，不去'],
    ['one character', '编'],
    ['Latin words across a space', 'diffusion model'],
  ])('find %s as a phrase exactly where the text contains it', (_name, query) => {
    const text = '他DragGAN这篇文章。我们说多模态，幻觉，不去编造。自主学习各种的新技能。基于Diffusion Model的。';
    expect(phraseIn(indexTokens(text), queryTokens(query))).toBe(true);
    expect(phraseIn(indexTokens('多模型与形态。学习各。幻觉不去。diffusion。'), queryTokens(query))).toBe(false);
  });

  test('leave a word without letters or digits without tokens', () => {
    expect(queryTokens('，。！')).toEqual([]);
    expect(queryTokens('🙂')).toEqual([]);
  });
});

describe('parseQuery', () => {
  test('splits words on spaces, lower-cases them and drops duplicates and punctuation-only words', () => {
    expect(parseQuery('  GAN 扩散模型 gan ， ')).toEqual({
      words: ['gan', '扩散模型'],
      quoted: false,
      display: 'GAN 扩散模型 gan ，',
    });
  });

  test('recognises a quoted query and unquotes it for display', () => {
    expect(parseQuery('"杨植麟"')).toEqual({ words: ['杨植麟'], quoted: true, display: '杨植麟' });
    expect(parseQuery('“多模态”')).toMatchObject({ words: ['多模态'], quoted: true });
  });

  test('reads at most the first 200 characters', () => {
    expect(parseQuery('多'.repeat(10_000)).display).toHaveLength(MAX_QUERY_LENGTH);
  });

  test('treats markup as text', () => {
    expect(parseQuery('<img src=x onerror=alert(1)>').words).toEqual(['<img', 'src=x', 'onerror=alert(1)>']);
  });
});

describe('speakerNamed', () => {
  const speakers = [{ id: 'yang-zhilin', name: '杨植麟', latinName: 'Yang Zhilin', aliases: ['植麟'] }];

  test.each(['杨植麟', '植麟', 'Yang Zhilin', 'yang zhilin', 'YangZhilin'])('names the speaker for %j', (query) => {
    expect(speakerNamed(parseQuery(query), speakers)?.id).toBe('yang-zhilin');
  });

  test.each(['"杨植麟"', '杨植麟 幻觉', '植', 'Yang'])('does not for %j', (query) => {
    expect(speakerNamed(parseQuery(query), speakers)).toBeUndefined();
  });
});

describe('parseSpeakers', () => {
  const yang = {
    id: 'yang-zhilin',
    name: '杨植麟',
    latinName: 'Yang Zhilin',
    aliases: ['植麟'],
    color: 'violet',
    initials: '杨',
  };

  test('keeps speakers with every field, in order, and leaves out anything else', () => {
    const { initials: _initials, ...noInitials } = yang;
    expect(parseSpeakers([yang, noInitials, { ...yang, aliases: [1] }, null, 'x', { ...yang, id: 'b' }])).toEqual([
      yang,
      { ...yang, id: 'b' },
    ]);
  });

  test('reads no speaker from something that is not a list', () => {
    for (const value of [undefined, null, {}, 'speakers', 42]) expect(parseSpeakers(value)).toEqual([]);
  });

  test('finds site.json under the site’s base path', () => {
    expect(sitePath('/')).toBe('/search/site.json');
    expect(sitePath('/huitan/')).toBe('/huitan/search/site.json');
  });
});

describe('parseSite', () => {
  const yang = {
    id: 'yang-zhilin',
    name: '杨植麟',
    latinName: 'Yang Zhilin',
    aliases: ['植麟'],
    color: 'violet',
    initials: '杨',
  };
  const index = {
    meta: 'pagefind.zh-cn_add8f3b971ac3.pf_meta',
    wasm: 'wasm.unknown.pagefind',
    shards: ['shard-2/', 'shard-3/'],
  };

  test('reads the speakers and the index’s files', () => {
    expect(parseSite({ speakers: [yang, 'x'], index })).toEqual({ speakers: [yang], index });
  });

  test('reads speakers without an index (before the index is built)', () => {
    expect(parseSite({ speakers: [yang] })).toEqual({ speakers: [yang] });
  });

  test.each([
    ['a meta path', { ...index, meta: '../secret.pf_meta' }],
    ['a wasm URL', { ...index, wasm: 'https://example.org/x.pagefind' }],
    ['a query in a name', { ...index, meta: 'pagefind.pf_meta?x=1' }],
    ['a shard outside pagefind/', { ...index, shards: ['../shard-2/'] }],
    ['a shard that is not a folder', { ...index, shards: ['shard-2'] }],
    ['shards that are not a list', { ...index, shards: 'shard-2/' }],
    ['no wasm', { meta: index.meta, shards: [] }],
  ])('leaves out an index with %s, keeping the speakers', (_, bad) => {
    expect(parseSite({ speakers: [yang], index: bad })).toEqual({ speakers: [yang] });
  });

  test('reads nothing from something that is not a site', () => {
    for (const value of [undefined, null, [], 'site', 42, [yang]]) expect(parseSite(value)).toEqual({ speakers: [] });
  });

  test('reads the index’s languages on a site in several, and leaves out a list that is not languages', () => {
    expect(parseSite({ speakers: [], index: { ...index, languages: ['en', 'zh'] } }).index?.languages).toEqual([
      'en',
      'zh',
    ]);
    for (const bad of [['en', 'zh-CN'], 'en', [1], ['<b>']]) {
      const site = parseSite({ speakers: [], index: { ...index, languages: bad } });
      expect(site.index).toEqual(index);
    }
  });

  const yangEn = {
    id: 'yang-zhilin',
    name: 'Yang Zhilin',
    latinName: 'Yang Zhilin',
    aliases: ['杨植麟'],
    initials: 'YZ',
  };

  test('reads each edition’s speakers, leaving out what is not shaped like one', () => {
    const site = parseSite({ speakers: [yang], editions: { en: [yangEn, { id: 'x' }], '../x': [yangEn], fr: 'x' } });
    expect(site.editions).toEqual({ en: [yangEn] });
    expect(parseSite({ speakers: [yang], editions: [yangEn] }).editions).toBeUndefined();
  });

  test('names the speakers in the page’s language where an edition does, with their colour', () => {
    const pan = { ...yang, id: 'pan-xingang', name: '潘新钢', latinName: 'Xingang Pan', aliases: [], initials: '潘' };
    const site = parseSite({ speakers: [yang, pan], editions: { en: [yangEn] } });
    expect(speakersFor(site, 'en')).toEqual([{ ...yangEn, color: 'violet' }, pan]);
    expect(speakersFor(site, 'en-GB')[0]!.name).toBe('Yang Zhilin');
    expect(speakersFor(site, 'zh-CN')).toEqual([yang, pan]);
    expect(speakersFor({ speakers: [yang] }, 'en')).toEqual([yang]);
    // The original name stays an alias: a query in Chinese on the English page still names him.
    expect(speakerNamed(parseQuery('杨植麟'), speakersFor(site, 'en'))?.name).toBe('Yang Zhilin');
  });
});

describe('the language filter of a site in several languages', () => {
  const record = (language: string, url: string): TurnRecord => ({
    url,
    content: 'x',
    language,
    meta: {
      speaker: 's',
      speakerName: 'S',
      role: '',
      color: 'teal',
      initials: 'S',
      talk: 't',
      talkTitle: 'T',
      section: '',
      text: 'x',
      order: '1',
    },
    filters: { speaker: ['s'], talk: ['t'] },
  });

  test('groups a turn by its language’s primary subtag; no tag is the index’s language', () => {
    expect(['zh-cn', 'zh-TW', 'en', 'en-GB', '', 'ja'].map(searchLanguage)).toEqual([
      'zh',
      'zh',
      'en',
      'en',
      'zh',
      'ja',
    ]);
  });

  test('a site in one language keeps its records as they are, and lists no language', () => {
    const records = [record('zh-cn', '/t/#a'), record('zh-tw', '/u/#a')];
    expect(languageFiltered(records)).toEqual({ records, languages: [] });
  });

  test('a site in two gives every record its language, and lists both', () => {
    const { records, languages } = languageFiltered([record('zh-cn', '/t/#a'), record('en', '/en/t/#a')]);
    expect(languages).toEqual(['en', 'zh']);
    expect(records.map((one) => one.filters)).toEqual([
      { speaker: ['s'], talk: ['t'], language: ['zh'] },
      { speaker: ['s'], talk: ['t'], language: ['en'] },
    ]);
  });
});

describe('containsAll and excerpt', () => {
  test('require every word, ignoring case', () => {
    expect(containsAll('GAN和Diffusion Model', ['gan', 'diffusion model'])).toBe(true);
    expect(containsAll('GAN和Diffusion Model', ['gan', '扩散'])).toBe(false);
  });

  test('mark every occurrence inside an excerpt window and join paragraphs', () => {
    expect(excerpt('我觉得幻觉很重要。\n解决幻觉。', ['幻觉'], 80)).toEqual([
      { text: '我觉得', marked: false },
      { text: '幻觉', marked: true },
      { text: '很重要。解决', marked: false },
      { text: '幻觉', marked: true },
      { text: '。', marked: false },
    ]);
  });

  test('start the excerpt at the beginning of a Latin word, not inside it', () => {
    const text = `${'甲'.repeat(40)}Diffusion Model现在是图像${'乙'.repeat(20)}生成模型`;
    const parts = excerpt(text, ['生成模型'], 40);
    expect(parts.map((part) => part.text).join('')).toMatch(/^…Diffusion Model/);
  });

  test('cut long text around the first match with ellipses', () => {
    const text = `${'甲'.repeat(100)}目标${'乙'.repeat(100)}`;
    const parts = excerpt(text, ['目标'], 30);
    expect(parts[0]).toEqual({ text: '…', marked: false });
    expect(parts.at(-1)).toEqual({ text: '…', marked: false });
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['目标']);
    expect(parts.map((part) => part.text).join('').length).toBe(32);
  });
});

describe('turn records', () => {
  const html = `<!doctype html><html lang="zh-CN"><body><h1 class="talk-title">创想共论</h1>
    <section class="talk-section"><h2 class="section-title">第一节</h2>
    <article class="turn" id="yao-a" data-speaker="yao-qizhi" data-color="crimson">
      <header class="turn-head"><span class="avatar">姚</span><h3><span class="turn-name">姚期智</span><span class="turn-role">院长</span></h3></header>
      <div class="turn-body"><p>第一段<span data-pagefind-ignore>【注】不该索引</span>文字。</p><p>第二段 MoE。</p></div>
    </article></section></body></html>`;

  test('hold the turn’s plain text without ignored notes, and its place', () => {
    const [record] = turnRecords(parseHTML(html).document, '/talk-a/');
    expect(record).toEqual({
      url: '/talk-a/#yao-a',
      content: indexTokens('第一段文字。\n第二段 MoE。').join(' '),
      language: 'zh-cn',
      meta: {
        speaker: 'yao-qizhi',
        speakerName: '姚期智',
        role: '院长',
        color: 'crimson',
        initials: '姚',
        talk: 'talk-a',
        talkTitle: '创想共论',
        section: '第一节',
        text: '第一段文字。\n第二段 MoE。',
        order: '1',
      },
      filters: { speaker: ['yao-qizhi'], talk: ['talk-a'] },
    });
  });

  test('plainText keeps one line per paragraph', () => {
    const { document } = parseHTML('<div><p>甲\n乙</p><p> 丙 </p></div>');
    expect(plainText(document.querySelector('div')!)).toBe('甲 乙\n丙');
  });

  // An English reader page as the markup contract has it (article.turn, id = anchor,
  // data-speaker), under /en/: written by hand, as the English pages are built elsewhere.
  const english = `<!doctype html><html lang="en"><body><h1 class="talk-title">Envisioning the Future</h1>
    <section class="talk-section"><h2 class="section-title">Part one</h2>
    <article class="turn" id="yao-a" data-speaker="yao-qizhi" data-color="crimson">
      <header class="turn-head"><span class="avatar">Y</span><h3><span class="turn-name">Andrew Chi-Chih Yao</span><span class="turn-role">Dean</span></h3></header>
      <div class="turn-body"><p>Models keep hallucinating<sup data-pagefind-ignore>1</sup>.</p><p>Reinforcement learning, 强化学习.</p></div>
    </article></section></body></html>`;

  test('read an English reader page under /en/: the talk’s slug, the same speaker, the English title, words by stem', () => {
    const [record] = turnRecords(parseHTML(english).document, '/en/talk-a/');
    const text = 'Models keep hallucinating.\nReinforcement learning, 强化学习.';
    expect(record).toEqual({
      url: '/en/talk-a/#yao-a',
      content: ['wmodel', 'wkeep', 'whallucin', 'wreinforc', 'wlearn', ...indexTokens('强化学习')].join(' '),
      language: 'en',
      meta: {
        speaker: 'yao-qizhi',
        speakerName: 'Andrew Chi-Chih Yao',
        role: 'Dean',
        color: 'crimson',
        initials: 'Y',
        talk: 'talk-a',
        talkTitle: 'Envisioning the Future',
        section: 'Part one',
        text,
        order: '1',
        language: 'en',
      },
      filters: { speaker: ['yao-qizhi'], talk: ['talk-a'] },
    });
  });
});

describe('a turn shown in two languages', () => {
  test('keeps only the turn’s own language: a block in the other is left out, a phrase marked in it is kept', () => {
    const { document } = parseHTML(`<html lang="en"><body><article class="turn" id="t" data-speaker="s">
      <div class="turn-body"><p>We call it <span lang="zh-CN">模态补全</span>.</p><div lang="zh-CN"><p>我们叫模态补全。</p></div>
      <p lang="zh-cn">原文。</p></div></article></body></html>`);
    expect(turnRecords(document, '/en/talk-a/')[0]!.meta.text).toBe('We call it 模态补全.');
    const chinese = parseHTML(`<html lang="zh-CN"><body><article class="turn" id="t" data-speaker="s">
      <div class="turn-body"><p>原文。</p><p lang="en">The original.</p></div></article></body></html>`);
    expect(turnRecords(chinese.document, '/talk-a/')[0]!.meta.text).toBe('原文。');
  });
});

describe('English word tokens', () => {
  test('one token per word, "w" and its Porter stem, never a bigram token', () => {
    expect(wordIndexTokens('Hallucinations, models and learning!')).toEqual(['whallucin', 'wmodel', 'wand', 'wlearn']);
    expect(wordToken('hallucination')).toBe(wordToken('hallucinations'));
    for (const token of wordIndexTokens('a b qzz gzz 33')) expect(token.startsWith('q')).toBe(false);
  });

  test('fold diacritics and full-width letters into the word, and cut words at punctuation', () => {
    expect(wordIndexTokens('Café ＧＡＮｓ Transformer-XL it’s')).toEqual([
      'wcafe',
      'wgan',
      'wtransform',
      'wxl',
      'wit',
      'ws',
    ]);
  });

  test('index other scripts inside English text as bigrams, as a Chinese turn would be', () => {
    expect(wordIndexTokens('the 模态补全 idea')).toEqual(['wthe', ...indexTokens('模态补全'), 'widea']);
    expect(turnTokens('模态补全', 'zh-cn')).toEqual(indexTokens('模态补全'));
    expect(turnTokens('Models', 'en-GB')).toEqual(['wmodel']);
  });

  test('a query is cut the same way; a lone other character searches by prefix', () => {
    expect(wordQueryTokens('Reinforcement learning')).toEqual({ tokens: ['wreinforc', 'wlearn'], prefix: false });
    expect(wordQueryTokens('幻')).toEqual({ tokens: [prefixToken('幻')], prefix: true });
    expect(wordQueryTokens('模态补')).toEqual({ tokens: indexTokens('模态补').slice(0, -1), prefix: false });
  });
});

describe('matching a turn in its language', () => {
  test('an English turn by word and stem, any other by substring', () => {
    expect(matchesAll('The hallucination problem.', ['hallucinations'], 'en')).toBe(true);
    expect(matchesAll('Artificial intelligence.', ['art'], 'en')).toBe(false);
    expect(matchesAll('Artificial intelligence.', ['art'], undefined)).toBe(true);
    expect(matchesAll('DragGAN and GANs', ['gan'], 'en')).toBe(true);
    expect(matchesAll('DragGAN only', ['gan'], 'en')).toBe(false);
  });

  test('a phrase in order, across punctuation but not across other words', () => {
    expect(matchesAll('speed up reinforcement-learning.', ['reinforcement learning'], 'en')).toBe(true);
    expect(matchesAll('reinforcement and learning', ['reinforcement learning'], 'en')).toBe(false);
  });

  test('mark every form of the word in an English excerpt, and only whole words', () => {
    const parts = excerpt('Models hallucinate; a model.\nRemodel it.', ['model'], 80, 'en');
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['Models', 'model']);
    expect(parts.map((part) => part.text).join('')).toBe('Models hallucinate; a model. Remodel it.');
  });

  test.each([
    ['"reinforcement learning"', ['reinforcement learning']],
    ['“Reinforcement  Learning”', ['reinforcement learning']],
    ['reinforcement learning', ['reinforcement', 'learning']],
    ['"GAN 扩散模型"', ['gan', '扩散模型']],
  ])('read %j as the words %j (a quoted query of Latin words is a phrase)', (query, words) => {
    expect(parseQuery(query).words).toEqual(words);
  });
});

describe('index chunks', () => {
  const records = (turns: number, tokensEach: number) =>
    Array.from(
      { length: turns },
      () => ({ content: Array.from({ length: tokensEach }, () => 'q00000000').join(' ') }) as TurnRecord,
    );

  test('a small index gets the smallest chunks', () => {
    expect(indexChunkSize(records(13, 280))).toBe(200);
  });

  test('chunks grow with the square root of the token positions', () => {
    expect(indexChunkSize(records(1_300, 280))).toBe(1_207); // √(4 × 364,000)
    expect(indexChunkSize(records(13_000, 280))).toBe(3_816); // √(4 × 3,640,000)
  });
});

describe('shards', () => {
  /** A record of `talk` at `order` whose content has `words` distinct tokens. */
  const record = (talk: string, order: number, words: number) =>
    ({
      url: `/${talk}/#t${order}`,
      content: Array.from({ length: words }, (_, i) => `q${i}`).join(' '),
      meta: { talk, order: String(order) },
    }) as TurnRecord;

  test('a record adds one pair per distinct token', () => {
    expect(wordPairs({ content: 'qa qb qa qc' } as TurnRecord)).toBe(3);
  });

  test('records are indexed by talk, then by position in the talk', () => {
    const records = [record('b', 1, 1), record('a', 10, 1), record('a', 2, 1), record('b', 0, 1)];
    expect(transcriptOrder(records).map((r) => r.url)).toEqual(['/a/#t2', '/a/#t10', '/b/#t0', '/b/#t1']);
  });

  test('a talk’s original comes before its translations, each in transcript order', () => {
    const english = (order: number) => ({ ...record('a', order, 1), url: `/en/a/#t${order}` });
    const records = [english(2), record('a', 2, 1), english(1), record('b', 1, 1), record('a', 1, 1)];
    expect(transcriptOrder(records).map((r) => r.url)).toEqual([
      '/a/#t1',
      '/a/#t2',
      '/en/a/#t1',
      '/en/a/#t2',
      '/b/#t1',
    ]);
  });

  test('shards hold whole talks, as few as the pair limit allows, about equal', () => {
    // 14 pairs, at most 10 a shard: two shards of about 7.
    const records = [record('a', 1, 3), record('a', 2, 3), record('b', 1, 4), record('c', 1, 2), record('c', 2, 2)];
    const urls = (shards: TurnRecord[][]) => shards.map((shard) => shard.map((r) => r.url));
    expect(urls(shardRecords(records, 10))).toEqual([
      ['/a/#t1', '/a/#t2'],
      ['/b/#t1', '/c/#t1', '/c/#t2'],
    ]);
    expect(urls(shardRecords(records, 100))).toEqual([records.map((r) => r.url)]);
  });

  test('a talk larger than the limit is a shard of its own', () => {
    const records = [record('a', 1, 1), record('b', 1, 8), record('b', 2, 8), record('c', 1, 1)];
    expect(shardRecords(records, 5).map((shard) => shard.length)).toEqual([1, 2, 1]);
  });
});

describe('loading results page by page', () => {
  function loaders(values: (string | undefined)[]) {
    const loaded: number[] = [];
    const list = values.map((value, index) => ({
      load: () => {
        loaded.push(index);
        return Promise.resolve(value);
      },
    }));
    return { list, loaded };
  }

  test('loads only the first page', async () => {
    const { list, loaded } = loaders(['a', 'b', 'c', 'd', 'e']);
    expect(await loadPage(list, 0, 2)).toEqual({ items: ['a', 'b'], next: 2 });
    expect(loaded).toEqual([0, 1]);
  });

  test('leaves out a result that fails its check and loads the next one instead', async () => {
    const { list, loaded } = loaders(['a', undefined, 'c', 'd']);
    expect(await loadPage(list, 0, 2)).toEqual({ items: ['a', 'c'], next: 3 });
    expect(loaded).toEqual([0, 1, 2]);
  });

  test('continues where the last page stopped and ends with the results', async () => {
    const { list, loaded } = loaders(['a', 'b', 'c']);
    expect(await loadPage(list, 2, 2)).toEqual({ items: ['c'], next: 3 });
    expect(await loadPage(list, 3, 2)).toEqual({ items: [], next: 3 });
    expect(loaded).toEqual([2]);
  });
});
