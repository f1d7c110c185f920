import { describe, expect, test } from 'vitest';
import {
  buildCatalog,
  speakersInStageOrder,
  turnCount,
  ContentError,
  countCharacters,
  EXCERPT_LENGTH,
  excerptOf,
  formatProblem,
  inspectMarkdown,
  MAX_PARTICIPANTS,
  paragraphsOf,
  type CatalogInput,
  type ContentProblem,
  type EntryInput,
} from '../../src/lib/content/catalog';
import { parseMarkdown } from '../../src/lib/content/markdown-tree';
import type { Speaker } from '../../src/schemas/speaker';
import type { Talk } from '../../src/schemas/talk';
import type { Turn } from '../../src/schemas/turn';

// ---------------------------------------------------------------------------------------------
// A tiny builder of entries shaped like what `getCollection` returns (already schema-parsed).
// ---------------------------------------------------------------------------------------------

const TALK = 'demo-talk';
const talkFile = (slug = TALK) => `content/talks/${slug}/talk.yaml`;
const turnFile = (position: number, anchor: string, slug = TALK) =>
  `content/talks/${slug}/turns/${String(position).padStart(2, '0')}-${anchor}.md`;

function speaker(id: string, name: string, data: Partial<Speaker> = {}): EntryInput<Speaker> {
  return {
    id,
    filePath: `content/speakers/${id}.yaml`,
    data: {
      name,
      latinName: id,
      aliases: [],
      color: 'blue',
      role: { text: `${name}的身份`, source: 'https://example.org/role', unverified: false },
      affiliation: { text: `${name}的机构`, source: 'https://example.org/org', unverified: false },
      ...data,
    },
  };
}

function talk(slug: string, data: Partial<Talk> = {}): EntryInput<Talk> {
  return {
    id: `${slug}/talk`,
    filePath: talkFile(slug),
    data: {
      title: '演示对话',
      summary: '一场用来测试的对话。',
      event: { name: 'Demo 2023', fullName: '2023 演示大会' },
      date: { text: '2023-07-06', source: 'transcript', unverified: false },
      venue: { text: '上海', source: 'transcript', unverified: false },
      session: { text: '圆桌', source: 'transcript', unverified: false },
      language: 'zh-CN',
      labels: {},
      participants: [
        { speaker: 'xu-li', part: 'host' },
        { speaker: 'yao-qizhi', part: 'guest' },
      ],
      source: { publisher: { text: '某公众号', unverified: true }, title: '实录' },
      outline: [],
      ...data,
    },
  };
}

function turn(
  position: number,
  anchor: string,
  speakerId: string,
  body: string,
  options: {
    slug?: string;
    quotes?: Turn['quotes'];
    sourceLabel?: string;
    bodyLine?: EntryInput<Turn>['bodyLine'];
    renderFailed?: boolean;
  } = {},
): EntryInput<Turn> {
  const slug = options.slug ?? TALK;
  return {
    ...(options.bodyLine === undefined ? {} : { bodyLine: options.bodyLine }),
    ...(options.renderFailed === undefined ? {} : { renderFailed: options.renderFailed }),
    id: `${slug}/turns/${String(position).padStart(2, '0')}-${anchor}`,
    filePath: turnFile(position, anchor, slug),
    data: {
      anchor,
      position,
      speaker: speakerId,
      quotes: options.quotes ?? [],
      ...(options.sourceLabel === undefined ? {} : { sourceLabel: options.sourceLabel }),
    },
    body,
  };
}

const speakers = () => [
  speaker('xu-li', '徐立', { color: 'crimson' }),
  speaker('yao-qizhi', '姚期智', { initials: '期智', color: 'teal', aliases: ['姚院士'] }),
  speaker('pan-xingang', '潘新钢', { color: 'amber' }),
];

/** A valid one-talk input: the host opens, the guest answers. */
function valid(overrides: Partial<CatalogInput> = {}): CatalogInput {
  return {
    speakers: speakers(),
    talks: [talk(TALK, { outline: [{ id: 'opening', title: '开场', start: 'xu-li-opens' }] })],
    turns: [turn(1, 'xu-li-opens', 'xu-li', '各位好。\n'), turn(2, 'yao-answers', 'yao-qizhi', '谢谢。\n')],
    ...overrides,
  };
}

/** Runs buildCatalog, expecting a ContentError, and returns it. */
function contentErrorOf(input: CatalogInput): ContentError {
  try {
    buildCatalog(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected buildCatalog to throw a ContentError, it returned a catalog');
}

/** Expects exactly these problems, each one printed on its own line of the error message. */
function expectProblems(input: CatalogInput, problems: ContentProblem[]) {
  const error = contentErrorOf(input);
  expect(error.problems).toEqual(problems);
  expect(error.message.split('\n').slice(1)).toEqual(problems.map(formatProblem));
  for (const problem of problems) {
    const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
    const field = problem.field === undefined ? '' : ` field "${problem.field}":`;
    expect(error.message).toContain(`  ${where}${field} ${problem.message}`);
  }
  return error;
}

// ---------------------------------------------------------------------------------------------

describe('buildCatalog, happy path', () => {
  const body2 =
    '我们中国的科学家做了很多突破性的贡献。\n\n在ChatGPT以后，下一个非常重要的目标就是让AI变成机器人。\n\n所以这个工作很重要。';
  const input: CatalogInput = {
    speakers: speakers(),
    talks: [
      talk(TALK, {
        participants: [
          { speaker: 'xu-li', part: 'host' },
          {
            speaker: 'yao-qizhi',
            part: 'guest',
            role: { text: '图灵奖得主', source: 'transcript', unverified: false },
          },
          { speaker: 'pan-xingang', part: 'guest' },
        ],
        outline: [
          { id: 'foundations', title: '基础理论', start: 'xu-li-asks-yao' },
          { id: 'images', title: '图像生成', question: 'GAN 还是扩散？', start: 'xu-li-asks-pan' },
        ],
      }),
    ],
    // Deliberately out of order: the catalog orders turns by position.
    turns: [
      turn(5, 'pan-answers', 'pan-xingang', '各有所长。'),
      turn(1, 'xu-li-welcome', 'xu-li', '各位嘉宾好。'),
      turn(3, 'yao-rl', 'yao-qizhi', body2, {
        quotes: [
          { id: 'embodied', headline: '让AI成为机器人。', span: '下一个非常重要的目标就是让AI变成机器人' },
          { id: 'theory', headline: '这个工作很重要。', span: '这个工作很重要' },
        ],
        sourceLabel: '姚院士',
      }),
      turn(2, 'xu-li-asks-yao', 'xu-li', '请教姚院士。'),
      turn(4, 'xu-li-asks-pan', 'xu-li', '请问潘老师。'),
    ],
  };
  const catalog = buildCatalog(input);
  const demo = catalog.talks[0]!;
  const anchors = (turns: { anchor: string }[]) => turns.map((t) => t.anchor);

  test('returns the one talk with its slug, file and data', () => {
    expect(catalog.talks).toHaveLength(1);
    expect(demo.slug).toBe(TALK);
    expect(demo.filePath).toBe(talkFile());
    expect(demo.data.title).toBe('演示对话');
  });

  test('orders turns by position', () => {
    expect(anchors(demo.turns)).toEqual(['xu-li-welcome', 'xu-li-asks-yao', 'yao-rl', 'xu-li-asks-pan', 'pan-answers']);
    expect(demo.turns.map((t) => t.position)).toEqual([1, 2, 3, 4, 5]);
  });

  test('puts the turns before the first section into the preamble', () => {
    expect(anchors(demo.preamble)).toEqual(['xu-li-welcome']);
  });

  test('gives each section the turns from its start to the next section', () => {
    expect(demo.sections.map((s) => [s.id, s.title, anchors(s.turns)])).toEqual([
      ['foundations', '基础理论', ['xu-li-asks-yao', 'yao-rl']],
      ['images', '图像生成', ['xu-li-asks-pan', 'pan-answers']],
    ]);
    expect(demo.sections[1]!.question).toBe('GAN 还是扩散？');
  });

  test('builds participants in order with part, overridden role and turn count', () => {
    expect(
      demo.participants.map((p) => [p.id, p.part, p.role.text, p.affiliation.text, p.turnCount, p.initials]),
    ).toEqual([
      ['xu-li', 'host', '徐立的身份', '徐立的机构', 3, '徐'],
      ['yao-qizhi', 'guest', '图灵奖得主', '姚期智的机构', 1, '期智'],
      ['pan-xingang', 'guest', '潘新钢的身份', '潘新钢的机构', 1, '潘'],
    ]);
  });

  test('builds a full turn view with paragraphs, characters, quotes and source label', () => {
    const rl = demo.turns[2]!;
    const yao = demo.participants[1]!;
    expect(rl).toEqual({
      collection: 'turns',
      entryId: `${TALK}/turns/03-yao-rl`,
      filePath: turnFile(3, 'yao-rl'),
      anchor: 'yao-rl',
      position: 3,
      speaker: yao,
      sourceLabel: '姚院士',
      // One of 姚期智's aliases: the source's label, not a mistake (speaker-labels.ts).
      labelReading: 'alias',
      quotes: [
        {
          id: 'embodied',
          headline: '让AI成为机器人。',
          span: '下一个非常重要的目标就是让AI变成机器人',
          anchor: 'quote-embodied',
          turnAnchor: 'yao-rl',
          speaker: yao,
        },
        {
          id: 'theory',
          headline: '这个工作很重要。',
          span: '这个工作很重要',
          anchor: 'quote-theory',
          turnAnchor: 'yao-rl',
          speaker: yao,
        },
      ],
      paragraphs: 3,
      characters: body2.replace(/\s/g, '').length,
      // A Chinese talk is measured in characters.
      length: body2.replace(/\s/g, '').length,
      excerpt:
        '我们中国的科学家做了很多突破性的贡献。在ChatGPT以后，下一个非常重要的目标就是让AI变成机器人。所以这个工作很重…',
      notes: [],
    });
    expect(rl.characters).toBe(19 + 32 + 10);
    expect(Array.from(rl.excerpt)).toHaveLength(EXCERPT_LENGTH);
  });

  test('measures a talk in English in words, a Chinese one in characters', () => {
    const english = buildCatalog(
      valid({
        talks: [talk(TALK, { language: 'en', outline: [] })],
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', 'Welcome, everyone.\n\nLet us begin.\n'),
          turn(2, 'yao-answers', 'yao-qizhi', 'Thank you.\n'),
        ],
      }),
    ).talks[0]!;
    expect(english.measure).toEqual({ unit: 'words', perMinute: 238 });
    expect(english.turns.map((t) => [t.length, t.characters])).toEqual([
      [5, 28],
      [2, 9],
    ]);
    expect(demo.measure).toEqual({ unit: 'characters', perMinute: 400 });
    expect(demo.turns.every((t) => t.length === t.characters)).toBe(true);
  });

  test('reads a source label the talk maps to the speaker as a role, and another person’s name as a correction', () => {
    const labelled = buildCatalog(
      valid({
        talks: [talk(TALK, { labels: { 主持人: 'xu-li' }, outline: [] })],
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '各位好。\n', { sourceLabel: '主持人' }),
          turn(2, 'yao-answers', 'yao-qizhi', '谢谢。\n', { sourceLabel: '徐立' }),
        ],
      }),
    ).talks[0]!;
    expect(labelled.turns.map((t) => t.labelReading)).toEqual(['role', 'other']);
  });

  test('leaves notes out of a turn’s excerpt: the reference and the definition', () => {
    const body = '高洋[^gao-yang]老师说得好。\n\n[^gao-yang]: 【更正】应为高阳，未核实。\n';
    const catalog = buildCatalog(
      valid({ turns: [turn(1, 'xu-li-opens', 'xu-li', body), turn(2, 'yao-answers', 'yao-qizhi', '谢谢。')] }),
    );
    const opening = catalog.talks[0]!.turns[0]!;
    expect(opening.excerpt).toBe('高洋老师说得好。');
    expect(opening.notes.map((note) => note.label)).toEqual(['gao-yang']);
  });

  test('keeps a short turn whole as its excerpt', () => {
    expect(demo.turns[0]!.excerpt).toBe('各位嘉宾好。');
  });

  test('collects the quotes of all turns on the talk, with anchor quote-<id>', () => {
    expect(demo.quotes.map((q) => [q.anchor, q.turnAnchor, q.speaker.id])).toEqual([
      ['quote-embodied', 'yao-rl', 'yao-qizhi'],
      ['quote-theory', 'yao-rl', 'yao-qizhi'],
    ]);
  });

  test('leaves sourceLabel undefined when the turn has none', () => {
    expect(demo.turns[0]!.sourceLabel).toBeUndefined();
  });

  test('maps every speaker by id, sorted by id, with default initials from the first character of the name', () => {
    expect([...catalog.speakers.keys()]).toEqual(['pan-xingang', 'xu-li', 'yao-qizhi']);
    expect(catalog.speakers.get('xu-li')).toEqual({
      id: 'xu-li',
      name: '徐立',
      latinName: 'xu-li',
      aliases: [],
      initials: '徐',
      color: 'crimson',
      role: { text: '徐立的身份', source: 'https://example.org/role', unverified: false },
      affiliation: { text: '徐立的机构', source: 'https://example.org/org', unverified: false },
    });
    expect(catalog.speakers.get('yao-qizhi')?.aliases).toEqual(['姚院士']);
  });

  test('counts turns per talk, not across talks', () => {
    const two = buildCatalog({
      speakers: speakers(),
      talks: [talk('talk-a'), talk('talk-b')],
      turns: [
        turn(1, 'a1', 'xu-li', '甲', { slug: 'talk-a' }),
        turn(2, 'a2', 'xu-li', '乙', { slug: 'talk-a' }),
        turn(1, 'b1', 'xu-li', '丙', { slug: 'talk-b' }),
      ],
    });
    expect(two.talks.map((t) => [t.slug, t.participants[0]!.turnCount, t.participants[1]!.turnCount])).toEqual([
      ['talk-a', 2, 0],
      ['talk-b', 1, 0],
    ]);
  });

  test('puts every turn into the preamble when the outline is empty', () => {
    const plain = buildCatalog(valid({ talks: [talk(TALK)] })).talks[0]!;
    expect(plain.sections).toEqual([]);
    expect(anchors(plain.preamble)).toEqual(['xu-li-opens', 'yao-answers']);
  });

  test('leaves the preamble empty when the first section starts at the first turn', () => {
    const opened = buildCatalog(valid()).talks[0]!;
    expect(opened.preamble).toEqual([]);
    expect(anchors(opened.sections[0]!.turns)).toEqual(['xu-li-opens', 'yao-answers']);
  });

  test('sorts talks newest first, then by slug', () => {
    const dated = (slug: string, date: string) =>
      talk(slug, { date: { text: date, source: 'transcript', unverified: false } });
    const sorted = buildCatalog({
      speakers: speakers(),
      talks: [
        dated('old', '2021-03-01'),
        dated('mid-b', '2023-07-06'),
        dated('new', '2024-01-15'),
        dated('mid-a', '2023-07-06'),
      ],
      turns: ['old', 'mid-b', 'new', 'mid-a'].map((slug) => turn(1, 'opens', 'xu-li', '你好', { slug })),
    });
    expect(sorted.talks.map((t) => t.slug)).toEqual(['new', 'mid-a', 'mid-b', 'old']);
  });

  test('accepts a speaker fact sourced from an existing talk', () => {
    const input2 = valid();
    input2.speakers = [
      speaker('xu-li', '徐立'),
      speaker('yao-qizhi', '姚期智', { role: { text: '教授', source: `talk:${TALK}`, unverified: false } }),
    ];
    expect(() => buildCatalog(input2)).not.toThrow();
  });

  test(`accepts exactly ${MAX_PARTICIPANTS} participants`, () => {
    const many = Array.from({ length: MAX_PARTICIPANTS }, (_, i) => speaker(`s${i + 1}`, `人${i + 1}`));
    const catalog12 = buildCatalog({
      speakers: many,
      talks: [talk(TALK, { participants: many.map((s, i) => ({ speaker: s.id, part: i === 0 ? 'host' : 'guest' })) })],
      turns: [turn(1, 'opens', 's1', '你好')],
    });
    expect(catalog12.talks[0]!.participants).toHaveLength(MAX_PARTICIPANTS);
  });
});

describe('buildCatalog, content problems', () => {
  const KNOWN = 'pan-xingang, xu-li, yao-qizhi';

  test('reports a turn whose speaker is unknown, listing the known speaker ids', () => {
    expectProblems(valid({ turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(2, 'yao-answers', 'yao-qz', '好')] }), [
      {
        file: turnFile(2, 'yao-answers'),
        field: 'speaker',
        message: `expected a speaker id from content/speakers (${KNOWN}), found "yao-qz"`,
      },
    ]);
  });

  test('reports a turn whose speaker is not a participant of the talk', () => {
    expectProblems(
      valid({ turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(2, 'pan-answers', 'pan-xingang', '好')] }),
      [
        {
          file: turnFile(2, 'pan-answers'),
          field: 'speaker',
          message:
            'expected a participant of talk "demo-talk" (xu-li, yao-qizhi), found "pan-xingang", who is not in its participants',
        },
      ],
    );
  });

  test('reports a turn anchor used twice in a talk', () => {
    expectProblems(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '好'),
          turn(2, 'same', 'yao-qizhi', '好'),
          turn(3, 'same', 'xu-li', '好'),
        ],
      }),
      [
        {
          file: turnFile(3, 'same'),
          field: 'anchor',
          message: `expected an anchor unique in the talk, found "same", already used by ${turnFile(2, 'same')}`,
        },
      ],
    );
  });

  test('allows the same turn anchor in two different talks', () => {
    const input = valid({
      talks: [talk('talk-a'), talk('talk-b')],
      turns: [turn(1, 'opens', 'xu-li', '好', { slug: 'talk-a' }), turn(1, 'opens', 'xu-li', '好', { slug: 'talk-b' })],
    });
    expect(buildCatalog(input).talks).toHaveLength(2);
  });

  test.each([
    ['one start too few', [3], 'expected one start per paragraph (2), found 1'],
    ['starts going backwards', [9, 3], 'expected starts that never go backwards, found 3 after 9 (paragraph 2)'],
  ])('reports paragraph starts that do not fit the turn: %s', (_name, paragraphStarts, message) => {
    const answer = turn(2, 'yao-answers', 'yao-qizhi', '谢谢你。\n\n谢谢大家。\n');
    expectProblems(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '好'),
          { ...answer, data: { ...answer.data, start: 3, paragraphStarts } },
        ],
      }),
      [{ file: turnFile(2, 'yao-answers'), field: 'paragraphStarts', message }],
    );
  });

  test('accepts paragraph starts that fit the turn', () => {
    const answer = turn(2, 'yao-answers', 'yao-qizhi', '谢谢你。\n\n谢谢大家。\n');
    const input = valid({
      turns: [
        turn(1, 'xu-li-opens', 'xu-li', '好'),
        { ...answer, data: { ...answer.data, start: 3, paragraphStarts: [3, 3] } },
      ],
    });
    expect(buildCatalog(input).talks[0]!.turns).toHaveLength(2);
  });

  test('reports a position used twice in a talk', () => {
    expectProblems(
      valid({ turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(1, 'yao-answers', 'yao-qizhi', '好')] }),
      [
        {
          file: turnFile(1, 'yao-answers'),
          field: 'position',
          message: `expected a position unique in the talk, found 1, already used by ${turnFile(1, 'xu-li-opens')}`,
        },
      ],
    );
  });

  test.each([
    ['missing', '机器人', 0],
    ['found twice', '谢谢', 2],
    ['found four times', '谢', 4],
  ])('reports a key-quote span that is %s', (_name, span, count) => {
    expectProblems(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '好'),
          turn(2, 'yao-answers', 'yao-qizhi', '谢谢你。\n\n谢谢大家。', {
            quotes: [
              { id: 'fine', headline: '你。', span: '谢谢你' },
              { id: 'q', headline: '标题', span },
            ],
          }),
        ],
      }),
      [
        {
          file: turnFile(2, 'yao-answers'),
          field: 'quotes[1].span',
          message: `expected text that occurs exactly once in the turn, found ${count} occurrences of ${JSON.stringify(span)}`,
        },
      ],
    );
  });

  // The rehype plugin's splitAtSpan finds 哈哈 twice in 哈哈哈 (it looks again from at + 1), so the
  // catalog must count overlapping occurrences too, and report it with the file name first.
  test('reports a key-quote span whose occurrences overlap', () => {
    expectProblems(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '好'),
          turn(2, 'yao-answers', 'yao-qizhi', '哈哈哈，好的。', {
            quotes: [{ id: 'laugh', headline: '笑', span: '哈哈' }],
          }),
        ],
      }),
      [
        {
          file: turnFile(2, 'yao-answers'),
          field: 'quotes[0].span',
          message: 'expected text that occurs exactly once in the turn, found 2 occurrences of "哈哈"',
        },
      ],
    );
  });

  test.each([
    ['crossing emphasis', '这是**重要**的话。', '重要**的话'],
    ['crossing a link', '请看[这篇论文](https://example.org)的结论。', '这篇论文](https://example.org)的结论'],
    ['crossing a paragraph break', '第一段。\n\n第二段。', '。\n\n第二段'],
    ['ending inside emphasis', '这是**重要的**话。', '这是**重要'],
  ])('reports a key-quote span that occurs once but %s', (_name, body, span) => {
    expectProblems(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '好'),
          turn(2, 'yao-answers', 'yao-qizhi', body, { quotes: [{ id: 'q', headline: '标题', span }] }),
        ],
      }),
      [
        {
          file: turnFile(2, 'yao-answers'),
          field: 'quotes[0].span',
          message: `expected text inside one run of plain text, found ${JSON.stringify(span)} crossing formatting, a link or a paragraph break`,
        },
      ],
    );
  });

  test.each([
    ['inside emphasis', '这是**很重要的话**。', '很重要'],
    ['inside a link text', '请看[这篇论文](https://example.org)的结论。', '这篇论文'],
    ['a whole second paragraph', '第一段。\n\n第二段。', '第二段。'],
  ])('accepts a key-quote span that lies %s', (_name, body, span) => {
    const input = valid({
      turns: [
        turn(1, 'xu-li-opens', 'xu-li', '好'),
        turn(2, 'yao-answers', 'yao-qizhi', body, { quotes: [{ id: 'q', headline: '标题', span }] }),
      ],
    });
    expect(buildCatalog(input).talks[0]!.quotes.map((q) => q.span)).toEqual([span]);
  });

  test('reports a key-quote span that runs into an autolinked URL', () => {
    expectProblems(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '好'),
          turn(2, 'yao-answers', 'yao-qizhi', '请看 https://example.org 的结论。', {
            quotes: [{ id: 'q', headline: '标题', span: '看 https' }],
          }),
        ],
      }),
      [
        {
          file: turnFile(2, 'yao-answers'),
          field: 'quotes[0].span',
          message:
            'expected text inside one run of plain text, found "看 https" crossing formatting, a link or a paragraph break',
        },
      ],
    );
  });

  test.each([
    ['an empty body', ''],
    ['a body of blank lines', '\n  \n\t\n'],
  ])('reports an empty turn (%s)', (_name, body) => {
    expectProblems(
      valid({ turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(2, 'yao-answers', 'yao-qizhi', body)] }),
      [
        {
          file: turnFile(2, 'yao-answers'),
          field: 'body',
          message: "expected the speaker's words, found an empty turn",
        },
      ],
    );
  });

  test('treats a turn with no body at all as empty', () => {
    const bodiless = turn(2, 'yao-answers', 'yao-qizhi', '');
    delete bodiless.body;
    expectProblems(valid({ turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), bodiless] }), [
      { file: turnFile(2, 'yao-answers'), field: 'body', message: "expected the speaker's words, found an empty turn" },
    ]);
  });

  const HARD_WRAP =
    'Unexpected line break inside a paragraph: expected one paragraph per line, separated by blank lines';
  const RAW_HTML = (snippet: string) =>
    `Unexpected raw HTML ${JSON.stringify(snippet)}: expected plain Markdown text (raw HTML is not published)`;

  // The line is the one after the first break (where the wrapped paragraph goes on), counted in
  // the file: body line + bodyLine - 1. Without bodyLine the body starts on line 1.
  test.each([
    ['the second paragraph', '第一段。\n\n第二段第一行\n第二段第二行\n', undefined, [4]],
    ['the first line', '第一行\n第二行', undefined, [2]],
    ['two paragraphs, one report each', '\n甲\n乙\n\n丙\n\n丁\n戊\n己\n', undefined, [3, 8]],
    ['a body that starts on file line 7', '第一段。\n\n第二段第一行\n第二段第二行\n', 7, [10]],
    ['a wrap after emphasis', '甲**乙**\n丙', 5, [6]],
    ['a wrapped quotation', '> 甲\n> 乙', 1, [2]],
    ['a wrapped list item', '- 甲\n  乙', 3, [4]],
  ])('reports a hard-wrapped paragraph with its file line (%s)', (_name, body, bodyLine, lines) => {
    expectProblems(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '好'),
          turn(2, 'yao-answers', 'yao-qizhi', body, bodyLine === undefined ? {} : { bodyLine }),
        ],
      }),
      lines.map((line) => ({ file: turnFile(2, 'yao-answers'), line, field: 'body', message: HARD_WRAP })),
    );
  });

  test('prints a hard wrap as file:line field "body"', () => {
    const error = contentErrorOf(
      valid({
        turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(2, 'yao-answers', 'yao-qizhi', '甲\n乙', { bodyLine: 6 })],
      }),
    );
    expect(error.message).toBe(
      `Content check failed with 1 problem:\n  ${turnFile(2, 'yao-answers')}:7 field "body": ${HARD_WRAP}`,
    );
  });

  test.each([
    ['a heading then a paragraph', '# 标题\n正文'],
    ['paragraphs separated by blank lines', '甲\n\n乙\n\n丙\n'],
    ['a paragraph with trailing blank lines', '\n\n甲\n\n\n'],
  ])('accepts %s (no line break inside a paragraph)', (_name, body) => {
    expect(() =>
      buildCatalog(
        valid({ turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(2, 'yao-answers', 'yao-qizhi', body)] }),
      ),
    ).not.toThrow();
  });

  test.each([
    ['two trailing spaces', '甲  \n乙'],
    ['a trailing backslash', '甲\\\n乙'],
  ])('reports a paragraph hard-wrapped with %s', (_name, body) => {
    expectProblems(
      valid({
        turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(2, 'yao-answers', 'yao-qizhi', body, { bodyLine: 5 })],
      }),
      [{ file: turnFile(2, 'yao-answers'), line: 6, field: 'body', message: HARD_WRAP }],
    );
  });

  test.each([
    ['a <script> block', '第一段。\n\n<script>alert(1)</script>\n', [[3, '<script>alert(1)</script>']]],
    [
      'an inline element, open and close tags apart',
      '看这里<b>粗</b>。',
      [
        [1, '<b>'],
        [1, '</b>'],
      ],
    ],
    [
      'an inline <img onerror>',
      '第一段。\n\n看这里<img src=x onerror=alert(1)>好的',
      [[3, '<img src=x onerror=alert(1)>']],
    ],
    ['an HTML comment', '第一段。<!-- 编者按 -->', [[1, '<!-- 编者按 -->']]],
    ['a multi-line <div> block, reported once', '<div>\n甲\n</div>', [[1, '<div>\n甲\n</div>']]],
  ] as const)('reports raw HTML in a turn with its file line (%s)', (_name, body, found) => {
    expectProblems(
      valid({
        turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(2, 'yao-answers', 'yao-qizhi', body, { bodyLine: 9 })],
      }),
      found.map(([line, snippet]) => ({
        file: turnFile(2, 'yao-answers'),
        line: line + 8,
        field: 'body',
        message: RAW_HTML(snippet),
      })),
    );
  });

  test('shortens a long raw HTML snippet to 59 characters and an ellipsis', () => {
    const html = `<div class="${'x'.repeat(80)}">`;
    expectProblems(
      valid({ turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(2, 'yao-answers', 'yao-qizhi', html)] }),
      [{ file: turnFile(2, 'yao-answers'), line: 1, field: 'body', message: RAW_HTML(`${html.slice(0, 59)}…`) }],
    );
  });

  test.each([
    ['escaped angle brackets', '写成\\<script>就没事'],
    ['HTML in inline code', '写成`<script>`就没事'],
    ['an autolink', '见<https://example.org/>。'],
    ['a lone less-than sign', '1 < 2 是对的'],
  ])('accepts %s as text, not raw HTML', (_name, body) => {
    expect(() =>
      buildCatalog(
        valid({ turns: [turn(1, 'xu-li-opens', 'xu-li', '好'), turn(2, 'yao-answers', 'yao-qizhi', body)] }),
      ),
    ).not.toThrow();
  });

  test('reports a render failure when the turn has no other problem', () => {
    expectProblems(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '好'),
          turn(2, 'yao-answers', 'yao-qizhi', '好的。', { renderFailed: true }),
        ],
      }),
      [
        {
          file: turnFile(2, 'yao-answers'),
          field: 'body',
          message: 'expected Markdown that renders, found a render error (see the [glob-loader] error above)',
        },
      ],
    );
  });

  test.each([
    ['raw HTML', '<script>alert(1)</script>', {}, 'body'],
    [
      'a span crossing formatting',
      '这是**重要**的话。',
      { quotes: [{ id: 'q', headline: '标题', span: '重要**的话' }] },
      'quotes[0].span',
    ],
    ['an unknown speaker', '好的。', { speaker: 'nobody' }, 'speaker'],
    ['a duplicate position', '好的。', { position: 1 }, 'position'],
  ])('reports only the cause, not the render failure, when the turn has %s', (_name, body, options, field) => {
    const {
      speaker: speakerId = 'yao-qizhi',
      position = 2,
      ...rest
    } = options as {
      speaker?: string;
      position?: number;
      quotes?: Turn['quotes'];
    };
    const error = contentErrorOf(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '好'),
          turn(position, 'yao-answers', speakerId, body, { ...rest, renderFailed: true }),
        ],
      }),
    );
    expect(error.problems.map((p) => p.field)).toEqual([field]);
  });

  test('reports the render failure of one turn and the other problem of another', () => {
    const error = contentErrorOf(
      valid({
        turns: [turn(1, 'xu-li-opens', 'xu-li', '好', { renderFailed: true }), turn(2, 'yao-answers', 'yao-qizhi', '')],
      }),
    );
    expect(error.problems.map((p) => [p.file, p.field, p.message.slice(0, 24)])).toEqual([
      [turnFile(1, 'xu-li-opens'), 'body', 'expected Markdown that r'],
      [turnFile(2, 'yao-answers'), 'body', "expected the speaker's w"],
    ]);
  });

  test('ignores renderFailed: false', () => {
    expect(() =>
      buildCatalog(
        valid({
          turns: [
            turn(1, 'xu-li-opens', 'xu-li', '好', { renderFailed: false }),
            turn(2, 'yao-answers', 'yao-qizhi', '好'),
          ],
        }),
      ),
    ).not.toThrow();
  });

  const NO_TURNS = 'expected at least one turn file in content/talks/demo-talk/turns/, found none';

  test('reports a talk with no turns', () => {
    expectProblems(valid({ talks: [talk(TALK)], turns: [] }), [
      { file: talkFile(), field: 'turns', message: NO_TURNS },
    ]);
  });

  test('reports a talk with no turns once, not also each outline section as missing its turn', () => {
    expectProblems(valid({ turns: [] }), [{ file: talkFile(), field: 'turns', message: NO_TURNS }]);
  });

  test('reports a talk with no turns although another talk has turns', () => {
    expectProblems(
      valid({ talks: [talk('talk-a'), talk(TALK)], turns: [turn(1, 'opens', 'xu-li', '好', { slug: 'talk-a' })] }),
      [{ file: talkFile(), field: 'turns', message: NO_TURNS }],
    );
  });

  test('reports an outline section whose start is not a turn of the talk', () => {
    expectProblems(
      valid({
        talks: [
          talk(TALK, {
            outline: [
              { id: 'opening', title: '开场', start: 'xu-li-opens' },
              { id: 'answer', title: '回答', start: 'yao-answer' },
            ],
          }),
        ],
      }),
      [
        {
          file: talkFile(),
          field: 'outline[1].start',
          message: 'expected the anchor of a turn in this talk, found "yao-answer"',
        },
      ],
    );
  });

  test.each([
    ['goes backwards', 'yao-answers', 'xu-li-opens', 'xu-li-opens', 1],
    ['starts at the same turn twice', 'yao-answers', 'yao-answers', 'yao-answers', 2],
  ])('reports an outline that %s', (_name, first, second, found, turnNumber) => {
    expectProblems(
      valid({
        talks: [
          talk(TALK, {
            outline: [
              { id: 'one', title: '一', start: first },
              { id: 'two', title: '二', start: second },
            ],
          }),
        ],
      }),
      [
        {
          file: talkFile(),
          field: 'outline[1].start',
          message: `expected a turn after the previous section's start, found ${JSON.stringify(found)} (turn ${turnNumber})`,
        },
      ],
    );
  });

  test('reports a participant who is not a known speaker', () => {
    expectProblems(
      valid({
        talks: [
          talk(TALK, {
            participants: [
              { speaker: 'xu-li', part: 'host' },
              { speaker: 'yao-qizhi', part: 'guest' },
              { speaker: 'ghost', part: 'guest' },
            ],
          }),
        ],
      }),
      [
        {
          file: talkFile(),
          field: 'participants[2].speaker',
          message: `expected a speaker id from content/speakers (${KNOWN}), found "ghost"`,
        },
      ],
    );
  });

  test('reports a participant listed twice', () => {
    expectProblems(
      valid({
        talks: [
          talk(TALK, {
            participants: [
              { speaker: 'xu-li', part: 'host' },
              { speaker: 'yao-qizhi', part: 'guest' },
              { speaker: 'yao-qizhi', part: 'guest' },
            ],
          }),
        ],
      }),
      [
        {
          file: talkFile(),
          field: 'participants[2].speaker',
          message: 'expected each participant once, found "yao-qizhi" again',
        },
      ],
    );
  });

  test(`reports more than ${MAX_PARTICIPANTS} participants`, () => {
    const many = Array.from({ length: MAX_PARTICIPANTS + 1 }, (_, i) => speaker(`s${i + 1}`, `人${i + 1}`));
    expectProblems(
      {
        speakers: many,
        talks: [talk(TALK, { participants: many.map((s) => ({ speaker: s.id, part: 'guest' })) })],
        turns: [turn(1, 'opens', 's1', '你好')],
      },
      [
        {
          file: talkFile(),
          field: 'participants',
          message: `expected at most 12 participants (the speaker filter's CSS has 12 slots), found 13`,
        },
      ],
    );
  });

  test('reports a turn in a folder without talk.yaml', () => {
    expectProblems(valid({ turns: [...valid().turns, turn(1, 'lost', 'xu-li', '好', { slug: 'orphan' })] }), [
      {
        file: turnFile(1, 'lost', 'orphan'),
        message: 'Unexpected turn outside a talk: expected a talk.yaml in the folder "orphan", found none',
      },
    ]);
  });

  test.each(['role', 'affiliation'] as const)('reports a speaker %s sourced from a missing talk', (field) => {
    expectProblems(
      valid({
        speakers: [
          ...speakers().filter((s) => s.id !== 'pan-xingang'),
          speaker('pan-xingang', '潘新钢', {
            [field]: { text: '教授', source: 'talk:no-such-talk', unverified: false },
          }),
        ],
      }),
      [
        {
          file: 'content/speakers/pan-xingang.yaml',
          field: `${field}.source`,
          message: 'expected "talk:<slug>" of an existing talk (demo-talk), found "talk:no-such-talk"',
        },
      ],
    );
  });

  test('reports a section id that collides with a turn anchor', () => {
    expectProblems(
      valid({ talks: [talk(TALK, { outline: [{ id: 'yao-answers', title: '回答', start: 'xu-li-opens' }] })] }),
      [
        {
          file: talkFile(),
          field: 'outline[0].id',
          message: `expected an anchor unique in the talk, found "yao-answers", already used by ${turnFile(2, 'yao-answers')}`,
        },
      ],
    );
  });

  test('reports a key-quote anchor that collides with a turn anchor', () => {
    expectProblems(
      valid({
        turns: [
          turn(1, 'quote-thanks', 'xu-li', '好'),
          turn(2, 'yao-answers', 'yao-qizhi', '谢谢。', { quotes: [{ id: 'thanks', headline: '谢谢', span: '谢谢' }] }),
        ],
        talks: [talk(TALK)],
      }),
      [
        {
          file: turnFile(2, 'yao-answers'),
          field: 'quotes[0].id',
          message: `expected an anchor unique in the talk, found "quote-thanks", already used by ${turnFile(1, 'quote-thanks')}`,
        },
      ],
    );
  });

  test('reports two key quotes with the same id in a talk', () => {
    expectProblems(
      valid({
        turns: [
          turn(1, 'xu-li-opens', 'xu-li', '你好。', { quotes: [{ id: 'same', headline: '好', span: '你好' }] }),
          turn(2, 'yao-answers', 'yao-qizhi', '谢谢。', { quotes: [{ id: 'same', headline: '谢', span: '谢谢' }] }),
        ],
      }),
      [
        {
          file: turnFile(2, 'yao-answers'),
          field: 'quotes[0].id',
          message: `expected an anchor unique in the talk, found "quote-same", already used by ${turnFile(1, 'xu-li-opens')} quotes[0]`,
        },
      ],
    );
  });

  test('reports a talk folder name the site uses for other pages', () => {
    expectProblems(
      {
        speakers: speakers(),
        talks: [talk('speakers')],
        turns: [turn(1, 'opens', 'xu-li', '好', { slug: 'speakers' })],
      },
      [
        {
          file: talkFile('speakers'),
          message:
            'Unexpected talk folder name "speakers": expected a name other than speakers, search, pagefind, _astro, 404, en (the site serves other pages there)',
        },
      ],
    );
  });

  test('reports every field of talk.yaml that still holds the importer’s placeholder', () => {
    expectProblems(
      valid({
        talks: [
          talk(TALK, {
            summary: '【待补充】',
            venue: { text: '上海【待补充】', unverified: true },
            outline: [{ id: 'opening', title: '开场', start: 'xu-li-opens' }],
          }),
        ],
      }),
      [
        {
          file: talkFile(),
          field: 'summary',
          message: "expected the editor's text, found the importer's placeholder 【待补充】",
        },
        {
          file: talkFile(),
          field: 'venue.text',
          message: "expected the editor's text, found the importer's placeholder 【待补充】",
        },
      ],
    );
  });

  test('reports a talk folder name that cannot be a URL slug', () => {
    expectProblems(
      {
        speakers: speakers(),
        talks: [talk('Demo_Talk')],
        turns: [turn(1, 'opens', 'xu-li', '好', { slug: 'Demo_Talk' })],
      },
      [
        {
          file: talkFile('Demo_Talk'),
          field: 'folder name',
          message:
            'Unexpected talk folder name (it becomes the URL): expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found "Demo_Talk"',
        },
      ],
    );
  });

  test('names the entry id, or the conventional talk.yaml path, when an entry has no filePath', () => {
    const orphan = turn(1, 'lost', 'xu-li', '好', { slug: 'orphan' });
    delete orphan.filePath;
    const emptyTalk = talk(TALK);
    delete emptyTalk.filePath;
    expectProblems(valid({ talks: [emptyTalk], turns: [orphan] }), [
      {
        file: 'orphan/turns/01-lost',
        message: 'Unexpected turn outside a talk: expected a talk.yaml in the folder "orphan", found none',
      },
      { file: talkFile(), field: 'turns', message: NO_TURNS },
    ]);
  });

  test('collects every problem of every talk into one error', () => {
    const error = contentErrorOf({
      speakers: speakers(),
      talks: [talk('talk-a'), talk('talk-b', { outline: [{ id: 'x', title: 'X', start: 'missing' }] })],
      turns: [turn(1, 'opens', 'nobody', '好', { slug: 'talk-a' }), turn(1, 'opens', 'xu-li', '', { slug: 'talk-b' })],
    });
    expect(error.problems.map((p) => [p.file, p.field])).toEqual([
      [turnFile(1, 'opens', 'talk-a'), 'speaker'],
      [turnFile(1, 'opens', 'talk-b'), 'body'],
      [talkFile('talk-b'), 'outline[0].start'],
    ]);
    expect(error.name).toBe('ContentError');
    expect(error.message.split('\n')).toEqual([
      'Content check failed with 3 problems:',
      `  ${turnFile(1, 'opens', 'talk-a')} field "speaker": expected a speaker id from content/speakers (pan-xingang, xu-li, yao-qizhi), found "nobody"`,
      `  ${turnFile(1, 'opens', 'talk-b')} field "body": expected the speaker's words, found an empty turn`,
      `  ${talkFile('talk-b')} field "outline[0].start": expected the anchor of a turn in this talk, found "missing"`,
    ]);
  });

  test('says "1 problem" in the singular', () => {
    const error = contentErrorOf(valid({ talks: [talk(TALK)], turns: [] }));
    expect(error.message).toBe(
      'Content check failed with 1 problem:\n  content/talks/demo-talk/talk.yaml field "turns": expected at least one turn file in content/talks/demo-talk/turns/, found none',
    );
  });

  // The outline's turn index covers every turn file, also one left out of the talk's turns.
  test('reports only the speaker problem when a section starts at a turn with an unknown speaker', () => {
    expectProblems(
      valid({ turns: [turn(1, 'xu-li-opens', 'xu-lii', '好'), turn(2, 'yao-answers', 'yao-qizhi', '好')] }),
      [
        {
          file: turnFile(1, 'xu-li-opens'),
          field: 'speaker',
          message: `expected a speaker id from content/speakers (${KNOWN}), found "xu-lii"`,
        },
      ],
    );
  });

  test('still checks the order of sections that start at a turn with an unknown speaker', () => {
    const error = contentErrorOf(
      valid({
        talks: [
          talk(TALK, {
            outline: [
              { id: 'one', title: '一', start: 'yao-answers' },
              { id: 'two', title: '二', start: 'xu-li-opens' },
            ],
          }),
        ],
        turns: [turn(1, 'xu-li-opens', 'nobody', '好'), turn(2, 'yao-answers', 'yao-qizhi', '好')],
      }),
    );
    expect(error.problems.map((p) => [p.field, p.message])).toEqual([
      ['speaker', `expected a speaker id from content/speakers (${KNOWN}), found "nobody"`],
      ['outline[1].start', 'expected a turn after the previous section\'s start, found "xu-li-opens" (turn 1)'],
    ]);
  });
});

describe('formatProblem', () => {
  test.each<[ContentProblem, string]>([
    [{ file: 'a.md', message: 'm' }, '  a.md m'],
    [{ file: 'a.md', field: 'speaker', message: 'm' }, '  a.md field "speaker": m'],
    [{ file: 'a.md', line: 7, message: 'm' }, '  a.md:7 m'],
    [{ file: 'a.md', field: 'body', line: 7, message: 'm' }, '  a.md:7 field "body": m'],
  ])('formats %j as %j', (problem, expected) => {
    expect(formatProblem(problem)).toBe(expected);
  });
});

describe('inspectMarkdown', () => {
  test('finds nothing to report in plain paragraphs, and lists their text runs', () => {
    expect(inspectMarkdown('第一段。\n\n第二段有**重点**。\n')).toEqual({
      html: [],
      unsafeLinks: [],
      images: [],
      softBreaks: [],
      texts: ['第一段。', '第二段有', '重点', '。'],
      spokenTexts: ['第一段。', '第二段有', '重点', '。'],
    });
  });

  test('reads a parsed tree as it reads the text, and tells the speaker’s words from notes', () => {
    const body = '高洋[^gao-yang]老师。\n\n[^gao-yang]: 【更正】应为**高阳**，未核实。\n';
    expect(inspectMarkdown(parseMarkdown(body))).toEqual(inspectMarkdown(body));
    expect(inspectMarkdown(body).texts).toEqual(['高洋', '老师。', '【更正】应为', '高阳', '，未核实。']);
    expect(inspectMarkdown(body).spokenTexts).toEqual(['高洋', '老师。']);
  });

  test('gives raw HTML with its body line', () => {
    expect(inspectMarkdown('甲\n\n乙<b>丙</b>\n\n<!-- 注 -->').html).toEqual([
      { value: '<b>', line: 3 },
      { value: '</b>', line: 3 },
      { value: '<!-- 注 -->', line: 5 },
    ]);
  });

  test('gives links the URL policy refuses, with their body line and why, and passes safe ones', () => {
    const body =
      '[甲](https://example.org/) [乙](/talk/#x) [丙](#y) [丁](mailto:a@example.org)\n\n[x](javascript:alert(1))\n\n[图](data:image/svg+xml,x) [y](JaVaScRiPt:alert(2)) [z](&#106;avascript:alert(3)) [w](//evil.example/)\n\n<vbscript:msgbox>\n\n[ref]: javascript:void(0)';
    const scheme = (name: string) => `the scheme "${name}"`;
    expect(inspectMarkdown(body).unsafeLinks).toEqual([
      { url: 'mailto:a@example.org', line: 1, problem: scheme('mailto') },
      { url: 'javascript:alert(1)', line: 3, problem: scheme('javascript') },
      { url: 'data:image/svg+xml,x', line: 5, problem: scheme('data') },
      { url: 'JaVaScRiPt:alert(2)', line: 5, problem: scheme('javascript') },
      { url: 'javascript:alert(3)', line: 5, problem: scheme('javascript') },
      { url: '//evil.example/', line: 5, problem: 'another host without a scheme (write https://…)' },
      { url: 'vbscript:msgbox', line: 7, problem: scheme('vbscript') },
      { url: 'javascript:void(0)', line: 9, problem: scheme('javascript') },
    ]);
  });

  test('gives every image, inline or by reference, with its line, title and alt text', () => {
    const body =
      '![图一](../images/a.png)\n\n![图二](https://evil.example/t.png "标题")\n\n![图三][r]\n\n[r]: ../images/b.png';
    expect(inspectMarkdown(body).images).toEqual([
      { url: '../images/a.png', title: undefined, alt: '图一', line: 1, reference: false },
      { url: 'https://evil.example/t.png', title: '标题', alt: '图二', line: 3, reference: false },
      { url: '', title: undefined, alt: '图三', line: 5, reference: true },
    ]);
  });

  test('gives each wrapped text run once, at the line after its first break', () => {
    expect(inspectMarkdown('甲\n乙\n丙\n\n丁\n\n戊**己**\n庚').softBreaks).toEqual([2, 8]);
  });
});

describe('paragraphsOf', () => {
  test.each([
    ['an empty body', '', []],
    ['only blank lines', '\n \n\t\n', []],
    ['one line', '你好', [{ text: '你好', line: 1 }]],
    [
      'blank lines around and between paragraphs',
      '\n\n第一段\n\n\n第二段\n',
      [
        { text: '第一段', line: 3 },
        { text: '第二段', line: 6 },
      ],
    ],
    [
      'a wrapped paragraph, kept as one block',
      '甲\n乙\n  \n丙',
      [
        { text: '甲\n乙', line: 1 },
        { text: '丙', line: 4 },
      ],
    ],
  ])('splits %s', (_name, body, expected) => {
    expect(paragraphsOf(body)).toEqual(expected);
  });
});

describe('countCharacters', () => {
  test.each([
    ['', 0],
    ['你好', 2],
    ['你好 world', 7],
    ['第一段。\n\n第二段。', 8],
    ['\u00a0AI\u3000模型\t', 4],
  ])('counts %j as %i characters', (text, expected) => {
    expect(countCharacters(text)).toBe(expected);
  });
});

describe('excerptOf', () => {
  test('joins text runs, collapses whitespace and cuts at the length with an ellipsis', () => {
    expect(excerptOf(['一二三', '\n四五  六'], 5)).toBe('一二三…');
    expect(excerptOf(['一二', '三'], 3)).toBe('一二三');
  });
});

describe('speakersInStageOrder', () => {
  test('lists speakers as they appear on stage, then the others by id', () => {
    const catalog = buildCatalog(valid());
    const onStage = catalog.talks.flatMap((talk) => talk.participants.map((person) => person.id));
    const order = speakersInStageOrder(catalog).map((speaker) => speaker.id);
    expect(order.slice(0, onStage.length)).toEqual(onStage);
    expect(new Set(order)).toEqual(new Set(catalog.speakers.keys()));
  });
});

describe('turnCount', () => {
  test('counts every turn of every talk (the search index has one record a turn)', () => {
    const catalog = buildCatalog(valid());
    expect(turnCount(catalog)).toBe(catalog.talks.flatMap((talk) => talk.turns).length);
    expect(turnCount(catalog)).toBeGreaterThan(0);
  });
});

describe('what the importer writes for the editor to finish', () => {
  test('a speaker stub still holding placeholders stops the build, field by field', () => {
    const stub = speaker('maria-okafor', 'Maria Okafor', {
      role: { text: '【待补充】', unverified: true },
      affiliation: { text: '【待补充】', unverified: true },
    });
    expectProblems(valid({ speakers: [...speakers(), stub] }), [
      {
        file: 'content/speakers/maria-okafor.yaml',
        field: 'role.text',
        message: "expected the editor's text, found the importer's placeholder 【待补充】",
      },
      {
        file: 'content/speakers/maria-okafor.yaml',
        field: 'affiliation.text',
        message: "expected the editor's text, found the importer's placeholder 【待补充】",
      },
    ]);
  });

  test('a per-talk label names a participant of the talk', () => {
    expect(buildCatalog(valid({ talks: [talk(TALK, { labels: { 主持人: 'xu-li' } })] })).talks[0]!.data.labels).toEqual(
      { 主持人: 'xu-li' },
    );
    expectProblems(valid({ talks: [talk(TALK, { labels: { 主持人: 'pan-xingang', SPEAKER_00: 'nobody' } })] }), [
      {
        file: talkFile(),
        field: 'labels.主持人',
        message:
          'expected a participant of talk "demo-talk" (xu-li, yao-qizhi), found "pan-xingang", who is not in its participants',
      },
      {
        file: talkFile(),
        field: 'labels.SPEAKER_00',
        message: 'expected a speaker id from content/speakers (pan-xingang, xu-li, yao-qizhi), found "nobody"',
      },
    ]);
  });
});
