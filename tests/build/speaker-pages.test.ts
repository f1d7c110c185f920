/** Speaker pages in the built site (dist/): each person's turns, linked to where they are read. */
import { describe, expect, test } from 'vitest';
import { readPage } from '../helpers/dist';

describe('the speaker pages', () => {
  test('杨植麟’s page lists both of his turns, linked to their anchors in the reader', () => {
    const page = readPage('/speakers/yang-zhilin/');
    expect(page.querySelector('h1')?.textContent).toBe('杨植麟Yang Zhilin');
    expect(page.querySelector('.speaker-count')?.textContent).toBe('1 场对话，2 段发言');
    // His role names his institute, so the institute is not repeated after it.
    expect(page.querySelector('.speaker-role')?.textContent).toBe('清华大学交叉信息研究院助理教授');
    expect(
      [...page.querySelectorAll('.speaker-turn-link')].map((link) => [
        link.getAttribute('href'),
        link.textContent?.trim(),
      ]),
    ).toEqual([
      ['/waic-2023-roundtable/#yang-shared-problems', '第 6 段'],
      ['/waic-2023-roundtable/#yang-shared-memory', '第 12 段'],
    ]);
    expect(page.querySelector('.speaker-turn-excerpt')?.textContent).toBe(
      '现在确实有很多大模型方面的还没有解决问题，比如说安全性怎么让它做到非常可控、如何去避免它产生这种幻觉，不去编造一些很不…',
    );
  });

  test('each speaker’s page says who they are: the profile of their speaker file, with its source', () => {
    for (const [path, name] of [
      ['/speakers/pan-xingang/', '潘新钢'],
      ['/en/speakers/pan-xingang/', 'Xingang Pan'],
    ] as const) {
      const profile = readPage(path).querySelector('.speaker-header .speaker-profile');
      expect(profile?.textContent, path).toMatch(/DragGAN/);
      const source = profile?.querySelector('a.profile-source');
      expect(source?.getAttribute('href'), path).toBe('https://github.com/XingangPan/DragGAN');
      expect(source?.querySelector('.visually-hidden')?.textContent, path).toContain(name);
    }
  });

  test('every link from a speaker page lands on a turn of the reader', () => {
    const reader = readPage('/waic-2023-roundtable/');
    const links: string[] = [];
    for (const id of ['xu-li', 'yao-qizhi', 'yuan-yang', 'yang-zhilin', 'pan-xingang']) {
      // This talk's turns: a speaker's page lists their turns in other talks too.
      const own = readPage(`/speakers/${id}/`).querySelectorAll(
        '.speaker-turn[data-talk="waic-2023-roundtable"] .speaker-turn-link',
      );
      links.push(...[...own].map((link) => link.getAttribute('href')!));
    }
    expect(links).toHaveLength(13);
    for (const href of links) {
      const anchor = href.split('#')[1]!;
      expect(reader.getElementById(anchor)?.matches('article.turn'), href).toBe(true);
    }
  });

  test('the reader’s participant list links each name to the speaker’s page', () => {
    const reader = readPage('/waic-2023-roundtable/');
    expect(
      [...reader.querySelectorAll('.participant-name a')].map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['徐立', '/speakers/xu-li/'],
      ['姚期智', '/speakers/yao-qizhi/'],
      ['袁洋', '/speakers/yuan-yang/'],
      ['杨植麟', '/speakers/yang-zhilin/'],
      ['潘新钢', '/speakers/pan-xingang/'],
    ]);
  });
});
