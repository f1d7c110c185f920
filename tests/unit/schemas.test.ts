import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import {
  AnchorSchema,
  describeSchema,
  FactSchema,
  FactSourceSchema,
  isIsoDate,
  IsoDateSchema,
  showFound,
  strictObject,
} from '../../src/schemas/common';
import { SpeakerSchema } from '../../src/schemas/speaker';
import { TalkSchema } from '../../src/schemas/talk';
import { TranslatedSpeakerSchema } from '../../src/schemas/translation';
import { TurnSchema } from '../../src/schemas/turn';

/** The issues of a failed parse as `path: message` lines (fails the test if the parse succeeds). */
function issuesOf(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected the parse to fail, it gave ${JSON.stringify(result.data)}`);
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function parsed<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`expected the parse to succeed: ${result.error.message}`);
  return result.data;
}

const ANCHOR_RULE =
  'expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough")';
const NO_SOURCE =
  'expected a `source` (an http(s) URL, "transcript" or "talk:<slug>") or `unverified: true`, found neither';
const TURN_FIELDS = 'anchor, position, speaker, sourceLabel, quotes, start, paragraphStarts';

const turn = { anchor: 'yao-rl-breakthrough', position: 2, speaker: 'yao-qizhi' };
const fact = { text: '上海世博中心', source: 'transcript' };
const speaker = {
  name: '姚期智',
  latinName: 'Andrew Chi-Chih Yao',
  color: 'indigo',
  role: fact,
  affiliation: { text: '清华大学', source: 'https://www.tsinghua.edu.cn/' },
};
const talk = {
  title: '创想共论·智变可能',
  summary: '一场圆桌论坛。',
  event: { name: 'WAIC 2023', fullName: '2023 世界人工智能大会' },
  date: { text: '2023-07-06', source: 'transcript' },
  venue: fact,
  session: fact,
  participants: [{ speaker: 'xu-li', part: 'host' }],
  source: { publisher: { text: '某公众号', unverified: true }, title: '实录' },
};

describe('TurnSchema', () => {
  test('parses a minimal turn and fills in the defaults', () => {
    expect(parsed(TurnSchema, turn)).toEqual({ ...turn, quotes: [] });
  });

  test('parses a turn with a source label and a key quote', () => {
    const full = { ...turn, sourceLabel: '姚院士', quotes: [{ id: 'embodied', headline: '标题', span: '原文' }] };
    expect(parsed(TurnSchema, full)).toEqual(full);
  });

  test('parses the times an import from a timed transcript writes', () => {
    const timed = { ...turn, start: 12.5, paragraphStarts: [12.5, 20] };
    expect(parsed(TurnSchema, timed)).toEqual({ ...timed, quotes: [] });
  });

  test('rejects a negative time', () => {
    expect(issuesOf(TurnSchema, { ...turn, start: -1 })).toHaveLength(1);
    expect(issuesOf(TurnSchema, { ...turn, paragraphStarts: [1, -2] })[0]).toMatch(/^paragraphStarts\.1: /);
  });

  test('names an unknown field, at its own path, and lists the expected ones', () => {
    expect(issuesOf(TurnSchema, { ...turn, speakr: 'yao-qizhi' })).toEqual([
      `speakr: Unexpected field "speakr", expected one of: ${TURN_FIELDS}`,
    ]);
  });

  test('names each of several unknown fields at its own path', () => {
    expect(issuesOf(TurnSchema, { ...turn, x: 1, y: 2 })).toEqual([
      `x: Unexpected field "x", expected one of: ${TURN_FIELDS}`,
      `y: Unexpected field "y", expected one of: ${TURN_FIELDS}`,
    ]);
  });

  test('names an unknown field of a key quote with its path', () => {
    expect(issuesOf(TurnSchema, { ...turn, quotes: [{ id: 'a', headline: 'h', span: 's', x: 1 }] })).toEqual([
      'quotes.0.x: Unexpected field "x", expected one of: id, headline, span',
    ]);
  });

  test.each([
    ['anchor', 'text'],
    ['position', 'a number'],
    ['speaker', 'text'],
  ] as const)('names the missing required field %s and what belongs there', (field, expected) => {
    const { [field]: _dropped, ...rest } = turn;
    expect(issuesOf(TurnSchema, rest)).toEqual([
      `${field}: expected ${expected}, found nothing (the field is required)`,
    ]);
  });

  test('names every missing required field at once', () => {
    expect(issuesOf(TurnSchema, {})).toEqual([
      'anchor: expected text, found nothing (the field is required)',
      'position: expected a number, found nothing (the field is required)',
      'speaker: expected text, found nothing (the field is required)',
    ]);
  });

  test('names the missing fields of a key quote with their path', () => {
    expect(issuesOf(TurnSchema, { ...turn, quotes: [{ id: 'a' }] })).toEqual([
      'quotes.0.headline: expected text, found nothing (the field is required)',
      'quotes.0.span: expected text, found nothing (the field is required)',
    ]);
  });

  test.each([
    ['null (an empty YAML document)', null, 'null (an empty value)'],
    ['a list', [turn], 'a list'],
    ['text', 'yao-qizhi', '"yao-qizhi"'],
    ['a number', 2, '2'],
  ])('rejects %s where a mapping of fields belongs', (_name, value, found) => {
    expect(issuesOf(TurnSchema, value)).toEqual([`: expected a mapping of fields (${TURN_FIELDS}), found ${found}`]);
  });

  test('rejects a key quote that is not a mapping, with its path', () => {
    expect(issuesOf(TurnSchema, { ...turn, quotes: ['金句'] })).toEqual([
      'quotes.0: expected a mapping of fields (id, headline, span), found "金句"',
    ]);
  });

  test.each(['Yao-RL', 'yao_rl', 'yao--rl', '-yao', 'yao-', '姚', '', 'yao rl', 'yao/rl', '../x'])(
    'rejects the anchor %j',
    (anchor) => {
      expect(issuesOf(TurnSchema, { ...turn, anchor })).toEqual([
        `anchor: ${ANCHOR_RULE}, found ${JSON.stringify(anchor)}`,
      ]);
    },
  );

  test('rejects an anchor longer than 64 characters', () => {
    expect(parsed(AnchorSchema, 'a'.repeat(64))).toBe('a'.repeat(64));
    // The found value is cut to 60 characters: the opening quote, 58 letters and an ellipsis.
    expect(issuesOf(TurnSchema, { ...turn, anchor: 'a'.repeat(65) })).toEqual([
      `anchor: ${ANCHOR_RULE}, found "${'a'.repeat(58)}…`,
    ]);
  });

  test.each(['con', 'prn', 'aux', 'nul', 'com1', 'lpt9'])(
    'rejects the anchor %j, a name Windows reserves for a device',
    (anchor) => {
      expect(issuesOf(TurnSchema, { ...turn, anchor })).toEqual([
        `anchor: ${ANCHOR_RULE}, found ${JSON.stringify(anchor)}, a name Windows reserves for a device`,
      ]);
    },
  );

  // One pattern for every id: talk slugs and note labels may start with a digit, so anchors may too.
  test.each(['a', 'yao-rl-2', 'q1-a1b2', '1st-turn', 'console', 'com10'])('accepts the anchor %j', (anchor) => {
    expect(parsed(AnchorSchema, anchor)).toBe(anchor);
  });

  test.each([0, -1, 1.5])('rejects the position %j', (position) => {
    expect(issuesOf(TurnSchema, { ...turn, position })).toHaveLength(1);
    expect(issuesOf(TurnSchema, { ...turn, position })[0]).toMatch(/^position: /);
  });

  test('rejects a key quote with a bad id', () => {
    expect(issuesOf(TurnSchema, { ...turn, quotes: [{ id: 'Bad Id', headline: 'h', span: 's' }] })).toEqual([
      `quotes.0.id: ${ANCHOR_RULE}, found "Bad Id"`,
    ]);
  });

  test('rejects a blank span after trimming', () => {
    expect(issuesOf(TurnSchema, { ...turn, quotes: [{ id: 'a', headline: 'h', span: '   ' }] })).toEqual([
      'quotes.0.span: String must contain at least 1 character(s)',
    ]);
  });
});

describe('FactSchema', () => {
  test('parses a fact with a source, unverified defaulting to false', () => {
    expect(parsed(FactSchema, fact)).toEqual({ ...fact, unverified: false });
  });

  test('parses an unverified fact without a source', () => {
    expect(parsed(FactSchema, { text: '未知', unverified: true })).toEqual({ text: '未知', unverified: true });
  });

  test.each([
    ['without source and unverified', { text: '上海' }],
    ['with unverified: false', { text: '上海', unverified: false }],
  ])('rejects a fact %s, on the source field', (_name, value) => {
    expect(issuesOf(FactSchema, value)).toEqual([`source: ${NO_SOURCE}`]);
  });

  test('names an unknown field of a fact', () => {
    expect(issuesOf(FactSchema, { ...fact, sorce: 'x' })).toEqual([
      'sorce: Unexpected field "sorce", expected one of: text, source, unverified',
    ]);
  });

  test('names a misspelt source and, as the fact then has none, the missing source', () => {
    expect(issuesOf(FactSchema, { text: '上海', sorce: 'transcript' })).toEqual([
      'sorce: Unexpected field "sorce", expected one of: text, source, unverified',
      `source: ${NO_SOURCE}`,
    ]);
  });

  test('names a missing text', () => {
    expect(issuesOf(FactSchema, { source: 'transcript' })).toEqual([
      'text: expected text, found nothing (the field is required)',
    ]);
  });

  test('trims the text and rejects a blank one', () => {
    expect(parsed(FactSchema, { ...fact, text: '  上海 ' }).text).toBe('上海');
    expect(issuesOf(FactSchema, { ...fact, text: ' ' })).toEqual(['text: String must contain at least 1 character(s)']);
  });
});

describe('FactSourceSchema', () => {
  test.each(['transcript', 'talk:waic-2023-roundtable', 'talk:a', 'https://example.org/a?b=1#c', 'http://example.org'])(
    'accepts %j',
    (source) => {
      expect(parsed(FactSourceSchema, source)).toBe(source);
    },
  );

  test.each(['', 'Transcript', 'transcript ', 'see transcript', 'example.org/page', '/relative/path'])(
    'rejects %j',
    (source) => {
      expect(FactSourceSchema.safeParse(source).success).toBe(false);
    },
  );

  // The URL branch takes http(s) only: a mistyped `talk:` source and a `javascript:` URL (which
  // SourceNotes would turn into an href) must not pass as URLs.
  test.each([
    'talk:Bad_Slug',
    'talk:',
    'talk:con',
    'javascript:alert(1)',
    'mailto:a@example.org',
    'ftp://example.org/a',
    'https://',
    'https:\\\\evil.example',
  ])('rejects %j (a URL scheme other than http or https)', (source) => {
    expect(FactSourceSchema.safeParse(source).success).toBe(false);
  });
});

describe('SpeakerSchema', () => {
  test('parses a speaker, aliases defaulting to none', () => {
    expect(parsed(SpeakerSchema, speaker)).toEqual({
      ...speaker,
      aliases: [],
      role: { ...fact, unverified: false },
      affiliation: { ...speaker.affiliation, unverified: false },
    });
  });

  test('names an unknown field and lists the expected ones', () => {
    expect(issuesOf(SpeakerSchema, { ...speaker, colour: 'blue' })).toEqual([
      'colour: Unexpected field "colour", expected one of: name, latinName, aliases, initials, color, role, affiliation, profile',
    ]);
  });

  test('rejects a colour outside the palette', () => {
    expect(issuesOf(SpeakerSchema, { ...speaker, color: 'pink' })).toHaveLength(1);
    expect(issuesOf(SpeakerSchema, { ...speaker, color: 'pink' })[0]).toMatch(/^color: Invalid enum value/);
  });

  test('rejects initials longer than two characters', () => {
    expect(parsed(SpeakerSchema, { ...speaker, initials: '期智' }).initials).toBe('期智');
    expect(issuesOf(SpeakerSchema, { ...speaker, initials: '姚期智' })).toEqual([
      'initials: String must contain at most 2 character(s)',
    ]);
  });

  test('rejects a role fact without source or unverified, on role.source', () => {
    expect(issuesOf(SpeakerSchema, { ...speaker, role: { text: '教授' } })).toEqual([`role.source: ${NO_SOURCE}`]);
  });
});

describe('TranslatedSpeakerSchema', () => {
  const english = {
    name: { text: 'Andrew Chi-Chih Yao', source: 'https://example.org/yao' },
    role: { text: 'Professor', source: 'transcript' },
    affiliation: { text: 'Tsinghua University', source: 'transcript' },
  };

  test('takes a family name at the start or the end of the name, and none', () => {
    expect(parsed(TranslatedSpeakerSchema, { ...english, family: 'Yao' }).family).toBe('Yao');
    const yang = { ...english, name: { text: 'Yang Zhilin', source: 'https://example.org/yang' }, family: 'Yang' };
    expect(parsed(TranslatedSpeakerSchema, yang).family).toBe('Yang');
    expect(parsed(TranslatedSpeakerSchema, english).family).toBeUndefined();
  });

  test.each(['Chen', 'Chi-Chih', 'Ya', 'Andrew Chi-Chih Yao'])(
    'stops on the family name %s, which is not the first or last word(s) of the name',
    (family) => {
      expect(issuesOf(TranslatedSpeakerSchema, { ...english, family })).toEqual([
        `family: expected the first or last word(s) of name.text "Andrew Chi-Chih Yao", found "${family}"`,
      ]);
    },
  );

  test('reports a missing name once, without checking a family name against it', () => {
    expect(
      issuesOf(TranslatedSpeakerSchema, { role: english.role, affiliation: english.affiliation, family: 'Yao' }),
    ).toEqual(['name: expected a mapping of fields, found nothing (the field is required)']);
  });
});

describe('TalkSchema', () => {
  test('parses a minimal talk and fills in the defaults', () => {
    const result = parsed(TalkSchema, talk);
    expect(result.language).toBe('zh-CN');
    expect(result.outline).toEqual([]);
    expect(result.date).toEqual({ text: '2023-07-06', source: 'transcript', unverified: false });
  });

  test('turns a date that YAML read as a JS Date back into "YYYY-MM-DD"', () => {
    const result = parsed(TalkSchema, { ...talk, date: { text: new Date('2023-07-06'), source: 'transcript' } });
    expect(result.date.text).toBe('2023-07-06');
  });

  test.each([
    [new Date(Date.UTC(2024, 0, 31)), '2024-01-31'],
    [new Date(Date.UTC(1999, 11, 31, 23, 59)), '1999-12-31'],
  ])('turns the Date %s into %j', (date, expected) => {
    expect(parsed(IsoDateSchema, date)).toBe(expected);
  });

  test.each(['2023-7-6', '2023/07/06', '6 July 2023'])('rejects the date text %j', (text) => {
    expect(issuesOf(TalkSchema, { ...talk, date: { text, source: 'transcript' } })).toEqual([
      `date.text: expected an ISO date YYYY-MM-DD, found ${JSON.stringify(text)}`,
    ]);
  });

  test('rejects an invalid JS Date', () => {
    expect(issuesOf(IsoDateSchema, new Date('not a date'))).toEqual([': Expected string, received date']);
  });

  test.each(['2023-02-30', '2023-13-01', '2023-00-10', '2023-02-29', '1900-02-29'])(
    'rejects the impossible date %j',
    (text) => {
      expect(issuesOf(IsoDateSchema, text)).toEqual([
        `: expected an ISO date YYYY-MM-DD, found ${JSON.stringify(text)}`,
      ]);
    },
  );

  test.each(['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01'])('accepts the real date %j', (text) => {
    expect(parsed(IsoDateSchema, text)).toBe(text);
  });

  test('names an unknown field and lists the expected ones', () => {
    expect(issuesOf(TalkSchema, { ...talk, speakers: [] })).toEqual([
      'speakers: Unexpected field "speakers", expected one of: title, subtitle, summary, event, date, venue, session, language, participants, labels, source, outline, images',
    ]);
  });

  test('names an unknown field of a nested object with its path', () => {
    expect(issuesOf(TalkSchema, { ...talk, participants: [{ speaker: 'xu-li', part: 'host', rol: 'x' }] })).toEqual([
      'participants.0.rol: Unexpected field "rol", expected one of: speaker, part, role, affiliation',
    ]);
    expect(issuesOf(TalkSchema, { ...talk, outline: [{ id: 'a', title: 't', start: 'b', end: 'c' }] })).toEqual([
      'outline.0.end: Unexpected field "end", expected one of: id, title, question, start',
    ]);
  });

  test('publishes no images unless the talk says so', () => {
    expect(parsed(TalkSchema, talk).images).toBeUndefined();
    expect(parsed(TalkSchema, { ...talk, images: true }).images).toBe(true);
  });

  test.each([
    ['javascript:alert(1)', 'the scheme "javascript"'],
    ['data:text/html,<script>alert(1)</script>', 'the scheme "data"'],
    ['/waic-2023-roundtable/', 'no scheme'],
  ])('refuses the URL %j in event.url and source.url, naming the field and the value', (url, problem) => {
    const found = JSON.stringify(url.length > 60 ? `${url.slice(0, 59)}…` : url);
    expect(issuesOf(TalkSchema, { ...talk, event: { ...talk.event, url }, source: { ...talk.source, url } })).toEqual([
      `event.url: expected an http(s) URL, found ${found} (${problem})`,
      `source.url: expected an http(s) URL, found ${found} (${problem})`,
    ]);
  });

  test('accepts http(s) URLs in event.url and source.url', () => {
    const url = 'https://www.worldaic.com.cn/';
    expect(
      parsed(TalkSchema, { ...talk, event: { ...talk.event, url }, source: { ...talk.source, url } }).source.url,
    ).toBe(url);
  });

  test('rejects a talk without participants', () => {
    expect(issuesOf(TalkSchema, { ...talk, participants: [] })).toEqual([
      'participants: Array must contain at least 1 element(s)',
    ]);
  });

  test('rejects a section whose id or start is not an anchor', () => {
    expect(issuesOf(TalkSchema, { ...talk, outline: [{ id: 'Intro', title: '开场', start: 'xu_li' }] })).toEqual([
      `outline.0.id: ${ANCHOR_RULE}, found "Intro"`,
      `outline.0.start: ${ANCHOR_RULE}, found "xu_li"`,
    ]);
  });

  test('rejects a part other than host or guest', () => {
    expect(issuesOf(TalkSchema, { ...talk, participants: [{ speaker: 'xu-li', part: 'moderator' }] })[0]).toMatch(
      /^participants\.0\.part: Invalid enum value/,
    );
  });
});

describe('strictObject', () => {
  const Pair = strictObject({ name: z.string(), count: z.number().optional() });

  test('parses a mapping with its known fields', () => {
    expect(parsed(Pair, { name: 'a' })).toEqual({ name: 'a' });
    expect(parsed(Pair, { name: 'a', count: 2 })).toEqual({ name: 'a', count: 2 });
  });

  test('reports an unknown field at its path, and no missing-field issue for an optional field', () => {
    expect(issuesOf(Pair, { name: 'a', cnt: 2 })).toEqual([
      'cnt: Unexpected field "cnt", expected one of: name, count',
    ]);
  });

  test('reports a missing required field, not an optional one', () => {
    expect(issuesOf(Pair, {})).toEqual(['name: expected text, found nothing (the field is required)']);
  });

  test('treats a field set to undefined as missing', () => {
    expect(issuesOf(Pair, { name: undefined })).toEqual(['name: expected text, found nothing (the field is required)']);
  });

  test('checks the values of known fields', () => {
    expect(issuesOf(Pair, { name: 1 })).toEqual(['name: Expected string, received number']);
  });

  test.each([
    [null, 'null (an empty value)'],
    [undefined, 'nothing'],
    [['a'], 'a list'],
    ['a', '"a"'],
    [true, 'true'],
  ])('rejects %j where a mapping belongs', (value, found) => {
    expect(issuesOf(Pair, value)).toEqual([`: expected a mapping of fields (name, count), found ${found}`]);
  });
});

describe('describeSchema', () => {
  test.each<[string, z.ZodTypeAny, string]>([
    ['a string', z.string().trim().min(1), 'text'],
    ['a number', z.number().int().positive(), 'a number'],
    ['a boolean', z.boolean(), 'true or false'],
    ['an array', z.array(z.string()), 'a list'],
    ['an object', z.object({ a: z.string() }), 'a mapping of fields'],
    ['a strict object', strictObject({ a: z.string() }), 'a mapping of fields'],
    ['a fact (a refined strict object)', FactSchema, 'a mapping of fields'],
    ['an enum', z.enum(['host', 'guest']), 'one of "host", "guest"'],
    ['a literal', z.literal('transcript'), '"transcript"'],
    ['a union', z.union([z.literal('transcript'), z.number()]), '"transcript" or a number'],
    ['an optional', z.string().optional(), 'text'],
    ['a default', z.array(z.string()).default([]), 'a list'],
    ['a nullable', z.number().nullable(), 'a number'],
    ['a preprocessed date', IsoDateSchema, 'text'],
    ['an anchor (a refined string)', AnchorSchema, 'text'],
    ['anything else', z.date(), 'a value'],
  ])('describes %s as %j', (_name, schema, expected) => {
    expect(describeSchema(schema)).toBe(expected);
  });
});

describe('showFound', () => {
  test.each<[string, unknown, string]>([
    ['undefined', undefined, 'nothing'],
    ['null', null, 'null (an empty value)'],
    ['a list', [1, 2], 'a list'],
    ['a Date', new Date(Date.UTC(2023, 6, 6)), 'the date 2023-07-06'],
    ['a mapping', { a: 1 }, 'a mapping of fields'],
    ['text', '徐立', '"徐立"'],
    ['a number', 12, '12'],
    ['a boolean', false, 'false'],
    ['text of exactly 60 characters as JSON', 'x'.repeat(58), `"${'x'.repeat(58)}"`],
    ['longer text, cut to 59 characters and an ellipsis', 'x'.repeat(59), `"${'x'.repeat(58)}…`],
  ])('shows %s', (_name, value, expected) => {
    expect(showFound(value)).toBe(expected);
  });
});

describe('isIsoDate', () => {
  test.each(['2023-07-06', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %j', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  test.each([
    '2023-02-30',
    '2023-02-29',
    '1900-02-29',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '2023-01-00',
    '2023-7-6',
    '2023-07-06T00:00:00Z',
    ' 2023-07-06',
    '',
  ])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('schema problems reported in our words, without throwing', () => {
  test.each<[string, z.ZodTypeAny, unknown, string]>([
    [
      'a null fact',
      FactSchema,
      null,
      ': expected a mapping of fields (text, source, unverified), found null (an empty value)',
    ],
    [
      'a speaker whose role is empty',
      SpeakerSchema,
      { ...speaker, role: null },
      'role: expected a mapping of fields (text, source, unverified), found null (an empty value)',
    ],
    [
      'a speaker without a role',
      SpeakerSchema,
      (({ role: _r, ...rest }) => rest)(speaker),
      'role: expected a mapping of fields, found nothing (the field is required)',
    ],
    [
      'a talk without a venue',
      TalkSchema,
      (({ venue: _v, ...rest }) => rest)(talk),
      'venue: expected a mapping of fields, found nothing (the field is required)',
    ],
  ])('reports %s instead of throwing', (_name, schema, value, expected) => {
    expect(issuesOf(schema, value)).toEqual([expected]);
  });

  test('reports an unknown field together with a bad value of a known field', () => {
    expect(issuesOf(TurnSchema, { ...turn, anchor: 'Bad', speakr: 'x' })).toEqual([
      `speakr: Unexpected field "speakr", expected one of: ${TURN_FIELDS}`,
      `anchor: ${ANCHOR_RULE}, found "Bad"`,
    ]);
  });

  test('explains a source that is neither an http(s) URL, "transcript" nor "talk:<slug>"', () => {
    expect(issuesOf(FactSchema, { ...fact, source: 'ftp://example.org/a' })).toEqual([
      'source: expected an http(s) URL, "transcript" or "talk:<slug>", found "ftp://example.org/a"',
    ]);
  });
});
