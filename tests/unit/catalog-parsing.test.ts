/**
 * The catalog's cost per turn: one Markdown parse, whatever the checks (HTML, links, wraps,
 * notes, excerpt) read. A separate file because it replaces the parser module with a counter.
 */
import { describe, expect, test, vi } from 'vitest';
import { buildCatalog } from '../../src/lib/content/catalog';
import { parseMarkdown } from '../../src/lib/content/markdown-tree';

vi.mock('../../src/lib/content/markdown-tree', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/lib/content/markdown-tree')>();
  return { parseMarkdown: vi.fn(actual.parseMarkdown) };
});

const fact = (text: string) => ({ text, unverified: true as const });

describe('buildCatalog', () => {
  test('parses each turn’s Markdown once, notes and excerpt included', () => {
    const body = (words: string) => `${words}[^note]。\n\n第二段。\n\n[^note]: 【背景】说明，未核实。\n`;
    const catalog = buildCatalog({
      speakers: [
        {
          id: 'host',
          data: {
            name: '主持人',
            latinName: 'Host',
            aliases: [],
            color: 'crimson',
            role: fact('主持人'),
            affiliation: fact('某机构'),
          },
        },
        {
          id: 'guest',
          data: {
            name: '嘉宾',
            latinName: 'Guest',
            aliases: [],
            color: 'teal',
            role: fact('教授'),
            affiliation: fact('某大学'),
          },
        },
      ],
      talks: [
        {
          id: 'demo/talk',
          data: {
            title: '演示',
            subtitle: '副标题',
            summary: '摘要。',
            language: 'zh-CN',
            labels: {},
            event: { name: '活动', fullName: '某活动' },
            date: { text: '2024-01-01', source: 'transcript', unverified: false },
            venue: fact('某地'),
            session: fact('圆桌'),
            participants: [
              { speaker: 'host', part: 'host' },
              { speaker: 'guest', part: 'guest' },
            ],
            source: { publisher: fact('某公众号'), title: '实录' },
            outline: [],
          },
        },
      ],
      turns: ['host', 'guest', 'host'].map((speaker, index) => ({
        id: `demo/turns/0${index + 1}-${speaker}`,
        data: { anchor: `${speaker}-${index + 1}`, position: index + 1, speaker, quotes: [] },
        body: body(`第${index + 1}段发言`),
      })),
    });
    expect(catalog.talks[0]!.turns.map((turn) => [turn.excerpt, turn.notes.length])).toEqual([
      ['第1段发言。第二段。', 1],
      ['第2段发言。第二段。', 1],
      ['第3段发言。第二段。', 1],
    ]);
    expect(vi.mocked(parseMarkdown)).toHaveBeenCalledTimes(3);
  });
});
