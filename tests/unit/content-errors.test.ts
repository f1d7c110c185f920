/**
 * Bad content the content check reports, checked without building a site. Each case in
 * tests/fixtures/content/check-errors/ is the valid base fixture with one mistake: the schemas
 * and the catalog, reading the case's files as the build does (tests/helpers/fixture-content.ts),
 * must report it with the case's expected lines, naming the file, the field, what was expected
 * and what was found. That any such message stops `astro build` and publishes nothing is proved
 * once per stage by the cases tests/build/content-errors.test.ts builds; so is the heading Astro
 * prints over schema issues ("turns → <id> data does not match collection schema."), which is
 * Astro's text, not ours, and so is not in these cases' expected.txt.
 */
import { describe, expect, test } from 'vitest';
import { checkCasesDir, listErrorCases, readErrorCase } from '../helpers/fixture-build';
import { checkContent, fixtureFiles } from '../helpers/fixture-content';

interface CaseSpec {
  /** Which check must report the case (see tests/helpers/fixture-content.ts). */
  stage: 'schema' | 'catalog';
  /** The file reported (the catalog's message names it; a schema fails on it), relative to the content dir. */
  file: string;
  /** The field the message must name (on the same line as "expected" and "found"). */
  field: string;
}

const TURNS = 'talks/fixture-talk/turns';

const CASES: Record<string, CaseSpec> = {
  // Schema (zod): the line under Astro's "data does not match collection schema".
  'invalid-anchor': { stage: 'schema', file: `${TURNS}/04-song-limits.md`, field: 'anchor' },
  'missing-required-field': { stage: 'schema', file: `${TURNS}/03-lin-asks-song.md`, field: 'speaker' },
  'unknown-field': { stage: 'schema', file: `${TURNS}/01-lin-opening.md`, field: 'mood' },
  'speaker-unknown-field': { stage: 'schema', file: 'speakers/he-yun.yaml', field: 'weibo' },
  'fact-without-source': { stage: 'schema', file: 'speakers/song-ming.yaml', field: 'role.source' },
  'unsafe-source-url': { stage: 'schema', file: 'talks/fixture-talk/talk.yaml', field: 'source.url' },
  // Catalog: checks across files.
  'not-a-participant': { stage: 'catalog', file: `${TURNS}/04-song-limits.md`, field: 'speaker' },
  'duplicate-anchor': { stage: 'catalog', file: `${TURNS}/04-song-limits.md`, field: 'anchor' },
  'duplicate-position': { stage: 'catalog', file: `${TURNS}/04-song-limits.md`, field: 'position' },
  'quote-span-missing': { stage: 'catalog', file: `${TURNS}/02-he-why-fixtures.md`, field: 'quotes[0].span' },
  'quote-span-twice': { stage: 'catalog', file: `${TURNS}/02-he-why-fixtures.md`, field: 'quotes[0].span' },
  'quote-span-crosses-formatting': {
    stage: 'catalog',
    file: `${TURNS}/02-he-why-fixtures.md`,
    field: 'quotes[0].span',
  },
  'empty-turn': { stage: 'catalog', file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'talk-without-turns': { stage: 'catalog', file: 'talks/fixture-talk/talk.yaml', field: 'turns' },
  'outline-missing-turn': { stage: 'catalog', file: 'talks/fixture-talk/talk.yaml', field: 'outline[1].start' },
  'import-placeholder': { stage: 'catalog', file: 'talks/fixture-talk/talk.yaml', field: 'summary' },
  'paragraph-starts-backwards': { stage: 'catalog', file: `${TURNS}/04-song-limits.md`, field: 'paragraphStarts' },
  // Markdown: what the catalog finds in a turn's parsed body, with the file's line.
  'hard-wrapped-paragraph': { stage: 'catalog', file: `${TURNS}/04-song-limits.md`, field: 'body' },
  'raw-html-iframe': { stage: 'catalog', file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'raw-html-onerror': { stage: 'catalog', file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'raw-html-style': { stage: 'catalog', file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'javascript-link': { stage: 'catalog', file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'remote-image': { stage: 'catalog', file: `${TURNS}/03-lin-asks-song.md`, field: 'body' },
  'note-reference-undefined': { stage: 'catalog', file: `${TURNS}/04-song-limits.md`, field: 'body' },
  'note-definition-unused': { stage: 'catalog', file: `${TURNS}/04-song-limits.md`, field: 'body' },
  'note-kind-unknown': { stage: 'catalog', file: `${TURNS}/04-song-limits.md`, field: 'body' },
};

const checkCase = async (name: string) => checkContent(await fixtureFiles(await readErrorCase(name, checkCasesDir)));

describe('fixture content, checked without a build', () => {
  test('every case folder has a spec here, and every spec a folder', async () => {
    expect(await listErrorCases(checkCasesDir)).toEqual(Object.keys(CASES).sort());
  });

  test('the unmodified base passes the schemas and the catalog', async () => {
    expect(await checkContent(await fixtureFiles())).toEqual({ stage: 'none', message: '', schemaFailures: [] });
  });

  test.each(Object.entries(CASES))('%s: the message holds expected.txt and names the file', async (name, spec) => {
    const errorCase = await readErrorCase(name, checkCasesDir);
    const check = await checkContent(await fixtureFiles(errorCase));
    expect(check.stage).toBe(spec.stage);
    for (const line of errorCase.expected) expect(check.message, 'expected.txt line missing').toContain(line);
    if (spec.stage === 'schema') expect(check.schemaFailures).toEqual([spec.file]);
    else expect(check.message, 'the message names the file').toContain(spec.file);
  });

  test.each(Object.entries(CASES))(
    '%s: a message line names the field, what was expected and what was found',
    async (name, spec) => {
      const lines = (await checkCase(name)).message
        .split('\n')
        .filter(
          (line) =>
            line.includes(spec.field) && /\bexpected\b/i.test(line) && /\b(found|received|unexpected)\b/i.test(line),
        );
      expect(lines, 'no line names the field, "expected" and "found"').not.toEqual([]);
    },
  );
});
