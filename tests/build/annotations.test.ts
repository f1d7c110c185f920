/**
 * The built reader's annotations: notes, corrections, speaker profiles and who spoke how much
 * (the corrections list and the statistics are on the talk's about page, linking back into the
 * reader). The statistics are checked against counts made here from the raw source transcript,
 * not from the turn files the site reads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPage } from '../helpers/dist';
import { root } from '../helpers/paths';

const talkDir = path.join(root, 'content/talks/waic-2023-roundtable');
const SPEAKER_NAMES: Record<string, string> = {
  徐立: '徐立',
  姚期智: '姚期智',
  袁洋: '袁洋',
  植麟: '杨植麟',
  潘新钢: '潘新钢',
};

/** Characters (no whitespace) per turn, straight from source.txt's transcript part. */
function sourceCounts(): { name: string; characters: number }[] {
  const source = readFileSync(path.join(talkDir, 'source.txt'), 'utf8');
  const transcript = source.split('以下为圆桌论坛实录:')[1]!.split('Read More')[0]!;
  const turns: { name: string; characters: number }[] = [];
  for (const raw of transcript.split('\n')) {
    const line = raw.trim();
    const label = /^(\S+?)\s*[:：]?$/.exec(line)?.[1];
    if (label !== undefined && label in SPEAKER_NAMES) turns.push({ name: SPEAKER_NAMES[label]!, characters: 0 });
    else if (line !== '') turns.at(-1)!.characters += line.replace(/\s/g, '').length;
  }
  return turns;
}

const READER = '/waic-2023-roundtable/';
const ABOUT = '/waic-2023-roundtable/about/';
let doc: Document;
let about: Document;
beforeAll(() => {
  doc = readPage(READER);
  about = readPage(ABOUT);
});

const text = (element: Element | null | undefined) => element?.textContent?.trim() ?? '';

describe('editorial notes', () => {
  test('at least 15 notes render inline, of all three kinds, each kept out of search', () => {
    const notes = [...doc.querySelectorAll('.turn-body .note')];
    expect(notes.length).toBeGreaterThanOrEqual(15);
    const kinds = new Set(notes.map((note) => note.getAttribute('data-note-kind')));
    expect([...kinds].sort()).toEqual(['context', 'correction', 'term']);
    for (const note of notes) {
      expect(note.hasAttribute('data-pagefind-ignore'), note.id).toBe(true);
      expect(note.id).toMatch(/^note-[a-z0-9-]+$/);
      const body = note.querySelector('.note-body')!;
      expect(note.querySelector('button.note-marker')?.getAttribute('popovertarget')).toBe(body.id);
      expect(body.hasAttribute('popover'), note.id).toBe(true);
    }
    expect(doc.querySelector('section.footnotes, [data-footnotes]')).toBeNull();
  });

  test('every note cites a web source or says it is unverified', () => {
    for (const body of doc.querySelectorAll('.note-body')) {
      const links = [...body.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
      const sourced = links.some((href) => /^https?:\/\/[^/]+\.[a-z]+/.test(href));
      expect(sourced || text(body).includes('未核实'), text(body)).toBe(true);
    }
  });

  test('the corrections the issue names are notes where the source has the slip', () => {
    const correction = (id: string) => doc.getElementById(id)?.getAttribute('data-note-kind');
    expect(correction('note-yao-rl-breakthrough-gao-yang-spelling')).toBe('correction');
    expect(correction('note-pan-gan-vs-diffusion-mode-collapse')).toBe('correction');
    expect(correction('note-pan-gan-vs-diffusion-inference')).toBe('correction');
    // The slip stays in the text, right before its note.
    const before = (id: string) => doc.getElementById(id)?.previousSibling?.textContent ?? '';
    expect(before('note-yao-rl-breakthrough-gao-yang-spelling').endsWith('高洋')).toBe(true);
    expect(before('note-pan-gan-vs-diffusion-mode-collapse').endsWith('mode claps')).toBe(true);
    expect(before('note-pan-gan-vs-diffusion-inference').endsWith('influence')).toBe(true);
  });
});

describe('the corrections list', () => {
  test('lists every correction note, each linking to its place in the reader', () => {
    const items = [...about.querySelectorAll('#corrections li')];
    const hrefs = items.map((item) => item.querySelector('a.correction-where')?.getAttribute('href'));
    const correctionNotes = [...doc.querySelectorAll('.turn-body .note[data-note-kind="correction"]')].map(
      (note) => `#${note.id}`,
    );
    expect(hrefs).toEqual(correctionNotes.map((href) => `${READER}${href}`));
    for (const href of hrefs) expect(doc.querySelector(href!.slice(READER.length)), href!).not.toBeNull();
  });

  test('lists 植麟, his alias, apart from the corrections: the source names the right person', () => {
    const labelled = [...doc.querySelectorAll('article.turn')].filter((turn) =>
      turn.querySelector('.turn-source-label'),
    );
    expect(labelled.map((turn) => turn.id)).toEqual(['yang-shared-problems', 'yang-shared-memory']);
    for (const turn of labelled)
      expect(turn.querySelector('.turn-source-label')?.getAttribute('href')).toBe(`${ABOUT}#speaker-labels`);
    expect(text(about.querySelector('#corrections'))).not.toContain('标为“植麟”');
    const entries = [...about.querySelectorAll('#speaker-labels li')];
    expect(entries.map(text)).toEqual(['“植麟”：杨植麟的另一称呼，见第6段、第12段。']);
    expect([...entries[0]!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      `${READER}#yang-shared-problems`,
      `${READER}#yang-shared-memory`,
    ]);
  });

  test('is one link away from the reader, which names how many there are', () => {
    const link = doc.querySelector(`.about-link a[href="${ABOUT}"]`);
    expect(text(link)).toBe('关于这份实录');
    const count = about.querySelectorAll('#corrections li').length;
    expect(text(doc.querySelector('.about-link'))).toBe(`关于这份实录：谁说了多少，${count}处更正，来源与编辑说明。`);
    expect(doc.querySelector('#corrections, .talk-stats, #source-notes')).toBeNull();
  });
});

describe('speaker profiles', () => {
  test('each participant has a profile with a source link, and every turn label links to it', () => {
    const participants = [...doc.querySelectorAll('.participant')];
    expect(participants.map((p) => p.id)).toEqual([
      'speaker-xu-li',
      'speaker-yao-qizhi',
      'speaker-yuan-yang',
      'speaker-yang-zhilin',
      'speaker-pan-xingang',
    ]);
    for (const participant of participants) {
      expect(text(participant.querySelector('.participant-profile')).length, participant.id).toBeGreaterThan(10);
      expect(participant.querySelector('.participant-profile a.profile-source')?.getAttribute('href')).toMatch(
        /^https:\/\//,
      );
    }
    for (const turn of doc.querySelectorAll('article.turn')) {
      expect(turn.querySelector('a.turn-name')?.getAttribute('href')).toBe(
        `#speaker-${turn.getAttribute('data-speaker')}`,
      );
      // The profile is not repeated in the turn.
      expect(turn.querySelector('.participant-profile')).toBeNull();
    }
  });
});

describe('who spoke how much', () => {
  const expected = sourceCounts();
  const names = ['徐立', '姚期智', '袁洋', '杨植麟', '潘新钢'];
  const total = expected.reduce((sum, turn) => sum + turn.characters, 0);
  const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

  test('the data table matches counts made from the source transcript', () => {
    expect(expected).toHaveLength(13);
    const rows = [...about.querySelectorAll('.stats-table tbody tr')].map((row) => [...row.children].map(text));
    expect(rows).toEqual(
      names.map((name) => {
        const own = expected.filter((turn) => turn.name === name);
        const characters = own.reduce((sum, turn) => sum + turn.characters, 0);
        return [name, String(own.length), pct(own.length, 13), String(characters), pct(characters, total)];
      }),
    );
    expect([...about.querySelectorAll('.stats-table tfoot td')].map(text)).toEqual([
      '13',
      '100%',
      String(total),
      '100%',
    ]);
    expect(text(about.querySelector('.talk-length'))).toBe(
      `全文${total}字，13段发言，约${Math.round(total / 400)}分钟读完（按每分钟400字计）`,
    );
  });

  test('the chart is one accessible SVG image, bars sized by share, coloured by data-color', () => {
    const svg = about.querySelector('svg.share-chart')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(text(about.getElementById(svg.getAttribute('aria-labelledby')!))).toBe('各人发言次数与字数占全场的比例');
    expect(about.getElementById(svg.getAttribute('aria-describedby')!)).not.toBeNull();
    const yao = expected.filter((turn) => turn.name === '姚期智').reduce((sum, turn) => sum + turn.characters, 0);
    const bar = svg.querySelectorAll('.share-row')[1]!;
    expect(bar.getAttribute('data-color')).toBe('crimson');
    expect(bar.querySelector('.bar-characters')?.getAttribute('width')).toBe(`${((yao / total) * 100).toFixed(2)}%`);
    expect(bar.querySelector('.bar-turns')?.getAttribute('width')).toBe(`${((2 / 13) * 100).toFixed(2)}%`);
  });

  test('the “who spoke when” strip has one link per turn, in order, named by speaker and length', () => {
    const links = [...about.querySelectorAll('svg.strip a')];
    const anchors = [...doc.querySelectorAll('article.turn')].map((turn) => `#${turn.id}`);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(anchors.map((anchor) => `${READER}${anchor}`));
    expect(links.map((a) => a.getAttribute('aria-label'))).toEqual(
      expected.map((turn, index) => `第${index + 1}段：${turn.name}，${turn.characters}字`),
    );
  });

  test('each outline section shows its length and reading time', () => {
    const lengths = [...doc.querySelectorAll('.outline-length')].map(text);
    const starts = [0, 2, 4, 6, 8, 13];
    expect(lengths).toEqual(
      starts.slice(0, -1).map((start, index) => {
        const characters = expected.slice(start, starts[index + 1]).reduce((sum, turn) => sum + turn.characters, 0);
        return `${characters}字，约${Math.max(1, Math.round(characters / 400))}分钟`;
      }),
    );
  });
});
