/**
 * Cues become turns: merging one speaker's cues, joining caption lines, breaking paragraphs,
 * keeping directions and times; and the fixture panels in tests/fixtures/transcripts/, which
 * say the same words in every format and must give the same turns.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importError } from '../helpers/import-run';
import type { Cue } from '../../src/lib/import/cues';
import { groupCues, PAUSE_SECONDS, SENTENCES_PER_PARAGRAPH, type LabelWording } from '../../src/lib/import/group-cues';
import { prepareTranscript, readTranscript } from '../../src/lib/import/read-transcript';
import type { ParsedTurn } from '../../src/lib/import/transcript';
import { fakeResolver } from '../helpers/fake-resolver';
import { root } from '../helpers/paths';

const CAPTIONS: LabelWording = { expected: 'a label', noun: 'speaker label', startHint: false };
const TEXT: LabelWording = { expected: 'a speaker line', noun: 'speaker line', startHint: true };
const resolver = fakeResolver({ Anna: 'anna', Ben: 'ben', 'Dr. Anna': 'anna' });

/** Speaker id and paragraphs of each turn. */
const shape = (turns: ParsedTurn[]) => turns.map((turn) => [turn.speaker.id, turn.paragraphs]);

describe('groupCues', () => {
  test('merges consecutive cues of one speaker into one turn, even under another label of theirs', () => {
    const cues: Cue[] = [
      { label: 'Anna', line: 1, text: 'Hello.' },
      { label: 'Anna', line: 2, text: 'Welcome.' },
      { label: 'Dr. Anna', line: 3, text: 'Shall we?' },
      { label: 'Ben', line: 4, text: 'Yes.' },
      { line: 5, text: 'Go on.' },
    ];
    const turns = groupCues(cues, resolver, 't', CAPTIONS);
    expect(turns).toEqual([
      {
        position: 1,
        speaker: { id: 'anna', name: 'anna', aliases: [] },
        label: 'Anna',
        line: 1,
        paragraphs: ['Hello. Welcome. Shall we?'],
        characters: 22,
      },
      {
        position: 2,
        speaker: { id: 'ben', name: 'ben', aliases: [] },
        label: 'Ben',
        line: 4,
        paragraphs: ['Yes. Go on.'],
        characters: 9,
      },
    ]);
  });

  test.each([
    ['Latin lines join with a space', ['It was a long', 'meeting.'], 'It was a long meeting.'],
    ['Chinese lines join without one', ['我们认为这个', '问题很重要。'], '我们认为这个问题很重要。'],
    ['Chinese and Latin join without one', ['我们用了', 'WhisperX 来做。'], '我们用了WhisperX来做。'],
    ['no space before closing punctuation', ['It works', ', mostly.'], 'It works, mostly.'],
    ['line breaks inside a cue too', ['It was a long\nand useful', 'meeting.'], 'It was a long and useful meeting.'],
  ])('%s', (_name, texts, paragraph) => {
    const cues: Cue[] = texts.map((text, index) => ({
      label: index === 0 ? 'Anna' : undefined,
      line: index + 1,
      text,
      start: index,
      end: index + 0.9,
    }));
    expect(shape(groupCues(cues, resolver, 't', CAPTIONS))).toEqual([['anna', [paragraph]]]);
  });

  test.each([
    [
      'a pause after a sentence end',
      [
        ['One.', 0, 1],
        ['Two.', 1 + PAUSE_SECONDS, 4],
      ],
      ['One.', 'Two.'],
    ],
    [
      'a shorter pause',
      [
        ['One.', 0, 1],
        ['Two.', 1 + PAUSE_SECONDS - 0.1, 4],
      ],
      ['One. Two.'],
    ],
    [
      'a pause inside a sentence',
      [
        ['One and', 0, 1],
        ['two.', 1 + PAUSE_SECONDS + 1, 5],
      ],
      ['One and two.'],
    ],
    [
      'a Chinese sentence end',
      [
        ['好。', 0, 1],
        ['继续。', 1 + PAUSE_SECONDS, 4],
      ],
      ['好。', '继续。'],
    ],
  ])('a paragraph breaks at %s?', (_name, cues, paragraphs) => {
    const input: Cue[] = (cues as [string, number, number][]).map(([text, start, end], index) => ({
      label: 'Anna',
      line: index + 1,
      text,
      start,
      end,
    }));
    expect(shape(groupCues(input, resolver, 't', CAPTIONS))).toEqual([['anna', paragraphs]]);
  });

  test(`a paragraph of timed captions breaks after ${SENTENCES_PER_PARAGRAPH} sentences, at the next sentence end`, () => {
    const cues: Cue[] = ['One. Two.', 'Three. Four.', 'Five and', 'six.', 'Seven.'].map((text, index) => ({
      label: 'Anna',
      line: index + 1,
      text,
      start: index,
      end: index + 1,
    }));
    expect(shape(groupCues(cues, resolver, 't', CAPTIONS))).toEqual([
      ['anna', ['One. Two. Three. Four. Five and six.', 'Seven.']],
    ]);
  });

  test('a direction standing alone keeps its own paragraph; one before the first speaker opens the first turn', () => {
    const cues: Cue[] = [
      { line: 1, text: '[Music]', start: 0, end: 3 },
      { label: 'Anna', line: 2, text: 'Welcome.', start: 3, end: 4 },
      { line: 3, text: '[Applause]', start: 4, end: 5 },
      { line: 4, text: 'Thank you. (laughs) Truly.', start: 5, end: 6 },
    ];
    const [turn] = groupCues(cues, resolver, 't', CAPTIONS);
    expect(turn).toMatchObject({
      line: 2,
      paragraphs: ['[Music]', 'Welcome.', '[Applause]', 'Thank you. (laughs) Truly.'],
      start: 0,
      paragraphStarts: [0, 3, 4, 5],
    });
  });

  test('keeps times to the millisecond; paragraph starts only when every paragraph has one', () => {
    const cues: Cue[] = [
      { label: 'Anna', line: 1, text: 'One.', start: 1.23456, paragraph: true },
      { line: 2, text: 'Two.', start: 7.0001, paragraph: true },
      { label: 'Ben', line: 3, text: 'Three.', start: 9, paragraph: true },
      { line: 4, text: 'Four.', paragraph: true },
    ];
    const turns = groupCues(cues, resolver, 't', TEXT);
    expect(turns.map((turn) => [turn.start, turn.paragraphStarts])).toEqual([
      [1.235, [1.235, 7]],
      [9, undefined],
    ]);
    expect(groupCues([{ label: 'Anna', line: 1, text: 'No times.' }], resolver, 't', TEXT)[0]).not.toHaveProperty(
      'start',
    );
  });

  test.each([
    [
      'page furniture before the first label (text formats)',
      TEXT,
      [
        { line: 1, text: 'Panel 3 - 5 May' },
        { label: 'Anna', line: 2, text: 'Hi.' },
      ],
      't:1: Unexpected text before the first speaker line: expected a speaker line first, found "Panel 3 - 5 May" (use --start to cut what comes before the transcript)',
    ],
    [
      'words before the first label',
      TEXT,
      [
        { line: 1, text: 'Good afternoon, and welcome.' },
        { label: 'Anna', line: 2, text: 'Hi.' },
      ],
      't:1: Unexpected text before the first speaker line: expected a speaker line first, found "Good afternoon, and welcome.", and no speaker line says whose words these are (add the speaker\'s label before them)',
    ],
    [
      'captions before the first label',
      CAPTIONS,
      [
        { line: 4, text: 'Title' },
        { label: 'Anna', line: 8, text: 'Hi.' },
      ],
      't:4: Unexpected text before the first speaker label: expected a label first, found "Title", and no speaker label says whose words these are (add the speaker\'s label before them)',
    ],
    [
      'no label at all',
      CAPTIONS,
      [{ line: 4, text: 'Hello.' }],
      't:4: Unexpected text without any speaker label: expected a label before the words, found none in the transcript (if the file is in another format, choose it with --format)',
    ],
    [
      'a label without words before the next',
      TEXT,
      [
        { label: 'Anna', line: 1, text: '' },
        { label: 'Anna', line: 2, text: 'Hi.' },
      ],
      't:1: expected words after the speaker line "Anna", found the next speaker line (line 2) first',
    ],
    [
      'a last label without words',
      TEXT,
      [
        { label: 'Anna', line: 1, text: 'Hi.' },
        { label: 'Ben', line: 2, text: ' ' },
      ],
      't:2: expected words after the speaker line "Ben", found the end of the transcript',
    ],
  ])('stops on %s', (_name, wording, cues, message) => {
    expect(importError(() => groupCues(cues as Cue[], resolver, 't', wording)).message).toBe(message);
  });
});

const fixture = (name: string) => path.join(root, 'tests/fixtures/transcripts', name);

async function importFixture(name: string, labels: Record<string, string>): Promise<ParsedTurn[]> {
  const text = await readFile(fixture(name), 'utf8');
  const prepared = prepareTranscript(text, { file: name, markers: {} });
  return (await readTranscript(prepared, fakeResolver(labels, name))).turns;
}

/** The English panel, as every format of it must read: speaker and paragraphs of each turn. */
const PANEL: [string, string[]][] = [
  [
    'grace',
    [
      'Good afternoon, everyone, and welcome to the last panel of the day.',
      '[Applause]',
      'We have three guests who work with public records from very different sides. Amara, would you start us off?',
    ],
  ],
  [
    'amara',
    [
      'Thank you, Grace. I run a small lab that studies how people search through recordings of council meetings. Most cities publish the video, but very few publish anything you can actually search.',
    ],
  ],
  [
    'tomas',
    [
      'I teach archival science, so I spend my time worrying about what happens to those recordings in twenty years. (laughs) Somebody has to.',
    ],
  ],
  [
    'priya',
    [
      "And I'm the one who asks for the files. Our trust sends requests on behalf of local newspapers that cannot afford a lawyer.",
    ],
  ],
  ['grace', ['Priya, what is the most common answer you get?']],
  ['priya', ['Honestly, silence. The second most common is a PDF of a scanned printout of a spreadsheet.']],
  [
    'amara',
    [
      'We see the same thing. A transcript typed by a person is worth more than a perfect video, because you can quote it and link to a sentence.',
    ],
  ],
  ['grace', ["Tomás, is that an archivist's view as well?"]],
  [
    'tomas',
    [
      'Mostly, yes.',
      'But a transcript without the recording is a claim, not evidence. We keep both, and we note who made the transcript and when.',
    ],
  ],
  ['grace', ["Let's talk about speakers. How do you record who said what?"]],
  [
    'amara',
    [
      "Carefully. The worst error in a transcript is not a misspelled word. It's a sentence credited to the wrong person.",
    ],
  ],
  [
    'priya',
    [
      "We had a case last year where a councillor's remark was printed under the mayor's name. It took four months to correct.",
    ],
  ],
  ['tomas', ["That's why the label matters as much as the words. An archive should tell you who spoke, and when."]],
  ['grace', ["We're nearly out of time. One sentence each on what you would change tomorrow."]],
  ['priya', ['Publish the transcript on the same day as the video.']],
  ['amara', ['Make every line of it searchable.']],
  ['tomas', ['Keep the recording next to it, for good.']],
  ['grace', ['Thank you all, and thanks to everyone here for staying until the end.', '[Applause]']],
];

const NAMES = {
  'Grace Whitfield': 'grace',
  'Amara Nwosu': 'amara',
  'Tomás Lindqvist': 'tomas',
  'Priya Raman': 'priya',
};

describe('the English panel fixture reads the same in every format', () => {
  test.each([
    [
      'panel-en.txt',
      {
        MODERATOR: 'grace',
        'Dr. Amara Nwosu (Kestrel Institute)': 'amara',
        'Dr. Amara Nwosu': 'amara',
        'Tomás Lindqvist (Northgate University)': 'tomas',
        'Tomás Lindqvist': 'tomas',
        'Priya Raman (Civic Data Trust)': 'priya',
        'Priya Raman': 'priya',
      },
    ],
    ['panel-en.vtt', NAMES],
    ['panel-en-meeting.txt', NAMES],
    ['panel-en.json', NAMES],
  ])('%s', async (name, labels) => {
    expect(shape(await importFixture(name, labels))).toEqual(PANEL);
  });

  test('plain text keeps each label as written', async () => {
    const turns = await importFixture('panel-en.txt', {
      MODERATOR: 'grace',
      'Dr. Amara Nwosu (Kestrel Institute)': 'amara',
      'Dr. Amara Nwosu': 'amara',
      'Tomás Lindqvist (Northgate University)': 'tomas',
      'Tomás Lindqvist': 'tomas',
      'Priya Raman (Civic Data Trust)': 'priya',
      'Priya Raman': 'priya',
    });
    expect(turns.map((turn) => [turn.label, turn.line]).slice(0, 4)).toEqual([
      ['MODERATOR', 1],
      ['Dr. Amara Nwosu (Kestrel Institute)', 4],
      ['Tomás Lindqvist (Northgate University)', 5],
      ['Priya Raman (Civic Data Trust)', 6],
    ]);
    expect(turns.at(-1)).toMatchObject({ label: 'MODERATOR', line: 21 });
  });

  test('WebVTT and Podcast Index JSON give each turn and paragraph its start', async () => {
    const times = (turns: ParsedTurn[]) => turns.map((turn) => [turn.start, turn.paragraphStarts]);
    const expected = [
      [1, [1, 4.4, 7.5]],
      [13.6, [13.6]],
      [24, [24]],
      [32, [32]],
      [39.5, [39.5]],
      [42.5, [42.5]],
      [49, [49]],
      [57, [57]],
      [60, [60, 64]],
      [71, [71]],
      [75.5, [75.5]],
      [82, [82]],
      [89, [89]],
      [95, [95]],
      [100.5, [100.5]],
      [104, [104]],
      [106.5, [106.5]],
      [110, [110, 115]],
    ];
    expect(times(await importFixture('panel-en.vtt', NAMES))).toEqual(expected);
    expect(times(await importFixture('panel-en.json', NAMES))).toEqual(expected);
  });

  test('the meeting export gives each turn its start, and no paragraph starts where only the first is known', async () => {
    const turns = await importFixture('panel-en-meeting.txt', NAMES);
    expect(turns.map((turn) => turn.start)).toEqual([
      1, 13, 24, 32, 39, 42, 49, 57, 60, 71, 75, 82, 89, 95, 100, 104, 106, 110,
    ]);
    expect(turns.map((turn) => turn.paragraphStarts?.length)).toEqual(
      PANEL.map(([, paragraphs]) => (paragraphs.length === 1 ? 1 : undefined)),
    );
  });
});

describe('the other fixtures', () => {
  test('the Chinese panel: inline 姓名： labels, a role label, an affiliation, directions', async () => {
    const turns = await importFixture('panel-zh.txt', {
      主持人: 'he-jing',
      周敏: 'zhou-min',
      '陈一帆（星河研究院）': 'chen-yifan',
      陈一帆: 'chen-yifan',
      林晓: 'lin-xiao',
    });
    expect(shape(turns)).toEqual([
      ['he-jing', ['各位下午好，欢迎来到今天的最后一场圆桌。我们请到了三位嘉宾，先请周敏老师说几句。', '（掌声）']],
      ['zhou-min', ['谢谢主持人。我在图书馆做了十年的口述史整理，最怕的就是录音里听不清是谁在说话。']],
      ['chen-yifan', ['我补充一点。我们做语音识别，模型能分出几个人在说话，但分不出他们叫什么名字。']],
      ['lin-xiao', ['所以最后还是要靠人来核对。我们编辑部的做法是，每一段发言都对着录音听一遍。']],
      ['he-jing', ['那核对一场两个小时的会，要花多长时间？']],
      ['lin-xiao', ['差不多一整天。（笑）']],
      ['zhou-min', ['我们也是这样。省下的时间，往往又花在改错上。']],
      ['chen-yifan', ['这正是我们想解决的问题，让机器先标出没把握的地方，再交给人去听。']],
      ['he-jing', ['时间差不多了，谢谢三位嘉宾。', '（掌声）']],
    ]);
    expect(turns.map((turn) => turn.label)).toEqual([
      '主持人',
      '周敏',
      '陈一帆（星河研究院）',
      '林晓',
      '主持人',
      '林晓',
      '周敏',
      '陈一帆',
      '主持人',
    ]);
  });

  test('the SRT sample: "Name:" and "[Name]" prefixes carry over to later cues; [Music] stays a direction', async () => {
    expect(shape(await importFixture('sample.srt', NAMES))).toEqual([
      ['grace', ['Welcome back. Our next question comes from the floor. Please keep it short.']],
      ['priya', ['Who decides which meetings get a transcript at all?', '[Music]']],
      ['amara', ['Usually the clerk, and usually nobody asks them why.']],
    ]);
  });

  test('the diarized sample: one turn per run of a speaker label', async () => {
    const turns = await importFixture('sample-diarized.json', { SPEAKER_00: 'grace', SPEAKER_01: 'amara' });
    expect(shape(turns)).toEqual([
      ['grace', ['Thanks for joining us on short notice.']],
      ['amara', ["Happy to be here. It's a topic I care about."]],
      ['grace', ["Then let's start with the archive itself. Where is it kept today?"]],
    ]);
    expect(turns.map((turn) => [turn.label, turn.line, turn.start, turn.paragraphStarts])).toEqual([
      ['SPEAKER_00', 7, 0.52, [0.52]],
      ['SPEAKER_01', 17, 3.4, [3.4]],
      ['SPEAKER_00', 23, 6.2, [6.2]],
    ]);
  });
});
