import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import Avatar from '../../src/components/Avatar.astro';
import FactText from '../../src/components/FactText.astro';
import KeyQuotes from '../../src/components/KeyQuotes.astro';
import Outline from '../../src/components/Outline.astro';
import ParticipantList from '../../src/components/ParticipantList.astro';
import SourceNotes from '../../src/components/SourceNotes.astro';
import SpeakerFilter from '../../src/components/SpeakerFilter.astro';
import EveryPageScript from '../../src/components/EveryPageScript.astro';
import TalkCard from '../../src/components/TalkCard.astro';
import TalkHeader from '../../src/components/TalkHeader.astro';
import TurnBlock from '../../src/components/TurnBlock.astro';
import type { ParticipantView, QuoteView, SectionView, TalkView, TurnView } from '../../src/lib/content/catalog';
import type { Fact } from '../../src/schemas/common';
import { measureFor } from '../../src/lib/content/talk-stats';

// ---------------------------------------------------------------------------------------------
// Views built by hand, shaped like buildCatalog's output.
// ---------------------------------------------------------------------------------------------

const verified = (text: string, source = 'transcript'): Fact => ({ text, source, unverified: false });

function participant(
  id: string,
  name: string,
  part: ParticipantView['part'],
  extra: Partial<ParticipantView> = {},
): ParticipantView {
  return {
    id,
    name,
    latinName: id,
    aliases: [],
    initials: Array.from(name)[0] ?? '?',
    color: 'blue',
    role: verified(`${name}的身份`),
    affiliation: verified(`${name}的机构`),
    profile: undefined,
    part,
    turnCount: 1,
    ...extra,
  };
}

const host = participant('xu-li', '徐立', 'host', { color: 'crimson', turnCount: 2, latinName: 'Xu Li' });
const yao = participant('yao-qizhi', '姚期智', 'guest', {
  color: 'teal',
  initials: '期智',
  role: verified('图灵奖得主'),
  latinName: 'Andrew Chi-Chih Yao',
});
const pan = participant('pan-xingang', '潘新钢', 'guest', {
  color: 'amber',
  turnCount: 0,
  role: { text: '教授', unverified: true },
});

function turnView(anchor: string, speaker: ParticipantView, extra: Partial<TurnView> = {}): TurnView {
  return {
    collection: 'turns',
    entryId: `demo-talk/turns/${anchor}`,
    filePath: `content/talks/demo-talk/turns/${anchor}.md`,
    anchor,
    position: 1,
    speaker,
    sourceLabel: undefined,
    labelReading: 'name',
    quotes: [],
    paragraphs: 1,
    characters: 10,
    length: 10,
    excerpt: '十个字的发言内容是这些',
    notes: [],
    ...extra,
  };
}

const quote = (id: string, headline: string, speaker: ParticipantView, turnAnchor: string): QuoteView => ({
  id,
  headline,
  span: headline,
  anchor: `quote-${id}`,
  turnAnchor,
  speaker,
});

const opening = turnView('xu-li-opens', host);
const answer = turnView('yao-answers', yao, { position: 2, paragraphs: 3 });
/** Where a turn the source labels wrongly links: the talk's corrections list. */
const CORRECTIONS = '/demo-talk/about/#corrections';
const follow = turnView('xu-li-follows', host, { position: 3 });
const sections: SectionView[] = [
  { id: 'foundations', title: '基础理论的突破', start: 'xu-li-opens', turns: [opening, answer] },
  { id: 'images', title: 'GAN 与扩散模型', question: '孰优孰劣？', start: 'xu-li-follows', turns: [follow] },
];
const quotes = [
  quote('embodied', '让AI成为机器人。', yao, 'yao-answers'),
  quote('theory', '<b>理论</b>很重要', host, 'xu-li-opens'),
];

function talkView(extra: Partial<TalkView['data']> = {}): TalkView {
  return {
    slug: 'demo-talk',
    measure: measureFor(extra.language ?? 'zh-CN'),
    language: extra.language ?? 'zh-CN',
    translations: new Map(),
    filePath: 'content/talks/demo-talk/talk.yaml',
    data: {
      title: '创想共论·智变可能',
      subtitle: 'WAIC 2023 开幕式圆桌论坛',
      summary: '一场圆桌。',
      event: { name: 'WAIC 2023', fullName: '2023 世界人工智能大会' },
      date: verified('2023-07-06', 'https://example.org/date'),
      venue: verified('上海世博中心', 'https://example.org/venue'),
      session: verified('开幕式圆桌论坛'),
      language: 'zh-CN',
      labels: {},
      participants: [],
      source: {
        publisher: { text: '微信公众号 xzluomor', unverified: true },
        account: 'xzluomor',
        platform: '微信公众号',
        title: 'WAIC实录',
        editorialNote: '发言原文未改一字。',
      },
      outline: [],
      ...extra,
    },
    participants: [host, yao, pan],
    preamble: [],
    sections,
    turns: [opening, answer, follow],
    quotes,
  };
}

// ---------------------------------------------------------------------------------------------

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** Renders a component and parses the HTML into a document to query. */
async function renderDom(
  component: Parameters<AstroContainer['renderToString']>[0],
  props: Record<string, unknown>,
  slots?: Record<string, string>,
) {
  const html = await container.renderToString(component, { props, ...(slots ? { slots } : {}) });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { html, document, body: document.body };
}

/** Text with runs of whitespace collapsed, as a reader sees it. */
const textOf = (node: { textContent: string | null } | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const attrs = (elements: Iterable<Element>, name: string) => [...elements].map((el) => el.getAttribute(name));

describe('Avatar', () => {
  test.each<[string, Record<string, unknown>, string]>([
    [
      'small by default',
      { speaker: { initials: '姚', color: 'teal' } },
      '<span class="avatar avatar-small" data-color="teal" aria-hidden="true">姚</span>',
    ],
    [
      'large',
      { speaker: { initials: '期智', color: 'amber' }, size: 'large' },
      '<span class="avatar avatar-large" data-color="amber" aria-hidden="true">期智</span>',
    ],
    [
      'with escaped initials',
      { speaker: { initials: '<b>', color: 'slate' } },
      '<span class="avatar avatar-small" data-color="slate" aria-hidden="true">&lt;b&gt;</span>',
    ],
  ])('renders an avatar %s', async (_name, props, expected) => {
    expect(await container.renderToString(Avatar, { props })).toBe(expected);
  });
});

describe('FactText', () => {
  test.each<[string, Fact, string]>([
    ['a verified fact as plain text', verified('上海世博中心'), '<span class="fact">上海世博中心</span>'],
    [
      'an unverified fact with a visible mark',
      { text: '微信公众号', unverified: true },
      '<span class="fact">微信公众号<span class="unverified" title="未找到可靠来源核实">（未核实）</span></span>',
    ],
    ['escaped text', verified('A<B>&C'), '<span class="fact">A&lt;B&gt;&amp;C</span>'],
  ])('renders %s', async (_name, fact, expected) => {
    expect(await container.renderToString(FactText, { props: { fact } })).toBe(expected);
  });
});

describe('TurnBlock', () => {
  test.each([
    ['a guest', answer, 2, '图灵奖得主'],
    ['the host', opening, 1, '主持人'],
  ])('renders a turn of %s with its markup contract', async (_name, turn, slot, role) => {
    const { body } = await renderDom(
      TurnBlock,
      { turn, speakerSlot: slot, correctionsHref: CORRECTIONS },
      { default: '<p>第一段。</p><p>第二段。</p>' },
    );
    const article = body.querySelector('article.turn')!;
    expect(article).not.toBeNull();
    expect(article.id).toBe(turn.anchor);
    expect(article.getAttribute('data-speaker')).toBe(turn.speaker.id);
    expect(article.getAttribute('data-part')).toBe(turn.speaker.part);
    expect(article.getAttribute('data-slot')).toBe(String(slot));
    expect(article.getAttribute('data-color')).toBe(turn.speaker.color);
    expect(article.getAttribute('aria-labelledby')).toBe(`${turn.anchor}-speaker`);
    const heading = body.querySelector(`#${turn.anchor}-speaker`)!;
    expect(heading.tagName).toBe('H3');
    expect(textOf(heading.querySelector('.turn-name'))).toBe(turn.speaker.name);
    expect(textOf(heading.querySelector('.turn-role'))).toBe(role);
    expect(body.querySelector('.turn-head .avatar')?.getAttribute('data-color')).toBe(turn.speaker.color);
    expect(textOf(body.querySelector('.turn-head .avatar'))).toBe(turn.speaker.initials);
  });

  test('labels the fold with the paragraph count and the speaker', async () => {
    const { body } = await renderDom(
      TurnBlock,
      { turn: answer, speakerSlot: 2, correctionsHref: CORRECTIONS },
      { default: '<p>话</p>' },
    );
    const toggle = body.querySelector('input.turn-expand')!;
    expect(toggle.getAttribute('type')).toBe('checkbox');
    expect(toggle.id).toBe('yao-answers-expand');
    const label = body.querySelector('label.turn-fold')!;
    expect(label.getAttribute('for')).toBe('yao-answers-expand');
    expect(textOf(label.querySelector('.fold-closed'))).toBe('已折叠 3 段 · 展开');
    expect(textOf(label.querySelector('.fold-open'))).toBe('收起');
    // Shown with either state, so the control's name is 展开/收起 and whose turn it is.
    expect(textOf(label.querySelector(':scope > .visually-hidden'))).toBe('姚期智的发言');
  });

  test('links a speaker label the source got wrong to the corrections list, and says what it was', async () => {
    const mislabelled = turnView('yao-mislabelled', yao, { sourceLabel: '姚院士', labelReading: 'other' });
    const { body } = await renderDom(
      TurnBlock,
      { turn: mislabelled, speakerSlot: 2, correctionsHref: CORRECTIONS },
      { default: '<p>话</p>' },
    );
    const label = body.querySelector('.turn-speaker a.turn-source-label')!;
    expect(label.getAttribute('href')).toBe(CORRECTIONS);
    expect(textOf(label)).toBe('原文标为“姚院士”');
    const { body: plain } = await renderDom(
      TurnBlock,
      { turn: answer, speakerSlot: 2, correctionsHref: CORRECTIONS },
      { default: '<p>话</p>' },
    );
    expect(plain.querySelector('.turn-source-label')).toBeNull();
  });

  test('links an alias to the list of the source’s labels, and says nothing of a title or a role', async () => {
    const LABELS = '/demo-talk/about/#speaker-labels';
    const props = { speakerSlot: 2, correctionsHref: CORRECTIONS, labelsHref: LABELS };
    const alias = turnView('yao-alias', yao, { sourceLabel: '姚先生', labelReading: 'alias' });
    const { body } = await renderDom(TurnBlock, { turn: alias, ...props }, { default: '<p>话</p>' });
    expect(body.querySelector('a.turn-source-label')?.getAttribute('href')).toBe(LABELS);
    for (const labelReading of ['name', 'role'] as const) {
      const turn = turnView('yao-titled', yao, {
        sourceLabel: labelReading === 'name' ? '姚期智教授' : '主持人',
        labelReading,
      });
      const { body: quiet } = await renderDom(TurnBlock, { turn, ...props }, { default: '<p>话</p>' });
      expect(quiet.querySelector('.turn-source-label'), labelReading).toBeNull();
    }
  });

  test('links to itself by its anchor', async () => {
    const { body } = await renderDom(
      TurnBlock,
      { turn: answer, speakerSlot: 2, correctionsHref: CORRECTIONS },
      { default: '<p>话</p>' },
    );
    const link = body.querySelector('a.turn-link')!;
    expect(link.getAttribute('href')).toBe('#yao-answers');
    expect(textOf(link.querySelector('[aria-hidden="true"]'))).toBe('#');
    expect(textOf(link.querySelector('.visually-hidden'))).toBe('姚期智这段发言的链接');
  });

  test('puts the slot content in the turn body', async () => {
    const { body } = await renderDom(
      TurnBlock,
      { turn: answer, speakerSlot: 2, correctionsHref: CORRECTIONS },
      { default: '<p>第一段。</p><p>第二段有<mark id="quote-x" class="key-quote">金句</mark>。</p>' },
    );
    const paragraphs = body.querySelectorAll('.turn-body > p');
    expect([...paragraphs].map(textOf)).toEqual(['第一段。', '第二段有金句。']);
    expect(body.querySelector('.turn-body mark#quote-x.key-quote')).not.toBeNull();
  });
});

describe('Outline', () => {
  test('lists each section as a link to its heading with its turn count', async () => {
    const { body } = await renderDom(Outline, { sections });
    const nav = body.querySelector('nav.outline')!;
    expect(nav.getAttribute('aria-labelledby')).toBe('outline-title');
    expect(textOf(nav.querySelector('#outline-title'))).toBe('目录');
    const links = [...nav.querySelectorAll('ol.outline-list > li > a')];
    expect(attrs(links, 'href')).toEqual(['#foundations', '#images']);
    expect(
      links.map((a) => [textOf(a.querySelector('.outline-title')), textOf(a.querySelector('.outline-count'))]),
    ).toEqual([
      ['基础理论的突破', '2 段'],
      ['GAN 与扩散模型', '1 段'],
    ]);
  });

  test('renders an empty list when there are no sections', async () => {
    const { body } = await renderDom(Outline, { sections: [] });
    expect(body.querySelectorAll('li')).toHaveLength(0);
  });
});

describe('KeyQuotes', () => {
  test('renders nothing without quotes', async () => {
    expect(await container.renderToString(KeyQuotes, { props: { quotes: [] } })).toBe('');
  });

  test('links each headline to its highlighted span', async () => {
    const { body } = await renderDom(KeyQuotes, { quotes });
    const section = body.querySelector('section.key-quotes')!;
    expect(section.getAttribute('aria-labelledby')).toBe('key-quotes-title');
    expect(textOf(section.querySelector('#key-quotes-title'))).toBe('金句');
    const items = [...section.querySelectorAll('ol.key-quote-list > li.key-quote-item')];
    expect(attrs(items, 'data-speaker')).toEqual(['yao-qizhi', 'xu-li']);
    expect(items.map((li) => textOf(li.querySelector('blockquote p')))).toEqual([
      '让AI成为机器人。',
      '<b>理论</b>很重要',
    ]);
    expect(section.querySelector('blockquote b')).toBeNull();
    expect(items.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual([
      '#quote-embodied',
      '#quote-theory',
    ]);
    expect(items.map((li) => textOf(li.querySelector('a')))).toEqual([
      '在原文中查看：姚期智的这句话',
      '在原文中查看：徐立的这句话',
    ]);
    expect(items.map((li) => textOf(li.querySelector('.avatar')))).toEqual(['期智', '徐']);
  });
});

describe('SpeakerFilter', () => {
  test('renders one checkbox per participant with data-slot 1..n', async () => {
    const { body } = await renderDom(SpeakerFilter, { participants: [host, yao, pan], totalTurns: 3 });
    const boxes = [...body.querySelectorAll('input[name="speakers"]')];
    expect(
      boxes.map((box) => [
        box.getAttribute('type'),
        box.getAttribute('value'),
        box.getAttribute('data-slot'),
        box.getAttribute('data-part'),
      ]),
    ).toEqual([
      ['checkbox', 'xu-li', '1', 'host'],
      ['checkbox', 'yao-qizhi', '2', 'guest'],
      ['checkbox', 'pan-xingang', '3', 'guest'],
    ]);
    expect(boxes.some((box) => box.hasAttribute('checked'))).toBe(false);
    const options = [...body.querySelectorAll('fieldset.filter-speakers label.filter-option')];
    expect(options.map((label) => textOf(label.querySelector('.filter-name')))).toEqual(['徐立', '姚期智', '潘新钢']);
    // The count is read out from hidden text; the visible digit is hidden from assistive technology.
    expect(options.map((label) => label.querySelector('.filter-count')?.getAttribute('aria-hidden'))).toEqual([
      'true',
      'true',
      'true',
    ]);
    expect(options.map((label) => textOf(label.querySelector('.visually-hidden')))).toEqual([
      '2 段发言',
      '1 段发言',
      '0 段发言',
    ]);
  });

  test('renders the keep-host checkbox, checked, when the talk has a host', async () => {
    const { body } = await renderDom(SpeakerFilter, { participants: [host, yao], totalTurns: 3 });
    const keepHost = body.querySelectorAll('input.keep-host');
    expect(keepHost).toHaveLength(1);
    expect(keepHost[0]!.getAttribute('type')).toBe('checkbox');
    expect(keepHost[0]!.getAttribute('name')).toBe('host');
    expect(keepHost[0]!.hasAttribute('checked')).toBe(true);
    expect(textOf(keepHost[0]!.parentElement)).toBe('保留主持人的提问');
  });

  test('leaves out the keep-host checkbox when the talk has no host', async () => {
    const { body } = await renderDom(SpeakerFilter, { participants: [yao, pan], totalTurns: 2 });
    expect(body.querySelector('input.keep-host')).toBeNull();
    expect(attrs(body.querySelectorAll('input[name="speakers"]'), 'data-slot')).toEqual(['1', '2']);
  });

  test('wraps the form in <ht-speaker-filter> with the total turn count and a live status', async () => {
    const { body } = await renderDom(SpeakerFilter, { participants: [host, yao], totalTurns: 13 });
    const element = body.querySelector('ht-speaker-filter')!;
    expect(element.getAttribute('data-total')).toBe('13');
    expect(element.querySelector('button[type="reset"]')?.textContent).toBe('显示全部');
    const status = element.querySelector('.filter-status')!;
    expect([status.getAttribute('role'), status.getAttribute('aria-live'), status.textContent]).toEqual([
      'status',
      'polite',
      '',
    ]);
  });

  test('has no script of its own: the site script defines <ht-speaker-filter>', async () => {
    const { body } = await renderDom(SpeakerFilter, { participants: [host], totalTurns: 1 });
    expect(body.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('EveryPageScript', () => {
  test('loads every-page.ts as an external module (the container renders the <script> as a src)', async () => {
    const { body } = await renderDom(EveryPageScript, {});
    const scripts = [...body.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('type')).toBe('module');
    expect(scripts[0]!.getAttribute('src')).toMatch(/EveryPageScript\.astro\?astro&type=script&index=0&lang\.ts$/);
    expect(scripts[0]!.textContent).toBe('');
  });
});

describe('ParticipantList', () => {
  test('lists participants with avatar, latin name, host badge and role', async () => {
    const { body } = await renderDom(ParticipantList, { participants: [host, yao, pan] });
    const items = [...body.querySelectorAll('li.participant')];
    expect(attrs(items, 'data-speaker')).toEqual(['xu-li', 'yao-qizhi', 'pan-xingang']);
    expect(items.map((li) => li.querySelector('.avatar')?.getAttribute('class'))).toEqual([
      'avatar avatar-large',
      'avatar avatar-large',
      'avatar avatar-large',
    ]);
    expect(items.map((li) => textOf(li.querySelector('.participant-name')))).toEqual([
      '徐立 Xu Li 主持',
      '姚期智 Andrew Chi-Chih Yao',
      '潘新钢 pan-xingang',
    ]);
    expect(items.map((li) => textOf(li.querySelector('.participant-role')))).toEqual([
      '徐立的身份',
      '图灵奖得主',
      '教授（未核实）',
    ]);
  });
});

describe('ParticipantList names', () => {
  test('shows a Latin name that only repeats the name once', async () => {
    const jane = participant('jane-doe', 'Jane Doe', 'guest', { latinName: 'Jane Doe' });
    const { body } = await renderDom(ParticipantList, { participants: [jane, yao] });
    expect([...body.querySelectorAll('.participant-name')].map(textOf)).toEqual([
      'Jane Doe',
      '姚期智 Andrew Chi-Chih Yao',
    ]);
    expect(body.querySelectorAll('.latin-name')).toHaveLength(1);
  });
});

describe('a talk in English on the Chinese site', () => {
  const english = () =>
    talkView({ language: 'en', title: 'Open Questions', subtitle: 'A fixture panel', summary: 'Two people talk.' });

  test('the masthead marks the talk’s own words as English and counts words at 238 a minute', async () => {
    const { body } = await renderDom(TalkHeader, { talk: english() });
    for (const selector of ['.kicker', 'h1.talk-title', '.talk-subtitle', '.talk-summary']) {
      expect(body.querySelector(selector)?.getAttribute('lang'), selector).toBe('en');
    }
    // The demo turns are 10 units each: 30 words, 1 minute.
    expect(textOf(body.querySelector('.talk-meta div:nth-child(3) dd'))).toBe('全文30词，3段发言，约1分钟读完');
  });

  test('a Chinese talk’s masthead carries no lang of its own and counts characters', async () => {
    const { body } = await renderDom(TalkHeader, { talk: talkView() });
    expect(body.querySelector('[lang]:not(.source-account [lang])')).toBeNull();
    expect(textOf(body.querySelector('.talk-meta div:nth-child(3) dd'))).toBe('全文30字，3段发言，约1分钟读完');
  });

  test('the home page card marks its title and quote as English', async () => {
    const { body } = await renderDom(TalkCard, { talk: english() });
    expect(body.querySelector('.talk-card-title')?.getAttribute('lang')).toBe('en');
    expect(body.querySelector('.talk-card-quote blockquote')?.getAttribute('lang')).toBe('en');
    expect(body.querySelector('.talk-card-people')?.hasAttribute('lang')).toBe(false);
  });

  test('a turn in an English transcript keeps its head (the site’s words) in Chinese', async () => {
    const { body } = await renderDom(
      TurnBlock,
      { turn: answer, speakerSlot: 2, correctionsHref: CORRECTIONS, transcriptLanguage: 'en' },
      { default: '<p>Words.</p>' },
    );
    expect(body.querySelector('.turn-head')?.getAttribute('lang')).toBe('zh-CN');
    const { body: chinese } = await renderDom(
      TurnBlock,
      { turn: answer, speakerSlot: 2, correctionsHref: CORRECTIONS },
      { default: '<p>话</p>' },
    );
    expect(chinese.querySelector('.turn-head')?.hasAttribute('lang')).toBe(false);
  });
});

describe('TalkHeader', () => {
  test('shows event, title, formatted date, venue and source', async () => {
    const { body } = await renderDom(TalkHeader, { talk: talkView() });
    expect(textOf(body.querySelector('.kicker'))).toBe('WAIC 2023 · 2023 世界人工智能大会');
    expect(textOf(body.querySelector('h1.talk-title'))).toBe('创想共论·智变可能');
    const time = body.querySelector('time')!;
    expect([time.getAttribute('datetime'), time.textContent]).toEqual(['2023-07-06', '2023年7月6日']);
    expect(body.querySelector('.talk-meta .unverified')).toBeNull();
    expect(textOf(body.querySelector('.source-account'))).toBe('（微信公众号 ID：xzluomor）');
    expect(body.querySelector('.talk-meta cite')?.textContent).toBe('WAIC实录');
  });

  test('marks an unverified date and links a source with a URL', async () => {
    const talk = talkView({
      date: { text: '2023-07-06', unverified: true },
      source: { publisher: verified('某号'), title: '实录', url: 'https://example.org/article' },
    });
    const { body } = await renderDom(TalkHeader, { talk });
    expect(textOf(body.querySelector('.talk-meta div:first-child dd'))).toBe('2023年7月6日（未核实）');
    expect(body.querySelector('.talk-meta a')?.getAttribute('href')).toBe('https://example.org/article');
    expect(body.querySelector('.source-account')).toBeNull();
  });
});

describe('TalkCard', () => {
  test('links to the talk and shows its first key quote and counts', async () => {
    const { body } = await renderDom(TalkCard, { talk: talkView() });
    const article = body.querySelector('article.talk-card')!;
    expect(article.getAttribute('aria-labelledby')).toBe('demo-talk-card-title');
    expect(body.querySelector('#demo-talk-card-title a')?.getAttribute('href')).toBe('/demo-talk/');
    expect(textOf(body.querySelector('.kicker'))).toBe('WAIC 2023 · 2023年7月6日');
    expect(body.querySelector('figure.talk-card-quote')?.getAttribute('data-speaker')).toBe('yao-qizhi');
    expect(textOf(body.querySelector('figcaption'))).toBe('——姚期智');
    expect(textOf(body.querySelector('.talk-card-more'))).toBe('3 段发言 · 2 个话题');
  });
});

describe('SourceNotes', () => {
  test('lists the source of every fact, linking URLs and marking unverified facts', async () => {
    const { body } = await renderDom(SourceNotes, { talk: talkView() });
    const items = [...body.querySelectorAll('.fact-sources li')];
    // Label, fact and how its source is shown (a link text, plain words, or 未核实).
    expect(
      items.map((li) => [
        textOf(li.querySelector('.fact-label')),
        textOf(li).split('：')[1]?.split('——')[0],
        textOf(li.querySelector('a, .unverified') ?? { textContent: textOf(li).split('——')[1] ?? '' }),
      ]),
    ).toEqual([
      ['日期', '2023-07-06', '来源'],
      ['地点', '上海世博中心', '来源'],
      ['场次', '开幕式圆桌论坛', '见原文'],
      ['发布者', '微信公众号 xzluomor', '未核实'],
      ['徐立·机构', '徐立的机构', '见原文'],
      ['徐立·身份', '徐立的身份', '见原文'],
      ['姚期智·机构', '姚期智的机构', '见原文'],
      ['姚期智·身份', '图灵奖得主', '见原文'],
      ['潘新钢·机构', '潘新钢的机构', '见原文'],
      ['潘新钢·身份', '教授', '未核实'],
    ]);
    expect(items.slice(0, 2).map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual([
      'https://example.org/date',
      'https://example.org/venue',
    ]);
    const credit = body.querySelector('.source-notes > p')!;
    expect(credit.textContent?.trim()).toBe(
      '本文据微信公众号「xzluomor」发布的《WAIC实录》整理，对话者发言以原文为准。',
    );
    expect(credit.querySelector('span[lang="en"]')?.textContent).toBe('xzluomor');
    expect(textOf(body.querySelector('.source-notes > p + p'))).toBe('发言原文未改一字。');
  });

  // No space beside full-width punctuation (src/lib/text/typography.ts rule 2), also where the template joins
  // the dash and the source. textContent is read raw here: textOf would hide a newline as a space.
  test('puts no space between the dash and the source of a fact', async () => {
    const { body } = await renderDom(SourceNotes, { talk: talkView() });
    const items = [...body.querySelectorAll('.fact-sources li')].map((li) => li.textContent?.trim());
    expect(items.slice(0, 4)).toEqual([
      '日期：2023-07-06——来源',
      '地点：上海世博中心——来源',
      '场次：开幕式圆桌论坛——见原文',
      '发布者：微信公众号 xzluomor——未核实',
    ]);
  });

  test('links a fact sourced from another talk to that talk', async () => {
    const talk = talkView();
    talk.participants = [{ ...yao, role: verified('教授', 'talk:other-talk') }];
    const { body } = await renderDom(SourceNotes, { talk });
    const link = [...body.querySelectorAll('.fact-sources li a')].at(-1)!;
    expect([link.getAttribute('href'), link.textContent]).toEqual(['/other-talk/', '见另一场实录']);
  });
});
