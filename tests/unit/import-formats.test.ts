/**
 * Each transcript format's reader, on small inputs written for the case: the exact cues it
 * reads (label as written, source line, words, times), what it cuts, how it stops on a broken
 * file; format detection; and, in every format, an unknown label stopping the import at its
 * line instead of being read as someone's words.
 */
import { describe, expect, test } from 'vitest';
import type { Cue } from '../../src/lib/import/cues';
import { detectFormat, type FormatName } from '../../src/lib/import/detect';
import { readDiarizedJson } from '../../src/lib/import/formats/diarized-json';
import { headerOf, readMeetingExport } from '../../src/lib/import/formats/meeting-export';
import { readPlainText } from '../../src/lib/import/formats/plain-text';
import { readPodcastJson } from '../../src/lib/import/formats/podcast-json';
import { readSrt } from '../../src/lib/import/formats/srt';
import { readWebVtt } from '../../src/lib/import/formats/webvtt';
import { prepareTranscript, readTranscript } from '../../src/lib/import/read-transcript';
import { ImportError, type SourceLine } from '../../src/lib/import/transcript';
import { fakeResolver } from '../helpers/fake-resolver';

const linesOf = (text: string): SourceLine[] =>
  text.split('\n').map((line, index) => ({ line: index + 1, text: line }));
const nobody = { knows: () => false };

async function importError(run: () => unknown): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError, found none');
}

describe('plain text', () => {
  test('reads labels alone and inline, with titles and affiliations, in any mix; each line is a paragraph', () => {
    const text = [
      'MODERATOR:',
      'Welcome.',
      '',
      'Dr. Jane Doe (Lumen Labs): Thanks.',
      'A second paragraph.',
      '周敏：谢谢。',
      'Anna',
    ].join('\n');
    expect(readPlainText(linesOf(text), { knows: (label) => label === 'Anna' })).toEqual({
      cues: [
        { label: 'MODERATOR', line: 1, text: '', paragraph: true },
        { line: 2, text: 'Welcome.', paragraph: true },
        { label: 'Dr. Jane Doe (Lumen Labs)', line: 4, text: 'Thanks.', paragraph: true },
        { line: 5, text: 'A second paragraph.', paragraph: true },
        { label: '周敏', line: 6, text: '谢谢。', paragraph: true },
        { label: 'Anna', line: 7, text: '', paragraph: true },
      ],
      cut: [],
    });
  });
});

describe('meeting exports', () => {
  test.each([
    ['Anna Perez  0:00:12', 'Anna Perez', 12],
    ['Anna Perez 00:00:12', 'Anna Perez', 12],
    ['Anna Perez 12:05', 'Anna Perez', 725],
    ['Anna Perez\t1:02:03', 'Anna Perez', 3723],
    ['Speaker 2  0:41', 'Speaker 2', 41],
    ['周敏  0:00:05', '周敏', 5],
  ])('%j is a speaker line: %j at %d s', (line, label, start) => {
    expect(headerOf(line, nobody)).toEqual({ label, start });
  });

  test.each([['We met at 10:30'], ['10:30'], ['Anna Perez'], ['The vote was 12:5']])('%j is words', (line) => {
    expect(headerOf(line, nobody)).toBeUndefined();
  });

  test('reads a speaker line, then paragraphs; the first paragraph shares its time; the footer is cut', () => {
    const text = [
      'Anna Perez  0:00:01',
      'Hello all.',
      'Second paragraph.',
      '',
      'Ben Okoro  0:00:09',
      'Hi.',
      '',
      'Transcribed by https://otter.ai',
      '',
    ].join('\n');
    expect(readMeetingExport(linesOf(text), nobody)).toEqual({
      cues: [
        { label: 'Anna Perez', line: 1, text: '', start: 1, paragraph: true },
        { line: 2, text: 'Hello all.', start: 1, paragraph: true },
        { line: 3, text: 'Second paragraph.', start: undefined, paragraph: true },
        { label: 'Ben Okoro', line: 5, text: '', start: 9, paragraph: true },
        { line: 6, text: 'Hi.', start: 9, paragraph: true },
      ],
      cut: [{ from: 8, to: 9, textLines: 1, marker: 'Transcribed by https://otter.ai', reason: 'the Otter.ai footer' }],
    });
  });

  test('cuts an export footer and everything after it', () => {
    const text = [
      'Anna Perez  0:01',
      'Hello.',
      'This transcript was exported on 3 May 2024 - view latest version here.',
      'More tool text',
    ].join('\n');
    const { cues, cut } = readMeetingExport(linesOf(text), nobody);
    expect(cues.map((cue) => cue.line)).toEqual([1, 2]);
    expect(cut).toEqual([
      {
        from: 3,
        to: 4,
        textLines: 2,
        marker: 'This transcript was exported on 3 May 2024 - view latest version here.',
        reason: 'the export footer',
      },
    ]);
  });
});

const vtt = (...blocks: string[]) => `WEBVTT\n\n${blocks.join('\n\n')}\n`;

describe('WebVTT', () => {
  const times = { start: 1, end: 2.5 };
  test.each<[string, string, Cue[]]>([
    [
      'a voice span, over two lines',
      vtt('00:00:01.000 --> 00:00:02.500\n<v Jane Doe>Hello there,\nand welcome.'),
      [{ label: 'Jane Doe', line: 4, text: 'Hello there,\nand welcome.', ...times }],
    ],
    [
      'a voice span with a class',
      vtt('00:00:01.000 --> 00:00:02.500\n<v.loud Jane Doe>Hello!</v>'),
      [{ label: 'Jane Doe', line: 4, text: 'Hello!', ...times }],
    ],
    [
      'a cue identifier before the times',
      vtt('intro-1\n00:00:01.000 --> 00:00:02.500\n<v Jane Doe>Hello.'),
      [{ label: 'Jane Doe', line: 5, text: 'Hello.', ...times }],
    ],
    [
      'a "Name:" prefix',
      vtt('00:00:01.000 --> 00:00:02.500\nJane Doe: Hello.'),
      [{ label: 'Jane Doe', line: 4, text: 'Hello.', ...times }],
    ],
    [
      'no speaker: the words continue the last one',
      vtt('00:00:01.000 --> 00:00:02.500\nand so on.'),
      [{ line: 4, text: 'and so on.', ...times }],
    ],
    [
      'two voices in one cue',
      vtt('00:00:01.000 --> 00:00:02.500\n<v Jane Doe>Ready?</v>\n<v Ben Okoro>Yes.</v>'),
      [
        { label: 'Jane Doe', line: 4, text: 'Ready?', ...times },
        { label: 'Ben Okoro', line: 5, text: 'Yes.', ...times },
      ],
    ],
    [
      'tags and entities',
      vtt('00:00:01.000 --> 00:00:02.500\n<v Jane Doe>Fish &amp; <i>chips</i>, <b>please</b>.'),
      [{ label: 'Jane Doe', line: 4, text: 'Fish & chips, please.', ...times }],
    ],
    [
      'a comment and a style block',
      vtt('NOTE written by hand', 'STYLE\n::cue { color: yellow }', '00:00:01.000 --> 00:00:02.500\n<v Jane Doe>Hi.'),
      [{ label: 'Jane Doe', line: 9, text: 'Hi.', ...times }],
    ],
    [
      'a direction is never a label',
      vtt('00:00:01.000 --> 00:00:02.500\n[Music]'),
      [{ line: 4, text: '[Music]', ...times }],
    ],
  ])('%s', async (_name, text, cues) => {
    expect(await readWebVtt(linesOf(text), nobody, 't.vtt')).toEqual({ cues, cut: [] });
  });

  test.each([
    [
      'a missing header',
      'Hello\n\n00:00:01.000 --> 00:00:02.000\nHi.\n',
      't.vtt:1: expected a valid WebVTT file, found: missing WEBVTT file header',
    ],
    [
      'a broken time',
      vtt('00:00:0x.000 --> 00:00:02.000\nHi.'),
      't.vtt:3: expected a valid WebVTT file, found: cue start timestamp `00:00:0x.000` is invalid',
    ],
    [
      'a block that is no cue',
      vtt('00:00:01.000 --> 00:00:02.000\nHi.', 'Lost words here'),
      't.vtt:6: Unexpected text outside any cue: expected a cue (a time line such as "00:00:01.000 --> 00:00:04.000", then its text), found "Lost words here"',
    ],
  ])('stops on %s, naming the line', async (_name, text, message) => {
    expect((await importError(() => readWebVtt(linesOf(text), nobody, 't.vtt'))).message).toBe(message);
  });
});

const srt = (...cues: string[]) => `${cues.map((cue, index) => `${index + 1}\n${cue}`).join('\n\n')}\n`;

describe('SRT', () => {
  const times = { start: 1, end: 2 };
  test.each<[string, string, Cue[]]>([
    [
      'a "Name:" prefix',
      srt('00:00:01,000 --> 00:00:02,000\nJane Doe: Hello,\nand welcome.'),
      [{ label: 'Jane Doe', line: 3, text: 'Hello,\nand welcome.', ...times }],
    ],
    [
      'a "[Name]" prefix',
      srt('00:00:01,000 --> 00:00:02,000\n[Jane Doe] Hello.'),
      [{ label: 'Jane Doe', line: 3, text: 'Hello.', ...times }],
    ],
    [
      'a "[Name]:" prefix',
      srt('00:00:01,000 --> 00:00:02,000\n[Jane Doe]: Hello.'),
      [{ label: 'Jane Doe', line: 3, text: 'Hello.', ...times }],
    ],
    [
      'a dialogue dash with a name',
      srt('00:00:01,000 --> 00:00:02,000\n- Jane Doe: Ready?\n- Ben Okoro: Yes.'),
      [
        { label: 'Jane Doe', line: 3, text: 'Ready?', ...times },
        { label: 'Ben Okoro', line: 4, text: 'Yes.', ...times },
      ],
    ],
    ['no prefix', srt('00:00:01,000 --> 00:00:02,000\nand so on.'), [{ line: 3, text: 'and so on.', ...times }]],
    [
      '"[Music]" is a direction, not a name',
      srt('00:00:01,000 --> 00:00:02,000\n[Music]'),
      [{ line: 3, text: '[Music]', ...times }],
    ],
    [
      '"[Laughter]" before words is a direction',
      srt('00:00:01,000 --> 00:00:02,000\n[Laughter] Fair enough.'),
      [{ line: 3, text: '[Laughter] Fair enough.', ...times }],
    ],
    [
      'a colon inside a sentence',
      srt('00:00:01,000 --> 00:00:02,000\nso the point is: we need both'),
      [{ line: 3, text: 'so the point is: we need both', ...times }],
    ],
  ])('%s', async (_name, text, cues) => {
    expect(await readSrt(linesOf(text), nobody, 't.srt')).toEqual({ cues, cut: [] });
  });

  test('stops on a change of speaker without a name (a dialogue dash)', async () => {
    const error = await importError(() =>
      readSrt(linesOf(srt('00:00:01,000 --> 00:00:02,000\n- Ready?\n- Yes.')), nobody, 't.srt'),
    );
    expect(error.message).toBe(
      't.srt:3: Unexpected change of speaker without a name: expected a "Name:" or "[Name]" prefix after "-", found "Ready?"',
    );
  });

  test('stops on a broken time, naming its line', async () => {
    const error = await importError(() =>
      readSrt(
        linesOf(srt('00:00:01,000 --> 00:00:02,000\nHi.', '00:00:03,000 --> 00:0x:04,000\nBye.')),
        nobody,
        't.srt',
      ),
    );
    expect(error.message).toBe(
      't.srt:6: expected a valid SRT file, found: cue end timestamp `00:0x:04.000` is invalid',
    );
  });
});

describe('Podcast Index JSON', () => {
  test('reads speaker, times and body; a body ending in a line break ends a paragraph; no speaker continues', () => {
    const text = [
      '{"version": "1.0.0", "segments": [',
      '  {"speaker": "Jane Doe", "startTime": 0.5, "endTime": 0.75, "body": "I"},',
      '  {"speaker": "Jane Doe", "startTime": 1, "endTime": 2.5, "body": "agree.\\n"},',
      '  {"startTime": 3, "body": "Really."}',
      ']}',
    ].join('\n');
    expect(readPodcastJson(linesOf(text), 't.json')).toEqual({
      cues: [
        { label: 'Jane Doe', line: 2, text: 'I', start: 0.5, end: 0.75, paragraph: false },
        { label: 'Jane Doe', line: 3, text: 'agree.', start: 1, end: 2.5, paragraph: false },
        { label: undefined, line: 4, text: 'Really.', start: 3, end: undefined, paragraph: true },
      ],
      cut: [],
    });
  });

  test.each([
    [
      'broken JSON',
      '{"version": "1.0.0",\n "segments": [\n  {"body": "Hi"\n]}',
      't.json:4: expected valid JSON, found a syntax error (CommaExpected)',
    ],
    [
      'a body that is not text',
      '{"segments": [\n  {"speaker": "A", "body": 3}\n]}',
      't.json:2: expected "body" of segment 1 to be text, found a number',
    ],
    [
      'a time that is not a number',
      '{"segments": [\n  {"speaker": "A", "startTime": "0:01", "body": "Hi"}\n]}',
      't.json:2: expected "startTime" of segment 1 to be a number of seconds, found text',
    ],
    [
      'no segments',
      '{"version": "1.0.0"}',
      't.json:1: expected a Podcast Index transcript with a "segments" list, found nothing there',
    ],
  ])('stops on %s, naming the line', (_name, text, message) => {
    expect(() => readPodcastJson(linesOf(text), 't.json')).toThrow(message);
  });
});

describe('diarized speech recognition JSON', () => {
  test.each<[string, string, Cue[]]>([
    [
      'WhisperX segments (seconds)',
      '{"segments": [\n  {"start": 0.5, "end": 2, "text": " Hello.", "speaker": "SPEAKER_00", "words": []},\n  {"start": 2.5, "end": 4, "text": " Hi.", "speaker": "SPEAKER_01"}\n]}',
      [
        { label: 'SPEAKER_00', line: 2, text: 'Hello.', start: 0.5, end: 2, paragraph: false },
        { label: 'SPEAKER_01', line: 3, text: 'Hi.', start: 2.5, end: 4, paragraph: false },
      ],
    ],
    [
      'AssemblyAI utterances (milliseconds)',
      '{"id": "x", "utterances": [\n  {"speaker": "A", "start": 500, "end": 2000, "text": "Hello.", "confidence": 0.9}\n]}',
      [{ label: 'A', line: 2, text: 'Hello.', start: 0.5, end: 2, paragraph: false }],
    ],
    [
      'Deepgram utterances (seconds, numbered speakers)',
      '{"results": {"utterances": [\n  {"speaker": 0, "start": 0.5, "end": 2, "transcript": "Hello."}\n]}}',
      [{ label: '0', line: 2, text: 'Hello.', start: 0.5, end: 2, paragraph: false }],
    ],
  ])('%s', (_name, text, cues) => {
    expect(readDiarizedJson(linesOf(text), 't.json')).toEqual({ cues, cut: [] });
  });

  test('stops on a segment the recogniser gave no speaker', () => {
    const text =
      '{"segments": [\n  {"start": 0, "end": 1, "text": "Hi.", "speaker": "SPEAKER_00"},\n  {"start": 1, "end": 2, "text": "Hm."}\n]}';
    expect(() => readDiarizedJson(linesOf(text), 't.json')).toThrow(
      't.json:3: Unexpected segment without a speaker: expected "speaker" on every segment (the recogniser left this one unassigned; add the speaker before importing), found none',
    );
  });
});

describe('detectFormat', () => {
  test.each<[string, string, FormatName]>([
    ['t.txt', '林舟：\n好。', 'plain-text'],
    ['t.txt', 'MODERATOR: Welcome.\nAnna Perez: Thanks.', 'plain-text'],
    ['t.txt', 'Anna Perez  0:00:01\nHello.\n\nBen Okoro  0:00:05\nHi.', 'meeting-export'],
    ['t.txt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.', 'webvtt'],
    ['captions.txt', '1\n00:00:01,000 --> 00:00:02,000\nHi.', 'srt'],
    ['t.txt', '{"version": "1.0.0", "segments": [{"speaker": "A", "startTime": 0, "body": "Hi"}]}', 'podcast-json'],
    ['t.txt', '{"segments": [{"start": 0, "end": 1, "text": "Hi", "speaker": "SPEAKER_00"}]}', 'diarized-json'],
    ['t.txt', '{"utterances": [{"start": 0, "end": 1, "text": "Hi", "speaker": "A"}]}', 'diarized-json'],
    ['t.vtt', 'Hello, no header here.', 'webvtt'],
    ['t.srt', 'Hello, no cue here.', 'srt'],
  ])('%s holding %j is %s', (file, text, format) => {
    expect(detectFormat(text, file).format).toBe(format);
  });

  test('JSON of another shape stops, saying which shapes are read', () => {
    expect(() => detectFormat('{"chapters": []}', 't.json')).toThrow('t.json:1: expected a Podcast Index transcript');
  });
});

describe('an unknown label stops the import in every format, naming its line and label', () => {
  const SPEAKERS = { 'Anna Perez': 'anna-perez', 'Ben Okoro': 'ben-okoro', SPEAKER_00: 'anna-perez' };
  test.each<[string, string, string, number, string]>([
    [
      'plain text, inline ("Speaker 5" is not folded into Ben\'s words)',
      't.txt',
      'Anna Perez: Hello.\nBen Okoro: Hi.\nSpeaker 5: I disagree.',
      3,
      'Speaker 5',
    ],
    ['plain text, alone on its line', 't.txt', 'Anna Perez:\nHello.\nMODERATOR:\nThanks.', 3, 'MODERATOR'],
    [
      'plain text, with a title and an affiliation',
      't.txt',
      'Anna Perez: Hello.\nSen. Richard Roe (D-CT): Thank you.',
      2,
      'Sen. Richard Roe (D-CT)',
    ],
    ['a meeting export', 't.txt', 'Anna Perez  0:01\nHello.\n\nCarla Diaz  0:05\nHi.', 4, 'Carla Diaz'],
    [
      'WebVTT, a voice span',
      't.vtt',
      vtt('00:00:01.000 --> 00:00:02.000\n<v Anna Perez>Hello.', '00:00:03.000 --> 00:00:04.000\n<v Carla Diaz>Hi.'),
      7,
      'Carla Diaz',
    ],
    [
      'WebVTT, a prefix',
      't.vtt',
      vtt('00:00:01.000 --> 00:00:02.000\n<v Anna Perez>Hello.', '00:00:03.000 --> 00:00:04.000\nCarla Diaz: Hi.'),
      7,
      'Carla Diaz',
    ],
    [
      'SRT, a prefix',
      't.srt',
      srt('00:00:01,000 --> 00:00:02,000\nAnna Perez: Hello.', '00:00:03,000 --> 00:00:04,000\nCarla Diaz: Hi.'),
      7,
      'Carla Diaz',
    ],
    [
      'SRT, a bracket',
      't.srt',
      srt('00:00:01,000 --> 00:00:02,000\nAnna Perez: Hello.', '00:00:03,000 --> 00:00:04,000\n[Carla Diaz] Hi.'),
      7,
      'Carla Diaz',
    ],
    [
      'Podcast Index JSON',
      't.json',
      '{"segments": [\n{"speaker": "Anna Perez", "body": "Hello."},\n{"speaker": "Carla Diaz", "body": "Hi."}\n]}',
      3,
      'Carla Diaz',
    ],
    [
      'diarized JSON',
      't.json',
      '{"segments": [\n{"speaker": "SPEAKER_00", "start": 0, "end": 1, "text": "Hello."},\n{"speaker": "SPEAKER_02", "start": 1, "end": 2, "text": "Hi."}\n]}',
      3,
      'SPEAKER_02',
    ],
  ])('%s', async (_name, file, text, line, label) => {
    const resolver = fakeResolver(SPEAKERS, file);
    const prepared = prepareTranscript(text, { file, markers: {} });
    const error = await importError(() => readTranscript(prepared, resolver));
    expect(error.line).toBe(line);
    expect(error.message).toBe(`${file}:${line}: Unexpected speaker label ${JSON.stringify(label)}`);
    expect(resolver.calls.at(-1)).toEqual([label, line]);
  });
});
