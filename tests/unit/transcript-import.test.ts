/** The importer's pure steps: decoding, cutting, speaker lines, Markdown escaping, planning. */
import { inspectMarkdown } from '../../src/lib/content/catalog';
import { findPlaceholders, PLACEHOLDER } from '../../src/lib/content/placeholder';
import { describe, expect, test } from 'vitest';
import { importError } from '../helpers/import-run';
import {
  classifyLine,
  cutTranscript,
  decodeTranscript,
  escapeMarkdown,
  newAnchor,
  planTalk,
  readExistingTurn,
  speakerLabels,
  splitTurns,
  turnFileName,
  type SourceLine,
  type SpeakerRecord,
} from '../../src/lib/import/transcript';
import { resolverFromSpeakers } from '../../src/lib/import/label-resolver';

const SPEAKERS: SpeakerRecord[] = [
  { id: 'lin-zhou', name: '林舟', aliases: [] },
  { id: 'he-yun', name: '何云', aliases: ['小何'] },
  { id: 'sam-altman', name: 'Sam Altman', aliases: [] },
];
const labels = resolverFromSpeakers(SPEAKERS, 't.txt');
const utf8 = (text: string) => new TextEncoder().encode(text);
const linesOf = (text: string): SourceLine[] =>
  text.split('\n').map((line, index) => ({ line: index + 1, text: line }));

describe('decodeTranscript', () => {
  test('reads UTF-8, drops a byte-order mark and turns CRLF and CR into LF', () => {
    expect(decodeTranscript(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('林舟：\r\n好。\r再见')]), 't.txt')).toBe(
      '林舟：\n好。\n再见',
    );
  });

  test('stops at the first line that is not UTF-8 (here GBK), naming it', () => {
    const gbk = new Uint8Array([...utf8('林舟：\n大家好。\n'), 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);
    const error = importError(() => decodeTranscript(gbk, 't.txt'));
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      't.txt:3: expected UTF-8 text, found bytes that are not UTF-8 (convert the file to UTF-8 first, e.g. with iconv)',
    );
  });

  test('stops on a control character, naming its line: a binary file', () => {
    const error = importError(() => decodeTranscript(utf8('林舟：\n好\u0000\u0001'), 'bin.dat'));
    expect(error.message).toBe(
      'bin.dat:2: expected plain text, found the control character U+0000 (is this a binary file?)',
    );
  });

  test('stops on a C1 control character (U+0080–U+009F), naming its line', () => {
    const error = importError(() => decodeTranscript(utf8('林舟：\n好\u0080。\n'), 't.txt'));
    expect(error.message).toBe(
      't.txt:2: expected plain text, found the C1 control character U+0080 (was the file converted from another encoding twice? convert it to UTF-8 from its real encoding, e.g. with iconv)',
    );
    expect(importError(() => decodeTranscript(utf8('\u009f'), 't.txt')).line).toBe(1);
    expect(decodeTranscript(utf8('\u00a0é'), 't.txt')).toBe('\u00a0é');
  });

  test('accepts tabs and form feeds as text', () => {
    expect(decodeTranscript(utf8('a\tb\fc'), 't.txt')).toBe('a\tb\fc');
  });
});

describe('cutTranscript', () => {
  const page = ['标题', '金句汇总:', '以下为圆桌论坛实录:', '林舟:', '好。', 'Read More ', '正文完'].join('\n');

  test('keeps the lines between the start and end markers and reports both cuts', () => {
    const cut = cutTranscript(page, { start: '以下为圆桌论坛实录', end: 'Read More' }, 't.txt');
    expect(cut.lines).toEqual([
      { line: 4, text: '林舟:' },
      { line: 5, text: '好。' },
    ]);
    expect(cut.before).toEqual({ from: 1, to: 3, textLines: 3, marker: '以下为圆桌论坛实录' });
    expect(cut.after).toEqual({ from: 6, to: 7, textLines: 2, marker: 'Read More' });
  });

  test('cuts nothing when default markers are absent', () => {
    const cut = cutTranscript('林舟：\n好。', { start: '以下为', end: 'Read More' }, 't.txt');
    expect(cut).toEqual({ lines: linesOf('林舟：\n好。'), before: undefined, after: undefined });
  });

  test('stops when a marker given on the command line is missing', () => {
    expect(importError(() => cutTranscript(page, { start: '正文开始', required: true }, 't.txt')).message).toBe(
      't.txt: expected a line containing the start marker "正文开始", found none',
    );
    expect(
      importError(() => cutTranscript(page, { start: '林舟', end: '标题', required: true }, 't.txt')).message,
    ).toBe('t.txt: expected a line containing the end marker "标题" after the transcript starts, found none');
  });
});

describe('speaker lines', () => {
  test.each([
    ['林舟:', '林舟'],
    ['林舟：', '林舟'],
    ['林舟 ：', '林舟'],
    ['  何云  ', '何云'],
    ['小何：', '小何'],
    ['Sam  Altman:', 'Sam Altman'],
    // Inline: the label opens the line and the words follow it.
    ['林舟：今天我们聊测试。', '林舟'],
    ['Sam Altman: Thanks for having me.', 'Sam Altman'],
  ])('%j is a speaker line labelled %j', (line, label) => {
    const kind = classifyLine(line, labels);
    expect(kind.kind).toBe('speaker');
    expect(kind.kind === 'speaker' && kind.label).toBe(label);
  });

  test.each([['王五：'], ['主持人:'], ['Dr. Jane Doe (Lumen Labs)']])('%j is an unknown label', (line) => {
    expect(classifyLine(line, labels).kind).toBe('unknown-label');
  });

  test.each([
    ['王五'],
    ['OK (laughs)'],
    ['Thank you (applause)'],
    ['我想说三点，第一：'],
    ['他说：“好。”'],
    ['林舟说，我们开始吧：'],
  ])('%j is text', (line) => {
    expect(classifyLine(line, labels).kind).toBe('text');
  });

  test('two speakers answering to the same label is an error in their files', () => {
    const error = importError(() => speakerLabels([...SPEAKERS, { id: 'he-yun-2', name: '何云', aliases: [] }]));
    expect(error.message).toBe(
      'content/speakers/he-yun-2.yaml: expected each name and alias to belong to one speaker, found "何云" for both he-yun and he-yun-2',
    );
  });
});

describe('splitTurns', () => {
  test('splits at speaker lines, normalises each paragraph and counts characters', () => {
    const turns = splitTurns(linesOf('林舟:\n\n大家好, 今天聊 AI 。\n小何\n好的 (我先说) 。\n第二段'), labels, 't.txt');
    expect(turns).toEqual([
      { position: 1, speaker: SPEAKERS[0], label: '林舟', line: 1, paragraphs: ['大家好，今天聊AI。'], characters: 10 },
      {
        position: 2,
        speaker: SPEAKERS[1],
        label: '小何',
        line: 4,
        paragraphs: ['好的（我先说）。', '第二段'],
        characters: 11,
      },
    ]);
  });

  test.each([
    [
      'an unknown label',
      '林舟：\n好。\n王五：\n你好。',
      't.txt:3: Unexpected speaker label "王五": expected a name or alias from content/speakers or a label of this talk; no known name is close (he-yun, lin-zhou, sam-altman). Add the person to content/speakers (or run with --create-speakers), add the label to their aliases, or pass --speaker "王五"=<speaker-id>',
    ],
    [
      'text before the first speaker',
      '会议开始\n林舟：\n好。',
      't.txt:1: Unexpected text before the first speaker line: expected a speaker line (e.g. "姓名：" or "Name:") first, found "会议开始" (use --start to cut what comes before the transcript)',
    ],
    [
      'an empty transcript',
      '\n  \n\u00a0\n',
      't.txt:1: expected a transcript (speaker lines, each followed by what they said), found no text',
    ],
    [
      'a speaker line without words',
      '林舟：\n何云：\n好。',
      't.txt:1: expected words after the speaker line "林舟", found the next speaker line (line 2) first',
    ],
    [
      'a last speaker line without words',
      '林舟：\n好。\n何云：\n',
      't.txt:3: expected words after the speaker line "何云", found the end of the transcript',
    ],
  ])('stops on %s, naming the line', (_name, text, message) => {
    expect(importError(() => splitTurns(linesOf(text), labels, 't.txt')).message).toBe(message);
  });
});

describe('escapeMarkdown', () => {
  test.each([
    ['普通的一句话，AI和GAN。'],
    ['# 不是标题'],
    ['> 不是引用'],
    ['- 不是列表'],
    ['+ 不是列表'],
    ['* 不是列表'],
    ['1. 不是列表'],
    ['2) 不是列表'],
    ['---'],
    ['***'],
    ['a_b_c 与 *强调* 与 __粗体__'],
    ['`代码` 与 [链接](http://example.org)'],
    ['<script>alert(1)</script>'],
    ['&amp; 与 &#42; 与 AT&T'],
    ['~~删除~~'],
    ['反斜杠 \\ 与 \\*'],
  ])('%j renders as its own text', (line) => {
    const { html, texts } = inspectMarkdown(escapeMarkdown(line));
    expect(html).toEqual([]);
    expect(texts.join('')).toBe(line);
  });

  test('leaves text without Markdown characters unchanged', () => {
    expect(escapeMarkdown('2023年，OpenAI联合创始人说：1、第一点。')).toBe('2023年，OpenAI联合创始人说：1、第一点。');
  });
});

describe('anchors and file names', () => {
  test('new anchors count each speaker’s turns and skip taken ones', () => {
    const counts = new Map<string, number>();
    const taken = new Set(['lin-zhou-2']);
    expect([
      newAnchor('lin-zhou', counts, taken),
      newAnchor('he-yun', counts, taken),
      newAnchor('lin-zhou', counts, taken),
    ]).toEqual(['lin-zhou-1', 'he-yun-1', 'lin-zhou-3']);
  });

  test('file names are zero-padded to sort in order', () => {
    expect(turnFileName(3, 'a', 13)).toBe('03-a.md');
    expect(turnFileName(7, 'a', 120)).toBe('007-a.md');
  });
});

describe('planTalk', () => {
  const turns = () => splitTurns(linesOf('林舟：\n好。\n何云：\n测试数据很重要。\n林舟：\n谢谢。'), labels, 't.txt');

  test('a new talk gets generated anchors and a talk.yaml whose unknowns are placeholders', () => {
    const plan = planTalk(turns(), { title: '第二场', date: '2024-09-10', sourceName: 't.txt' });
    expect(plan.turns.map((turn) => [turn.fileName, turn.fate])).toEqual([
      ['01-lin-zhou-1.md', 'new'],
      ['02-he-yun-1.md', 'new'],
      ['03-lin-zhou-2.md', 'new'],
    ]);
    expect(plan.turns[1]!.text).toBe('---\nanchor: he-yun-1\nposition: 2\nspeaker: he-yun\n---\n\n测试数据很重要。\n');
    expect(plan.talkYaml).toContain('title: 第二场\n');
    expect(plan.talkYaml).toContain('date:\n  text: 2024-09-10\n  unverified: true\n');
    expect(plan.talkYaml).toContain(
      'participants:\n  - speaker: lin-zhou\n    part: host\n  - speaker: he-yun\n    part: guest\n',
    );
    expect(plan.warnings).toEqual([]);
  });

  test('the placeholders of a new talk.yaml are found, field by field', async () => {
    const { parse } = await import('yaml');
    const plan = planTalk(turns(), { sourceName: 't.txt' });
    expect(findPlaceholders(parse(plan.talkYaml))).toEqual([
      'title',
      'summary',
      'event.name',
      'event.fullName',
      'date.text',
      'venue.text',
      'session.text',
      'source.publisher.text',
      'source.title',
    ]);
    expect(PLACEHOLDER).toBe('【待补充】');
  });

  test('a re-import keeps front matter by position where the speaker is unchanged, and says what it could not keep', () => {
    const existing = {
      talkYaml:
        'title: 旧标题 # editor\nparticipants:\n  - speaker: lin-zhou\n    part: host\noutline:\n  - id: intro\n    start: lin-hello\n  - id: gone\n    start: he-gone\n',
      turns: [
        readExistingTurn(
          '01-lin-hello.md',
          '---\nanchor: lin-hello\nposition: 1\nspeaker: lin-zhou\nquotes:\n  - id: hi\n    headline: 问候\n    span: 好。\n---\n\n你好。\n',
          'a',
        ),
        readExistingTurn('02-he-gone.md', '---\nanchor: he-gone\nposition: 2\nspeaker: lin-zhou\n---\n\n旧的。\n', 'b'),
        readExistingTurn(
          '03-lin-bye.md',
          '---\n# 编辑的注释\nanchor: lin-bye\nposition: 3\nspeaker: lin-zhou\n---\n\n再见。\n',
          'c',
        ),
        readExistingTurn(
          '04-extra.md',
          '---\nanchor: extra\nposition: 4\nspeaker: lin-zhou\nquotes:\n  - id: lost\n    headline: x\n    span: y\n---\n\n多余。\n',
          'd',
        ),
      ],
    };
    const plan = planTalk(turns(), { sourceName: 't.txt', existing });
    expect(plan.turns.map((turn) => [turn.fileName, turn.anchor, turn.fate])).toEqual([
      ['01-lin-hello.md', 'lin-hello', 'kept'],
      ['02-he-yun-1.md', 'he-yun-1', 'replaced'],
      ['03-lin-bye.md', 'lin-bye', 'kept'],
    ]);
    expect(plan.turns[0]!.text).toBe(
      '---\nanchor: lin-hello\nposition: 1\nspeaker: lin-zhou\nquotes:\n  - id: hi\n    headline: 问候\n    span: 好。\n---\n\n好。\n',
    );
    expect(plan.turns[2]!.text).toBe(
      '---\n# 编辑的注释\nanchor: lin-bye\nposition: 3\nspeaker: lin-zhou\n---\n\n谢谢。\n',
    );
    expect(plan.dropped.map((turn) => turn.fileName)).toEqual(['04-extra.md']);
    expect(plan.talkYaml).toBe(
      'title: 旧标题 # editor\nparticipants:\n  - speaker: lin-zhou\n    part: host\n  - speaker: he-yun\n    part: guest\noutline:\n  - id: intro\n    start: lin-hello\n  - id: gone\n    start: he-gone\n',
    );
    expect(plan.warnings).toEqual([
      "turn 2: the speaker changed from lin-zhou to he-yun, so 02-he-gone.md's front matter is not kept",
      '04-extra.md: no turn at position 4 any more; the file is removed with its quotes (lost)',
      'talk.yaml: outline section gone starts at he-gone, which is no longer a turn; fix it before building',
      'talk.yaml: added he-yun to participants as guests; check their part',
    ]);
  });

  test('per-talk labels go right after participants: in a new talk.yaml, and into an existing one', () => {
    const fresh = planTalk(turns(), { sourceName: 't.txt', labels: { 主持人: 'lin-zhou' } });
    expect(fresh.talkYaml).toContain('    part: guest\nlabels:\n  主持人: lin-zhou\nsource:');
    const existing = {
      talkYaml:
        'title: 旧标题\nparticipants:\n  - speaker: lin-zhou\n    part: host\n  - speaker: he-yun\n    part: guest\noutline: []\n',
      turns: [],
    };
    const merged = planTalk(turns(), { sourceName: 't.txt', existing, labels: { 主持人: 'lin-zhou' } });
    expect(merged.talkYaml).toBe(
      'title: 旧标题\nparticipants:\n  - speaker: lin-zhou\n    part: host\n  - speaker: he-yun\n    part: guest\nlabels:\n  主持人: lin-zhou\noutline: []\n',
    );
    const relabelled = planTalk(turns(), {
      sourceName: 't.txt',
      existing: { ...existing, talkYaml: merged.talkYaml },
      labels: { 主持人: 'he-yun' },
    });
    expect(relabelled.talkYaml).toContain('labels:\n  主持人: he-yun\n');
    expect(relabelled.warnings).toEqual(['talk.yaml: label "主持人" now names he-yun (it named lin-zhou)']);
  });

  test('times from a timed transcript go into new front matter, and a re-import updates them only where they changed', () => {
    const timed = turns().map((turn, index) => ({ ...turn, start: index * 10, paragraphStarts: [index * 10] }));
    const fresh = planTalk(timed, { sourceName: 't.vtt' });
    expect(fresh.turns[1]!.text).toBe(
      '---\nanchor: he-yun-1\nposition: 2\nspeaker: he-yun\nstart: 10\nparagraphStarts: [ 10 ]\n---\n\n测试数据很重要。\n',
    );
    const existing = {
      talkYaml: 'participants: []\n',
      turns: fresh.turns.map((turn) => readExistingTurn(turn.fileName, turn.text, turn.fileName)),
    };
    expect(planTalk(timed, { sourceName: 't.vtt', existing }).turns.map((turn) => turn.text)).toEqual(
      fresh.turns.map((turn) => turn.text),
    );
    const moved = timed.map((turn) => ({ ...turn, start: turn.start + 1, paragraphStarts: [turn.start + 1] }));
    expect(planTalk(moved, { sourceName: 't.vtt', existing }).turns[1]!.text).toBe(
      '---\nanchor: he-yun-1\nposition: 2\nspeaker: he-yun\nstart: 11\nparagraphStarts: [ 11 ]\n---\n\n测试数据很重要。\n',
    );
    const untimed = planTalk(turns(), { sourceName: 't.txt', existing });
    expect(untimed.turns[1]!.text).toBe(
      '---\nanchor: he-yun-1\nposition: 2\nspeaker: he-yun\n---\n\n测试数据很重要。\n',
    );
  });

  test('a kept quote whose span the new words lack is reported', () => {
    const existing = {
      talkYaml: 'participants:\n  - speaker: lin-zhou\n    part: host\n  - speaker: he-yun\n    part: guest\n',
      turns: [
        readExistingTurn(
          '01-a.md',
          '---\nanchor: a\nposition: 1\nspeaker: lin-zhou\nquotes:\n  - id: q\n    headline: h\n    span: 不在了\n---\n\nx\n',
          'a',
        ),
      ],
    };
    expect(planTalk(turns(), { sourceName: 't.txt', existing }).warnings).toEqual([
      '01-a.md: quote q — its span occurs 0 times in the new words (expected once); fix it before building',
    ]);
  });
});
