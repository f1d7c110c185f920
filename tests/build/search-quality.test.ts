/**
 * Search quality in both languages, on one real Pagefind index (tests/helpers/pagefind-node.ts)
 * searched by the site's engine (src/scripts/search-engine.ts), as the site would hold them:
 * the WAIC talk's Chinese turns read from the built reader page (dist/, so build first), and its
 * English turns as an English reader page under /en/ would present them (the translation's
 * spoken paragraphs, notes left out, in the markup contract's article.turn), both cut into
 * records by lib/search/records.ts. Prints recall and precision for each query set.
 *
 * - English (tests/helpers/query-set-en.ts, expectations written by hand): recall 100% and
 *   precision at least 95%, over the English results.
 * - Chinese (tests/helpers/query-set-zh.ts, the set the browser test runs): exactly the relevant
 *   Chinese turns for every query, as before English turns joined the index; and a query without
 *   Latin letters finds no English turn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseMarkdown } from '../../src/lib/content/markdown-tree';
import { loadPage } from '../../src/lib/search/query';
import { turnRecords, type TurnRecord } from '../../src/lib/search/records';
import { parseSite } from '../../src/lib/search/site-json';
import { loadTranslation } from '../../src/lib/translation/load-translation';
import { search, type Hit } from '../../src/scripts/search-engine';
import { indexInNode, type NodePagefind } from '../helpers/pagefind-node';
import { distDir, root } from '../helpers/paths';
import { ENGLISH_QUERIES } from '../helpers/query-set-en';
import { NAMES, QUERIES, relevant, type Turn } from '../helpers/query-set-zh';

const SLUG = 'waic-2023-roundtable';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The English reader page of the talk, as the markup contract has it: only what search reads. */
async function englishPage(): Promise<Document> {
  const { translation } = await loadTranslation(path.join(root, 'content'), SLUG, 'en');
  const turns = translation.turns.map((turn) => {
    const paragraphs = turn.paragraphs.map((markdown) => `<p>${escape(toString(parseMarkdown(markdown)))}</p>`);
    return `<article class="turn" id="${turn.anchor}" data-speaker="${turn.speaker}">
      <div class="turn-body">${paragraphs.join('')}</div></article>`;
  });
  const title = escape(translation.talk?.title ?? '');
  return parseHTML(`<!doctype html><html lang="en"><body><h1 class="talk-title">${title}</h1>
    <section class="talk-section">${turns.join('')}</section></body></html>`).document;
}

function chineseTurns(document: Document): Turn[] {
  return turnRecords(document, `/${SLUG}/`).map((record) => ({
    anchor: record.url.split('#')[1]!,
    speaker: record.meta.speaker,
    text: record.meta.text,
  }));
}

let index: NodePagefind;
let chinese: Turn[];
let english: TurnRecord[];
const speakers = parseSite(JSON.parse(readFileSync(path.join(distDir, 'search/site.json'), 'utf8'))).speakers;

beforeAll(async () => {
  const { document } = parseHTML(readFileSync(path.join(distDir, SLUG, 'index.html'), 'utf8'));
  chinese = chineseTurns(document);
  english = turnRecords(await englishPage(), `/en/${SLUG}/`);
  index = await indexInNode([...turnRecords(document, `/${SLUG}/`), ...english]);
});

afterAll(async () => {
  await index?.close();
});

/** Every hit of a query, as { English anchors, Chinese anchors }. */
async function found(query: string): Promise<{ en: string[]; zh: string[] }> {
  const outcome = await search(index.pagefind, query, speakers);
  const hits: Hit[] = (await loadPage(outcome.matches, 0, outcome.matches.length)).items;
  const anchors = (prefix: string) =>
    hits.filter((hit) => hit.url.startsWith(prefix)).map((hit) => hit.url.split('#')[1]!);
  return { en: anchors(`/en/${SLUG}/`), zh: anchors(`/${SLUG}/`) };
}

interface Tally {
  relevant: number;
  correct: number;
  returned: number;
  rows: string[];
}

function score(tally: Tally, query: string, expected: readonly string[], got: readonly string[], extra = '') {
  const correct = got.filter((anchor) => expected.includes(anchor)).length;
  tally.relevant += expected.length;
  tally.correct += correct;
  tally.returned += got.length;
  tally.rows.push(
    `${query.padEnd(26)} expected ${expected.length}  returned ${got.length}  correct ${correct}${extra}`,
  );
}

function summary(name: string, count: number, tally: Tally): { recall: number; precision: number } {
  const recall = tally.relevant === 0 ? 1 : tally.correct / tally.relevant;
  const precision = tally.returned === 0 ? 1 : tally.correct / tally.returned;
  console.log(
    [
      `${name} over ${count} queries: recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%`,
      `(${tally.correct} of ${tally.relevant} relevant turns found, ${tally.returned} returned)`,
      ...tally.rows,
    ].join('\n'),
  );
  return { recall, precision };
}

describe('search quality on one index of the talk in Chinese and English', () => {
  test('indexes every English turn under /en/, in English, with the same speakers', () => {
    expect(english.map((record) => record.url.split('#')[1])).toEqual(chinese.map((turn) => turn.anchor));
    expect(english.map((record) => record.meta.speaker)).toEqual(chinese.map((turn) => turn.speaker));
    expect(new Set(english.map((record) => `${record.language} ${record.meta.language} ${record.meta.talk}`))).toEqual(
      new Set([`en en ${SLUG}`]),
    );
  });

  test(`English: finds every wanted turn and almost nothing else over ${ENGLISH_QUERIES.length} queries`, async () => {
    expect(ENGLISH_QUERIES.length).toBeGreaterThanOrEqual(25);
    const tally: Tally = { relevant: 0, correct: 0, returned: 0, rows: [] };
    const misses: string[] = [];
    for (const { query, expected } of ENGLISH_QUERIES) {
      const { en, zh } = await found(query);
      score(tally, query, expected, en, zh.length > 0 ? `  (and ${zh.length} in the Chinese original)` : '');
      if (expected.some((anchor) => !en.includes(anchor)) || new Set(en).size !== en.length)
        misses.push(`${query}: expected [${expected.join(', ')}], got [${en.join(', ')}]`);
    }
    const { recall, precision } = summary('English search', ENGLISH_QUERIES.length, tally);
    expect(misses, 'queries that missed a wanted turn').toEqual([]);
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  test('one page per language: its own turns first and counted, on the real index’s language filter', async () => {
    const site = parseSite(JSON.parse(readFileSync(path.join(index.dir, 'search/site.json'), 'utf8')));
    expect(site.index?.languages).toEqual(['en', 'zh']);
    const all = site.index!.languages!;
    for (const { query } of ENGLISH_QUERIES) {
      const outcome = await search(index.pagefind, query, speakers, undefined, true, { page: 'en', all });
      const hits = (await loadPage(outcome.matches, 0, outcome.matches.length)).items;
      const leading = hits.slice(0, outcome.languages!.leading);
      expect(
        leading.every((hit) => hit.url.startsWith(`/en/${SLUG}/`)),
        query,
      ).toBe(true);
      expect(
        hits.slice(leading.length).every((hit) => hit.url.startsWith(`/${SLUG}/`)),
        query,
      ).toBe(true);
      // The same English turns as a search that does not tell languages apart, and the same Chinese ones after.
      const unsplit = await found(query);
      expect(leading.map((hit) => hit.url.split('#')[1]).sort(), query).toEqual([...unsplit.en].sort());
      expect(hits.length - leading.length, query).toBe(unsplit.zh.length);
      if (outcome.speaker) continue;
      const perSpeaker = new Map<string, number>();
      for (const hit of leading) perSpeaker.set(hit.speaker, (perSpeaker.get(hit.speaker) ?? 0) + 1);
      expect(Object.fromEntries(outcome.speakerCounts), query).toEqual(Object.fromEntries(perSpeaker));
    }
    // A Chinese query on the English page: the Chinese turns, counted.
    const zhQuery = QUERIES.find((query) => !NAMES[query] && relevant(query, chinese).length > 1)!;
    const outcome = await search(index.pagefind, zhQuery, speakers, undefined, true, { page: 'en', all });
    expect(outcome.languages).toMatchObject({ leading: 0, counted: 'others' });
    expect(outcome.total).toBe(relevant(zhQuery, chinese).length);
    // The Chinese page counts what it counted before English turns joined the index.
    const zh = await search(index.pagefind, 'GAN', speakers, undefined, true, { page: 'zh', all });
    const zhHits = (await loadPage(zh.matches, 0, zh.languages!.leading)).items;
    expect(zhHits.map((hit) => hit.url.split('#')[1]).sort()).toEqual([...relevant('GAN', chinese)].sort());
    expect(zh.total).toBe(relevant('GAN', chinese).length);
  });

  test(`Chinese: exactly the relevant Chinese turns over ${QUERIES.length} queries, English turns beside them`, async () => {
    const tally: Tally = { relevant: 0, correct: 0, returned: 0, rows: [] };
    const misses: string[] = [];
    for (const query of QUERIES) {
      const expected = relevant(query, chinese);
      const { en, zh } = await found(query);
      score(tally, query, expected, zh, en.length > 0 ? `  (and ${en.length} in English)` : '');
      if (expected.length !== zh.length || zh.some((anchor) => !expected.includes(anchor)))
        misses.push(`${query}: expected [${expected.join(', ')}], got [${zh.join(', ')}]`);
      // English turns hold no Chinese: a query without Latin letters or digits finds none of them
      // (a speaker's name lists that speaker's turns in both languages).
      if (!NAMES[query] && !/[a-z0-9]/iu.test(query.normalize('NFKC'))) expect(en, query).toEqual([]);
    }
    const { recall, precision } = summary('Chinese search', QUERIES.length, tally);
    expect(misses, 'queries whose Chinese results differ from the relevant turns').toEqual([]);
    expect(recall).toBe(1);
    expect(precision).toBe(1);
  });
});
