/**
 * A translation becomes an edition: the base fixture's talk with its English translation
 * (tests/fixtures/content/translated/) read as the build reads it, then the build stopping on
 * each problem the translation review reports, naming file, field, expected and found.
 */
import { describe, expect, test } from 'vitest';
import type { Catalog } from '../../src/lib/content/catalog';
import { fixtureCatalog, fixtureFiles, withTranslation } from '../helpers/fixture-content';

const EN = 'content/talks/fixture-talk/translations/en';
const TURNS = 'talks/fixture-talk/translations/en/turns';

async function translated(change: (files: Map<string, string>) => void = () => {}): Promise<Map<string, string>> {
  const files = await withTranslation(await fixtureFiles());
  change(files);
  return files;
}

/** Replaces `from` by `to` in one file, which must contain it (so a case cannot silently test nothing). */
function edit(files: Map<string, string>, rel: string, from: string | RegExp, to: string): void {
  const text = files.get(rel);
  if (text === undefined || !(typeof from === 'string' ? text.includes(from) : from.test(text)))
    throw new Error(`expected ${String(from)} in ${rel}`);
  files.set(rel, text.replace(from, to));
}

/** The build's message for these files (fixtureCatalog throws what buildCatalog throws). */
async function messageOf(files: Map<string, string>): Promise<string> {
  try {
    await fixtureCatalog(files);
  } catch (error) {
    if (error instanceof Error && error.name === 'ContentError') return error.message;
    throw error;
  }
  throw new Error('expected the content check to fail, found no problem');
}

describe('an edition built from a translation', () => {
  let catalog: Catalog;
  const english = () => catalog.translations.get('en')!.talks[0]!;
  const original = () => catalog.talks[0]!;

  test('exists for the translated talk, linked both ways', async () => {
    catalog = await fixtureCatalog(await translated());
    expect([...catalog.translations.keys()]).toEqual(['en']);
    expect(catalog.translations.get('en')!.talks.map((talk) => talk.slug)).toEqual(['fixture-talk']);
    expect(original().translations.get('en')).toBe(english());
    expect(english().original).toBe(original());
    expect(english().translations.size).toBe(0);
    expect(original().language).toBe('zh-CN');
    expect(english().language).toBe('en');
  });

  test("has the original's anchors, positions, speakers, sections and quote ids", () => {
    const shape = (talk: ReturnType<typeof english>) => ({
      turns: talk.turns.map((turn) => [turn.anchor, turn.position, turn.speaker.id, turn.paragraphs]),
      sections: talk.sections.map((section) => [section.id, section.start, section.turns.map((turn) => turn.anchor)]),
      quotes: talk.quotes.map((quote) => [quote.id, quote.anchor, quote.turnAnchor, quote.speaker.id]),
      participants: talk.participants.map((person) => [person.id, person.part, person.turnCount, person.color]),
      date: talk.data.date,
    });
    expect(shape(english())).toEqual(shape(original()));
  });

  test('has the words in English: talk, outline, names, facts, quotes, notes', () => {
    const talk = english();
    expect(talk.data.title).toBe('Test roundtable');
    expect(talk.data.event).toEqual({ name: 'Fixture 2024', fullName: '2024 Huitan Test Conference' });
    expect(talk.data.source.editorialNote).toBe('For build tests only.');
    expect(talk.sections.map((section) => [section.title, section.question])).toEqual([
      ['Why test data', 'What is test data for?'],
      ['Where test data stops', undefined],
    ]);
    const he = talk.participants.find((person) => person.id === 'he-yun')!;
    expect([he.name, he.latinName, he.initials, he.role.text]).toEqual([
      'Yun He',
      'Yun He',
      'YH',
      'Associate Professor',
    ]);
    expect(he.aliases).toEqual(['He Yun', '何云', '小何']);
    // The family name its speaker file gives (for APA's "He, Y."); the original's speakers have none.
    expect(he.family).toBe('He');
    expect(talk.participants.find((person) => person.id === 'lin-zhou')!.family).toBeUndefined();
    expect(original().participants.every((person) => person.family === undefined)).toBe(true);
    expect(catalog.translations.get('en')!.speakers.get('song-ming')!.name).toBe('Song Ming');
    const quote = talk.quotes[0]!;
    expect([quote.headline, quote.span]).toEqual([
      'Bad content should never publish.',
      'once bad content is published, it is hard to take back',
    ]);
    const turn = talk.turns[1]!;
    expect(turn.collection).toBe('translatedTurns');
    expect(turn.entryId).toBe('fixture-talk/translations/en/turns/02-he-why-fixtures');
    expect(turn.notes.map((note) => [note.label, note.kind])).toEqual([['tn-take-back', 'translator']]);
    expect(turn.excerpt.startsWith('I think the most important use of test data')).toBe(true);
    expect(talk.turns[3]!.sourceLabel).toBe('Professor Song');
    expect(talk.translation).toMatchObject({ lang: 'en', by: 'Huitan', date: '2024-06-01' });
    expect(talk.translation!.glossary.map((term) => term.translation)).toEqual(['test data']);
  });

  test('counts English in words, the original in characters', () => {
    expect(english().measure.unit).toBe('words');
    expect(original().measure.unit).toBe('characters');
    // "Thank you, Professor He. Professor Song Ming, does test data have its limits?"
    expect(english().turns[2]!.length).toBe(13);
    expect(original().turns.every((turn) => turn.collection === 'turns')).toBe(true);
  });
});

describe('a talk without a translations folder', () => {
  test('has no edition and no translated views', async () => {
    const catalog = await fixtureCatalog(await fixtureFiles());
    expect(catalog.translations.size).toBe(0);
    expect(catalog.talks.every((talk) => talk.translations.size === 0 && talk.translation === undefined)).toBe(true);
  });
});

describe('a broken translation stops the build, naming file, field, expected and found', () => {
  test.each<[string, (files: Map<string, string>) => void, string[]]>([
    [
      'a turn without its translation',
      (files) => files.delete(`${TURNS}/04-song-limits.md`),
      [
        `${EN}/turns/04-song-limits.md field "file": expected a translation of content/talks/fixture-talk/turns/04-song-limits.md (anchor "song-limits"), found no translated turn with that anchor`,
      ],
    ],
    [
      'a translated turn whose anchor is unknown',
      (files) => edit(files, `${TURNS}/03-lin-asks-song.md`, 'anchor: lin-asks-song', 'anchor: lin-asks-sung'),
      [
        `${EN}/turns/03-lin-asks-song.md field "anchor": expected an anchor of the original talk ("lin-opening", "he-why-fixtures", "lin-asks-song", "song-limits"), found "lin-asks-sung"`,
      ],
    ],
    [
      'a paragraph count that differs from the original',
      (files) => edit(files, `${TURNS}/04-song-limits.md`, 'new problems.\n\nSo', 'new problems. So'),
      [
        `${EN}/turns/04-song-limits.md field "body": expected 2 paragraphs, one for each paragraph of content/talks/fixture-talk/turns/04-song-limits.md, found 1 paragraph`,
      ],
    ],
    [
      'an English key-quote span that occurs twice',
      (files) => edit(files, `${TURNS}/02-he-why-fixtures.md`, /span: .*/, 'span: the'),
      [`${EN}/turns/02-he-why-fixtures.md field "quotes[0].span": expected text that occurs exactly once in the turn`],
    ],
    [
      'an English key-quote span that does not occur',
      (files) => edit(files, `${TURNS}/02-he-why-fixtures.md`, /span: .*/, 'span: bad content never publishes'),
      [
        `${EN}/turns/02-he-why-fixtures.md field "quotes[0].span": expected text that occurs exactly once in the turn, found 0 occurrences of "bad content never publishes"`,
      ],
    ],
    [
      'a note only the translation has',
      (files) =>
        edit(
          files,
          `${TURNS}/01-lin-opening.md`,
          'test data.\n',
          'test data.[^fixtures]\n\n[^fixtures]: [Context] Test data is data made for tests, unverified.\n',
        ),
      [
        `${EN}/turns/01-lin-opening.md field "body": expected only the notes of content/talks/fixture-talk/turns/01-lin-opening.md and translator's notes, found the context note [^fixtures], which content/talks/fixture-talk/turns/01-lin-opening.md does not have`,
      ],
    ],
    [
      'a note only the original has',
      (files) =>
        edit(
          files,
          'talks/fixture-talk/turns/03-lin-asks-song.md',
          '谢谢何老师。',
          '谢谢何老师[^he]。\n\n[^he]: 【背景】何云，未核实。\n\n',
        ),
      [
        `${EN}/turns/03-lin-asks-song.md field "body": expected the note [^he] (context) of content/talks/fixture-talk/turns/03-lin-asks-song.md, translated, found no note with that label`,
      ],
    ],
    [
      'an enforced glossary term not used',
      (files) => edit(files, `${TURNS}/03-lin-asks-song.md`, 'does test data', 'do fixtures'),
      [
        `${EN}/turns/03-lin-asks-song.md field "body paragraph 1": expected "test data" for "测试数据" (${EN}/glossary.yaml), found a paragraph without it`,
      ],
    ],
    [
      'a fact with another source than the original',
      (files) => edit(files, 'translations/en/speakers/he-yun.yaml', 'source: transcript', 'source: talk:fixture-talk'),
      [
        'content/translations/en/speakers/he-yun.yaml field "role.source": expected source "transcript", as in the original, found source "talk:fixture-talk"',
      ],
    ],
    [
      'a family name at neither end of the name',
      (files) => edit(files, 'translations/en/speakers/he-yun.yaml', 'family: He', 'family: Yu'),
      [
        'content/translations/en/speakers/he-yun.yaml field "family": expected the first or last word(s) of name.text "Yun He", found "Yu"',
      ],
    ],
    [
      'a missing translated talk.yaml',
      (files) => files.delete('talks/fixture-talk/translations/en/talk.yaml'),
      [`${EN}/talk.yaml field "file": expected a file here, found none`],
    ],
    [
      'an untranslated subtitle',
      (files) => edit(files, 'talks/fixture-talk/translations/en/talk.yaml', /subtitle: .*\n/, ''),
      [
        `${EN}/talk.yaml field "subtitle": expected a translation of the original's "会谈构建测试用的最小实录", found none`,
      ],
    ],
    [
      'a Chinese note prefix in an English turn',
      (files) => edit(files, `${TURNS}/02-he-why-fixtures.md`, "[Translator's note]", '【背景】'),
      [
        `${EN}/turns/02-he-why-fixtures.md:15 field "body": expected the note to start with one of [Context], [Correction], [Term], [Translator's note], found note kind missing in [^tn-take-back]`,
      ],
    ],
    [
      'a language the site cannot publish',
      (files) => {
        for (const [rel, text] of [...files]) {
          if (rel.startsWith('talks/fixture-talk/translations/en/'))
            files.set(rel.replace('/translations/en/', '/translations/xx/'), text);
        }
      },
      [
        'content/talks/fixture-talk/translations/xx field "folder name": expected a language the site can publish (en), found "xx"',
      ],
    ],
  ])('%s', async (_name, change, lines) => {
    const message = await messageOf(await translated(change));
    for (const line of lines) expect(message).toContain(line);
  });

  test('raw HTML in a translated turn is stopped by the catalog, as in an original', async () => {
    const files = await translated((files) =>
      edit(files, `${TURNS}/03-lin-asks-song.md`, 'Thank you', '<b onclick="x()">Thank</b> you'),
    );
    expect(await messageOf(files)).toContain(`${EN}/turns/03-lin-asks-song.md:7 field "body": Unexpected raw HTML`);
  });
});
