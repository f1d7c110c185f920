/**
 * The note syntax (src/lib/content/notes.ts): GFM footnotes with a kind prefix. Every broken note is
 * a content error with its line, reported by the catalog with the turn's file.
 */
import { describe, expect, test } from 'vitest';
import { buildCatalog, ContentError, type CatalogInput } from '../../src/lib/content/catalog';
import {
  inspectNotes,
  noteAnchor,
  parseKindPrefix,
  stripNotes,
  talkCorrections,
  type NoteView,
} from '../../src/lib/content/notes';
import { ENGLISH_NOTES } from '../../src/schemas/translation';

const SRC = '[来源](https://example.org/src)';

describe('parseKindPrefix', () => {
  test.each([
    ['【背景】高阳是谁', 'context', '【背景】', '高阳是谁'],
    ['【更正】应为高阳', 'correction', '【更正】', '应为高阳'],
    ['【术语】MoE', 'term', '【术语】', 'MoE'],
    ['【注释】什么', undefined, '【注释】', '什么'],
    ['没有前缀', undefined, undefined, '没有前缀'],
  ])('%s', (text, kind, found, rest) => {
    expect(parseKindPrefix(text)).toEqual({ kind, found, rest });
  });

  test.each([
    ["[Translator's note] A pun", 'translator', "[Translator's note]"],
    ['[Translator’s note] A pun', 'translator', '[Translator’s note]'],
    ['[Context] Who', 'context', '[Context]'],
    ['[Translators note] A pun', undefined, '[Translators note]'],
  ])('in English: %s', (text, kind, found) => {
    expect(parseKindPrefix(text, ENGLISH_NOTES)).toEqual({ kind, found, rest: text.slice(found.length + 1) });
  });
});

describe('inspectNotes', () => {
  test('reads each kind, in the order of the references, with text and link runs', () => {
    const body = [
      '高洋[^gao]老师说MOE[^moe]和DragGAN[^drag]。',
      '',
      `[^drag]: 【背景】潘新钢的工作，${SRC}。`,
      '',
      `[^gao]: 【更正】应为*高阳*，${SRC}`,
      '',
      '[^moe]: 【术语】混合专家，出处未核实。',
    ].join('\n');
    const { notes, problems } = inspectNotes(body);
    expect(problems).toEqual([]);
    expect(notes).toEqual<NoteView[]>([
      {
        label: 'gao',
        kind: 'correction',
        line: 5,
        runs: [
          { type: 'text', value: '应为高阳，' },
          { type: 'link', value: '来源', href: 'https://example.org/src' },
        ],
      },
      { label: 'moe', kind: 'term', line: 7, runs: [{ type: 'text', value: '混合专家，出处未核实。' }] },
      {
        label: 'drag',
        kind: 'context',
        line: 3,
        runs: [
          { type: 'text', value: '潘新钢的工作，' },
          { type: 'link', value: '来源', href: 'https://example.org/src' },
          { type: 'text', value: '。' },
        ],
      },
    ]);
  });

  test('fails a reference without a definition, naming the label and the line', () => {
    expect(inspectNotes('第一段。\n\n高洋[^gao-yang]老师。\n').problems).toEqual([
      {
        line: 3,
        message:
          'Unexpected note reference [^gao-yang] without a definition: expected a line "[^gao-yang]: 【背景】…" in the same file, found none',
      },
    ]);
  });

  test('fails a definition that is never referenced, naming the label and the line', () => {
    expect(inspectNotes(`高阳老师。\n\n[^gao-yang]: 【背景】清华的老师，${SRC}\n`).problems).toEqual([
      {
        line: 3,
        message:
          'Unexpected note definition [^gao-yang] that is never referenced: expected "[^gao-yang]" after the word it explains, found none',
      },
    ]);
  });

  test.each([
    [
      'an unknown kind',
      `词[^a]。\n\n[^a]: 【注释】说明，${SRC}`,
      'Unexpected note kind "【注释】" in [^a]: expected the note to start with one of 【背景】, 【更正】, 【术语】',
    ],
    [
      'no kind',
      `词[^a]。\n\n[^a]: 说明，${SRC}`,
      'Unexpected note kind missing in [^a]: expected the note to start with one of 【背景】, 【更正】, 【术语】',
    ],
    [
      'no source and no 未核实',
      '词[^a]。\n\n[^a]: 【背景】说明。',
      'Unexpected note [^a] without a source: expected an http(s) link or the words "未核实", found neither',
    ],
    [
      'a label that is not ASCII words',
      `词[^高阳]。\n\n[^高阳]: 【背景】说明，${SRC}`,
      'Unexpected note label [^高阳] (it becomes the note\'s id): expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found "高阳"',
    ],
    [
      'a label Windows reserves for a device',
      `词[^nul]。\n\n[^nul]: 【背景】说明，${SRC}`,
      'Unexpected note label [^nul] (it becomes the note\'s id): expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found "nul", a name Windows reserves for a device',
    ],
    [
      'two references to one note',
      `词[^a]，又[^a]。\n\n[^a]: 【背景】说明，${SRC}`,
      'Unexpected note [^a] referenced 2 times: expected each note referenced once (write a second note for a second place)',
    ],
    [
      'a second definition of a label',
      `词[^a]。\n\n[^a]: 【背景】说明，${SRC}\n\n[^a]: 【背景】又一条，${SRC}`,
      'Unexpected second definition of note [^a]: expected each label defined once',
    ],
  ])('fails %s', (_name, body, message) => {
    expect(inspectNotes(body).problems.map((problem) => problem.message)).toEqual([message]);
  });

  test('fails a note of two paragraphs', () => {
    const body = `词[^a]。\n\n[^a]: 【背景】第一段，${SRC}\n\n    第二段。\n`;
    expect(inspectNotes(body).problems).toEqual([
      { line: 3, message: 'Unexpected note [^a] of 2 blocks: expected one paragraph on one line' },
    ]);
  });

  test('finds nothing in a body without notes, and keeps links that are not notes out of it', () => {
    expect(inspectNotes('请看[链接](https://example.org)。\n')).toEqual({ notes: [], problems: [] });
  });
});

describe('escaped note calls are speech', () => {
  test('inspectNotes reports `[^1]` without a definition, but not `\\[^1\\]`', () => {
    expect(inspectNotes('见\\[^1\\]和\\[^note\\]。\n').problems).toEqual([]);
    expect(inspectNotes('见\\[^1\\]和[^note]。\n').problems.map((problem) => problem.message)).toEqual([
      'Unexpected note reference [^note] without a definition: expected a line "[^note]: 【背景】…" in the same file, found none',
    ]);
    expect(inspectNotes('见\\\\[^x]。\n').problems).toHaveLength(1);
  });

  test('stripNotes keeps them as words', () => {
    expect(stripNotes('见\\[^1\\]。高洋[^a]老师。\n\n[^a]: 【背景】未核实\n')).toBe('见\\[^1\\]。高洋老师。');
  });
});

describe('stripNotes', () => {
  test('leaves exactly the speaker’s words', () => {
    const body = `高洋[^gao]老师。\n\n第二段[^b]。\n\n[^gao]: 【更正】应为高阳，${SRC}\n\n[^b]: 【术语】说明，未核实。\n`;
    expect(stripNotes(body)).toBe('高洋老师。\n\n第二段。');
  });

  test('changes nothing in a body without notes', () => {
    expect(stripNotes('第一段。\n\n第二段。')).toBe('第一段。\n\n第二段。');
  });
});

describe('talkCorrections', () => {
  const note = (label: string, kind: NoteView['kind']): NoteView => ({
    label,
    kind,
    line: 1,
    runs: [{ type: 'text', value: label }],
  });
  test('lists correction notes and wrong speaker labels in reading order, with their links', () => {
    const turns = [
      {
        anchor: 'a',
        position: 1,
        labelReading: 'name' as const,
        speaker: { name: '姚期智' },
        notes: [note('x', 'context'), note('gao', 'correction')],
      },
      {
        anchor: 'b',
        position: 2,
        sourceLabel: '袁洋',
        labelReading: 'other' as const,
        speaker: { name: '杨植麟' },
        notes: [note('moe', 'correction')],
      },
      {
        anchor: 'c',
        position: 3,
        sourceLabel: '植麟',
        labelReading: 'alias' as const,
        speaker: { name: '杨植麟' },
        notes: [],
      },
      {
        anchor: 'd',
        position: 4,
        sourceLabel: '主持人',
        labelReading: 'role' as const,
        speaker: { name: '徐立' },
        notes: [],
      },
      {
        anchor: 'e',
        position: 5,
        sourceLabel: '潘新钢教授',
        labelReading: 'name' as const,
        speaker: { name: '潘新钢' },
        notes: [],
      },
    ];
    // Only a label that names someone else is a mistake of the source (speaker-labels.ts).
    expect(talkCorrections(turns).map((c) => [c.type, c.turn.anchor, c.href])).toEqual([
      ['note', 'a', '#note-a-gao'],
      ['speaker-label', 'b', '#b'],
      ['note', 'b', '#note-b-moe'],
    ]);
    expect(noteAnchor('yao-rl-breakthrough', 'gao-yang')).toBe('note-yao-rl-breakthrough-gao-yang');
  });
});

describe('buildCatalog with notes', () => {
  const speaker = (id: string, name: string) => ({
    id,
    filePath: `content/speakers/${id}.yaml`,
    data: {
      name,
      latinName: id,
      aliases: [],
      color: 'blue' as const,
      role: { text: '身份', source: 'transcript', unverified: false },
      affiliation: { text: '机构', source: 'transcript', unverified: false },
    },
  });
  const input = (body: string): CatalogInput => ({
    speakers: [speaker('xu-li', '徐立')],
    talks: [
      {
        id: 'demo/talk',
        filePath: 'content/talks/demo/talk.yaml',
        data: {
          title: '演示',
          summary: '演示。',
          event: { name: 'Demo', fullName: 'Demo' },
          date: { text: '2023-07-06', source: 'transcript', unverified: false },
          venue: { text: '上海', source: 'transcript', unverified: false },
          session: { text: '圆桌', source: 'transcript', unverified: false },
          language: 'zh-CN',
          labels: {},
          participants: [{ speaker: 'xu-li', part: 'host' }],
          source: { publisher: { text: '某', unverified: true }, title: '实录' },
          outline: [],
        },
      },
    ],
    turns: [
      {
        id: 'demo/turns/01-opening',
        filePath: 'content/talks/demo/turns/01-opening.md',
        bodyLine: 5,
        data: { anchor: 'opening', position: 1, speaker: 'xu-li', quotes: [] },
        body,
      },
    ],
  });

  test('counts only the speaker’s words and keeps the notes on the turn', () => {
    const catalog = buildCatalog(input(`各位好[^a]。\n\n开始吧。\n\n[^a]: 【背景】问候，${SRC}\n`));
    const turn = catalog.talks[0]!.turns[0]!;
    expect([turn.paragraphs, turn.characters, turn.notes.map((n) => n.label)]).toEqual([
      2,
      '各位好。开始吧。'.length,
      ['a'],
    ]);
  });

  test('stops the build naming the turn file, its line and the note', () => {
    let error: unknown;
    try {
      buildCatalog(input('各位好[^a]。\n'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual([
      {
        file: 'content/talks/demo/turns/01-opening.md',
        line: 5,
        field: 'body',
        message:
          'Unexpected note reference [^a] without a definition: expected a line "[^a]: 【背景】…" in the same file, found none',
      },
    ]);
  });
});
