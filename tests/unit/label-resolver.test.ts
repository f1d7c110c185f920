/**
 * Who a speaker label names: titles, brackets, case and width set aside; format characters,
 * roles, ambiguous and unknown labels refused with the line, the label and the candidates.
 */
import { describe, expect, test } from 'vitest';
import { createLabelResolver, type TalkLabel } from '../../src/lib/import/label-resolver';
import {
  describeFormatCharacters,
  isDecoratedName,
  isNameShaped,
  isRoleLabel,
  labelParts,
  showLabel,
} from '../../src/lib/import/label-text';
import { isSimilar, similarLabels } from '../../src/lib/import/similar-labels';
import { chooseColor, stubSpeakerId, stubYaml } from '../../src/lib/import/speaker-stubs';
import { labelsToKeep, parseSpeakerOption, readTalkLabels } from '../../src/lib/import/talk-labels';
import { findPlaceholders } from '../../src/lib/content/placeholder';
import { classifyLine, ImportError, splitTurns, type SpeakerRecord } from '../../src/lib/import/transcript';
import { SpeakerSchema } from '../../src/schemas/speaker';

const SPEAKERS: SpeakerRecord[] = [
  { id: 'yao-qizhi', name: '姚期智', aliases: [] },
  { id: 'richard-roe', name: 'Richard Roe', aliases: [] },
  { id: 'jane-doe', name: 'Jane Doe', aliases: [] },
  { id: 'xu-li', name: '徐立', aliases: [] },
];

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('expected an ImportError, found none');
}

describe('labelParts', () => {
  test.each([
    ['Sen. Richard Roe (D-CT)', 'Richard Roe', 'richard roe', ['Sen.'], ['D-CT']],
    ['DR. JANE DOE', 'JANE DOE', 'jane doe', ['DR.'], []],
    ['Maria Okafor (Lumen Labs)', 'Maria Okafor', 'maria okafor', [], ['Lumen Labs']],
    ['姚期智教授（清华大学）', '姚期智', '姚期智', ['教授'], ['清华大学']],
    ['姚 期 智 老师', '姚 期 智', '姚期智', ['老师'], []],
    ['Ｊａｎｅ　Ｄｏｅ【Lumen】', 'Jane Doe', 'jane doe', [], ['Lumen']],
    ['Prof. Dr. Jane Doe [MIT]', 'Jane Doe', 'jane doe', ['Prof.', 'Dr.'], ['MIT']],
    ['Dr.', 'Dr.', 'dr.', [], []],
    ['教授', '教授', '教授', [], []],
  ])('%j is the name %j', (label, name, key, titles, brackets) => {
    expect(labelParts(label)).toEqual({ name, key, titles, brackets });
  });
});

describe('label shapes', () => {
  test.each([
    ['主持人'],
    ['MODERATOR'],
    ['SPEAKER_00'],
    ['Speaker 2'],
    ['嘉宾1'],
    ['Guest B'],
    ['Q'],
    ['Host (Jane Doe)'],
  ])('%j is a role', (label) => {
    expect(isRoleLabel(label)).toBe(true);
  });
  test.each([['Jane Doe'], ['An'], ['Anna'], ['主持人徐立'], ['Hosta']])('%j is not a role', (label) => {
    expect(isRoleLabel(label)).toBe(false);
  });
  test.each([["Conan O'Brien"], ['J. R. R. Tolkien'], ['Sen. Richard Roe (D-CT)'], ['姚期智']])(
    '%j could be a name',
    (label) => {
      expect(isNameShaped(label)).toBe(true);
    },
  );
  test.each([
    ['我想说三点，第一'],
    ['He said. Then'],
    ["'quoted"],
    ['这是一个超过二十四个字符的很长很长很长的句子不是名字'],
  ])('%j is not a name', (label) => {
    expect(isNameShaped(label)).toBe(false);
  });
  test.each([
    ['Sen. Richard Roe (D-CT)', true],
    ['DR. JANE DOE', true],
    ['某人\u200b', true],
    ['王五', false],
    ['谢谢老师', false],
    ['好的，谢谢。', false],
  ])('%j alone on its line is a decorated name: %s', (line, expected) => {
    expect(isDecoratedName(line)).toBe(expected);
  });
});

describe('format characters', () => {
  test('are shown as code points, with their names', () => {
    expect(describeFormatCharacters('姚期智\u200d')).toBe('"姚期智\\u{200D}" contains U+200D ZERO WIDTH JOINER');
    expect(describeFormatCharacters('\u202e姚期智\u200b')).toBe(
      '"\\u{202E}姚期智\\u{200B}" contains U+202E RIGHT-TO-LEFT OVERRIDE and U+200B ZERO WIDTH SPACE',
    );
    expect(describeFormatCharacters('姚期智')).toBeUndefined();
    expect(showLabel('a\u00a0"b"')).toBe('"a\\u{A0}\\"b\\""');
  });
});

describe('did you mean', () => {
  test('finds typos, a character off and part of a name; not strangers', () => {
    expect(isSimilar('jane doh', 'jane doe')).toBe(true);
    expect(isSimilar('王五', '王武')).toBe(true);
    expect(isSimilar('okafor', 'maria okafor')).toBe(true);
    expect(isSimilar('王五', '何云')).toBe(false);
    const candidates = SPEAKERS.map((speaker) => ({ label: speaker.name, id: speaker.id }));
    expect(similarLabels('Jane Doh', candidates)).toEqual([{ label: 'Jane Doe', id: 'jane-doe' }]);
    expect(similarLabels('姚期', candidates)).toEqual([{ label: '姚期智', id: 'yao-qizhi' }]);
  });
});

describe('createLabelResolver', () => {
  const resolver = (talkLabels: TalkLabel[] = [], createSpeakers = false) =>
    createLabelResolver({ speakers: SPEAKERS, file: 't.txt', talkLabels, createSpeakers });

  test.each([
    ['Sen. Richard Roe (D-CT)', 'richard-roe'],
    ['DR. JANE DOE', 'jane-doe'],
    ['jane  doe', 'jane-doe'],
    ['姚期智教授', 'yao-qizhi'],
    ['姚期智（清华大学）', 'yao-qizhi'],
  ])('%j resolves to %s', (label, id) => {
    const labels = resolver();
    expect(labels.knows(label)).toBe(true);
    expect(labels.resolve(label, 3).id).toBe(id);
    expect([...labels.labelsUsed.get(id)!]).toEqual([label.replace(/  +/g, ' ')]);
  });

  test('a format character is refused, shown as a code point, naming whom it imitates', () => {
    const labels = resolver();
    expect(labels.knows('姚期智\u200d')).toBe(true);
    expect(errorOf(() => labels.resolve('姚期智\u200d', 7))).toBe(
      't.txt:7: Unexpected format character in speaker label: "姚期智\\u{200D}" contains U+200D ZERO WIDTH JOINER; expected visible characters only (without it the label would name yao-qizhi: remove it from the transcript if that is right)',
    );
    expect(errorOf(() => labels.resolve('\u202eeoD enaJ', 8))).toContain(
      '"\\u{202E}eoD enaJ" contains U+202E RIGHT-TO-LEFT OVERRIDE',
    );
  });

  test('an unknown label stops with the closest names', () => {
    expect(errorOf(() => resolver().resolve('Jane Doh', 4))).toBe(
      't.txt:4: Unexpected speaker label "Jane Doh": expected a name or alias from content/speakers or a label of this talk; did you mean "Jane Doe" (jane-doe)? Add the person to content/speakers (or run with --create-speakers), add the label to their aliases, or pass --speaker "Jane Doh"=<speaker-id>',
    );
  });

  test('a role stops, asking for a per-talk label; with one, it resolves in this talk only', () => {
    expect(errorOf(() => resolver().resolve('主持人', 2))).toBe(
      't.txt:2: Unexpected speaker label "主持人": it names a role, not a person; expected this talk to say who it is: pass --speaker "主持人"=<speaker-id> (kept in talk.yaml\'s labels for re-imports)',
    );
    const labels = resolver([{ label: '主持人', id: 'xu-li', origin: '--speaker' }]);
    expect(labels.resolve('主持人', 2).id).toBe('xu-li');
    expect([...labels.talkLabelsUsed]).toEqual(['主持人']);
  });

  test('a per-talk label naming nobody stops, naming where it was given', () => {
    expect(
      errorOf(() =>
        resolver([
          { label: 'SPEAKER_00', id: 'jane-do', origin: 'content/talks/x/talk.yaml field "labels.SPEAKER_00"' },
        ]),
      ),
    ).toBe(
      'content/talks/x/talk.yaml field "labels.SPEAKER_00": expected a speaker id from content/speakers for "SPEAKER_00", found "jane-do" (did you mean jane-doe?); "SPEAKER_00" is a role: add the person to content/speakers, or add --create-speakers for a stub with that id',
    );
  });

  test('a key two speakers share is ambiguous', () => {
    const labels = createLabelResolver({
      speakers: [...SPEAKERS, { id: 'jane-doe-2', name: 'Dr. Jane Doe', aliases: [] }],
      file: 't.txt',
    });
    expect(labels.resolve('Dr. Jane Doe', 1).id).toBe('jane-doe-2');
    expect(errorOf(() => labels.resolve('JANE DOE', 2))).toBe(
      't.txt:2: Unexpected speaker label "JANE DOE": expected it to name one speaker, found 2 (jane-doe, jane-doe-2) once titles, brackets and case are set aside; pass --speaker "JANE DOE"=<speaker-id> to say which',
    );
  });

  test('--create-speakers makes one speaker per person, never a role, never a guessed Han id', () => {
    const labels = resolver([], true);
    expect(labels.resolve('Maria Okafor (Lumen Labs)', 5)).toEqual({
      id: 'maria-okafor',
      name: 'Maria Okafor',
      aliases: [],
    });
    expect(labels.knows('MARIA OKAFOR')).toBe(true);
    expect(labels.resolve('MARIA OKAFOR', 9).id).toBe('maria-okafor');
    expect(labels.created.map((entry) => [entry.speaker.id, entry.label, entry.line, entry.brackets])).toEqual([
      ['maria-okafor', 'Maria Okafor (Lumen Labs)', 5, ['Lumen Labs']],
    ]);
    expect(errorOf(() => labels.resolve('MODERATOR', 6))).toContain('it names a role, not a person');
    expect(errorOf(() => labels.resolve('王五', 7))).toBe(
      't.txt:7: --create-speakers: expected a name in Latin letters to derive an id from, found the Han name "王五" (its romanisation is the editor\'s call): pass --speaker "王五"=<speaker-id> (lower-case ASCII words joined by hyphens) and the stub gets that id',
    );
    const named = resolver([{ label: '王五', id: 'wang-wu', origin: '--speaker' }], true);
    expect(named.resolve('王五', 7)).toEqual({ id: 'wang-wu', name: '王五', aliases: [] });
    // A role given an id of nobody yet: the stub takes the id and asks for the name.
    const host = resolver([{ label: '主持人', id: 'zhou-min', origin: '--speaker' }], true);
    expect(host.resolve('主持人', 2)).toEqual({ id: 'zhou-min', name: '【待补充】', aliases: [] });
    expect(errorOf(() => resolver([{ label: '主持人', id: 'zhou-min', origin: '--speaker' }], false))).toContain(
      '"主持人" is a role: add the person to content/speakers, or add --create-speakers for a stub with that id',
    );
    expect(errorOf(() => resolver([], true).resolve('Richard-Roe', 3))).toBe(
      't.txt:3: --create-speakers: expected a new speaker id for "Richard-Roe", found "richard-roe" taken by "Richard Roe" (content/speakers/richard-roe.yaml): pass --speaker "Richard-Roe"=richard-roe if that is the same person, or another id',
    );
  });
});

describe('lines', () => {
  const labels = createLabelResolver({ speakers: SPEAKERS, file: 't.txt' });
  test.each([
    ['Sen. Richard Roe (D-CT):', 'speaker'],
    ['DR. JANE DOE', 'speaker'],
    ['姚期智\u200d', 'speaker'],
    ['Maria Okafor (Lumen Labs):', 'unknown-label'],
    ['Maria Okafor (Lumen Labs)', 'unknown-label'],
    ["Conan O'Brien:", 'unknown-label'],
    ['某人\u200b', 'unknown-label'],
    ['王五', 'text'],
    ['他说：“好。”', 'text'],
  ])('%j is a %s line', (line, kind) => {
    expect(classifyLine(line, labels).kind).toBe(kind);
  });

  test("the probe: titled and decorated labels never pass as the previous speaker's words", () => {
    const lines = [
      'Jane Doe:',
      'Hello.',
      'Sen. Richard Roe (D-CT):',
      'Thanks.',
      'DR. JANE DOE',
      'Again.',
      '姚期智教授：',
      '好。',
    ];
    const turns = splitTurns(
      lines.map((text, index) => ({ line: index + 1, text })),
      labels,
      't.txt',
    );
    expect(turns.map((turn) => [turn.speaker.id, turn.label, turn.paragraphs])).toEqual([
      ['jane-doe', 'Jane Doe', ['Hello.']],
      ['richard-roe', 'Sen. Richard Roe (D-CT)', ['Thanks.']],
      ['jane-doe', 'DR. JANE DOE', ['Again.']],
      ['yao-qizhi', '姚期智教授', ['好。']],
    ]);
    expect(
      errorOf(() =>
        splitTurns(
          [
            { line: 1, text: 'Jane Doe:' },
            { line: 2, text: 'Hi.' },
            { line: 3, text: '姚期智\u200d' },
            { line: 4, text: '好。' },
          ],
          labels,
          't.txt',
        ),
      ),
    ).toMatch(
      /^t\.txt:3: Unexpected format character in speaker label: "姚期智\\u\{200D\}" contains U\+200D ZERO WIDTH JOINER/,
    );
  });
});

describe('speaker stubs', () => {
  test.each([
    ['Maria Okafor', 'maria-okafor'],
    ["Zoë O'Brien", 'zoe-obrien'],
    ['Jürgen Groß', 'jurgen-gross'],
    ['J. R. Smith', 'j-r-smith'],
  ])('%j gets the id %s', (name, id) => {
    expect(stubSpeakerId(name, name, 't.txt:1')).toBe(id);
  });

  test('a name in another script is asked for', () => {
    expect(() => stubSpeakerId('Мария', 'Мария', 't.txt:1')).toThrow(
      't.txt:1: --create-speakers: expected a name in Latin letters to derive an id from, found "Мария"',
    );
  });

  test('the colour is the least used in the talk, then on the site', () => {
    expect(chooseColor(['crimson', 'amber'], [])).toBe('green');
    expect(
      chooseColor(
        ['crimson', 'amber', 'green', 'teal', 'blue', 'indigo', 'violet', 'rose', 'slate'],
        ['crimson', 'amber'],
      ),
    ).toBe('green');
  });

  test('the stub is a valid speaker file whose blanks the build refuses', async () => {
    const { parse } = await import('yaml');
    const text = stubYaml({
      name: '王五',
      label: '王五教授（测试大学）',
      where: 't.txt line 4',
      brackets: ['测试大学'],
      color: 'teal',
      talk: 'second-talk',
    });
    expect(text).toContain('# The label\'s brackets said: "测试大学".');
    const data = SpeakerSchema.parse(parse(text));
    expect(data.name).toBe('王五');
    expect(findPlaceholders(data)).toEqual(['latinName', 'role.text', 'affiliation.text']);
    const latin = SpeakerSchema.parse(
      parse(
        stubYaml({
          name: 'Maria Okafor',
          label: 'Maria Okafor',
          where: '--speaker',
          brackets: [],
          color: 'rose',
          talk: 't',
        }),
      ),
    );
    expect(findPlaceholders(latin)).toEqual(['role.text', 'affiliation.text']);
  });
});

describe('per-talk labels', () => {
  test('--speaker LABEL=id', () => {
    expect(parseSpeakerOption('主持人=xu-li')).toEqual({ label: '主持人', id: 'xu-li' });
    expect(parseSpeakerOption('A=B=jane-doe')).toEqual({ label: 'A=B', id: 'jane-doe' });
    expect(parseSpeakerOption('主持人')).toBe(
      '--speaker: expected LABEL=speaker-id (e.g. --speaker 主持人=xu-li), found "主持人"',
    );
  });

  test('talk.yaml labels are read back, naming the file and field', () => {
    expect(readTalkLabels('title: x\nlabels:\n  主持人: xu-li\n', 'talk.yaml')).toEqual([
      { label: '主持人', id: 'xu-li', origin: 'talk.yaml field "labels.主持人"' },
    ]);
    expect(readTalkLabels('title: x\n', 'talk.yaml')).toEqual([]);
    expect(() => readTalkLabels('labels: [a]\n', 'talk.yaml')).toThrow(
      'talk.yaml: field "labels": expected a mapping of labels to speaker ids',
    );
  });

  test('only labels the transcript used, and that are not already a name, are kept', () => {
    const given = [
      { label: '主持人', id: 'xu-li' },
      { label: '徐立', id: 'xu-li' },
      { label: 'SPEAKER_09', id: 'jane-doe' },
    ];
    expect(labelsToKeep(given, new Set(['主持人', '徐立']), (label) => label === '徐立')).toEqual({ 主持人: 'xu-li' });
  });
});
