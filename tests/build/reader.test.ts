/**
 * The built reader in dist/ (run `npm run build` first; `npm test` does): the markup contract
 * other features rely on, checked against the content it came from.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { stripNotes } from '../../src/lib/content/notes';
import { cjkGaps } from '../../src/lib/text/cjk-spacing';
import { readPage } from '../helpers/dist';
import { distDir, root } from '../helpers/paths';

const talkDir = path.join(root, 'content/talks/waic-2023-roundtable/turns');
const turnFiles = readdirSync(talkDir)
  .filter((name) => name.endsWith('.md'))
  .sort();
const frontMatter = (file: string) => readFileSync(path.join(talkDir, file), 'utf8').split('---')[1] ?? '';
const field = (file: string, name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(frontMatter(file))?.[1];

const EXPECTED_ANCHORS = [
  'xu-li-opening',
  'yao-rl-breakthrough',
  'xu-li-asks-yuan',
  'yuan-modality-completion',
  'xu-li-asks-yang',
  'yang-shared-problems',
  'xu-li-asks-pan',
  'pan-gan-vs-diffusion',
  'xu-li-closing-question',
  'yao-paperwork',
  'yuan-healthcare',
  'yang-shared-memory',
  'pan-video-and-3d',
];

let doc: Document;
beforeAll(() => {
  doc = readPage('/waic-2023-roundtable/');
});

describe('the reader page', () => {
  test('shows all 13 turns in source order with their published anchors', () => {
    const turns = [...doc.querySelectorAll('article.turn')];
    expect(turns.map((turn) => turn.id)).toEqual(EXPECTED_ANCHORS);
  });

  test('gives every turn the speaker id of its file and the text of its file (notes aside)', () => {
    const turns = [...doc.querySelectorAll('article.turn')];
    expect(turns).toHaveLength(turnFiles.length);
    turnFiles.forEach((file, index) => {
      const turn = turns[index]!;
      expect(turn.id).toBe(field(file, 'anchor'));
      expect(turn.getAttribute('data-speaker')).toBe(field(file, 'speaker'));
      const body = readFileSync(path.join(talkDir, file), 'utf8').split('---').slice(2).join('---');
      const paragraphs = stripNotes(body)
        .split('\n')
        .filter((line) => line.trim() !== '');
      // The paragraphs' text once the inline notes are taken out: the speaker's words.
      const rendered = [...turn.querySelectorAll('.turn-body p')].map((p) => {
        const copy = p.cloneNode(true) as Element;
        for (const note of copy.querySelectorAll('.note')) note.remove();
        return copy.textContent;
      });
      expect(rendered).toEqual(paragraphs);
    });
  });

  test('labels each turn with the speaker name and role', () => {
    const yao = doc.getElementById('yao-rl-breakthrough')!;
    expect(yao.querySelector('.turn-name')?.textContent).toBe('姚期智');
    expect(yao.querySelector('.turn-role')?.textContent).toContain('图灵奖得主');
    expect(doc.getElementById('xu-li-opening')!.querySelector('.turn-role')?.textContent).toBe('主持人');
  });

  test('offers a permalink on every turn', () => {
    for (const turn of doc.querySelectorAll('article.turn')) {
      expect(turn.querySelector('a.turn-link')?.getAttribute('href')).toBe(`#${turn.id}`);
    }
  });

  test('highlights the three key quotes inside the turns they paraphrase', () => {
    const quotes = [...doc.querySelectorAll('mark.key-quote')];
    expect(quotes.map((mark) => [mark.id, mark.closest('article.turn')?.id])).toEqual([
      ['quote-embodied-agents', 'yao-rl-breakthrough'],
      ['quote-shared-underlying-problems', 'yang-shared-problems'],
      ['quote-combine-gan-and-diffusion', 'pan-gan-vs-diffusion'],
    ]);
    expect(quotes[0]!.textContent).toBe(
      '在ChatGPT以后，下一个非常重要的目标就是让AI变成有视觉、听觉等多种感知能力的机器人，它能够在不同的环境里面，自主学习各种的新技能。',
    );
  });

  test('links each entry of the key-quotes panel to its highlighted span', () => {
    const links = [...doc.querySelectorAll('.key-quote-meta a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      '#quote-embodied-agents',
      '#quote-shared-underlying-problems',
      '#quote-combine-gan-and-diffusion',
    ]);
    for (const href of links) expect(doc.getElementById(href!.slice(1))).not.toBeNull();
  });

  test('outlines the host’s four questions and the closing round', () => {
    const outline = [...doc.querySelectorAll('nav.outline a')];
    expect(outline.map((a) => a.getAttribute('href'))).toEqual([
      '#foundations',
      '#cross-disciplines',
      '#llm-challenges',
      '#gan-vs-diffusion',
      '#verticals',
    ]);
    const sections = [...doc.querySelectorAll('section.talk-section')];
    expect(sections.map((section) => [section.id, section.querySelector('article.turn')?.id])).toEqual([
      ['foundations', 'xu-li-opening'],
      ['cross-disciplines', 'xu-li-asks-yuan'],
      ['llm-challenges', 'xu-li-asks-yang'],
      ['gan-vs-diffusion', 'xu-li-asks-pan'],
      ['verticals', 'xu-li-closing-question'],
    ]);
    expect(sections.at(-1)!.querySelectorAll('article.turn')).toHaveLength(5);
  });

  test('lists the five participants with roles and one filter checkbox each', () => {
    const names = [...doc.querySelectorAll('.participant-name')].map((p) => p.firstChild?.textContent?.trim());
    expect(names).toEqual(['徐立', '姚期智', '袁洋', '杨植麟', '潘新钢']);
    const boxes = [...doc.querySelectorAll<HTMLInputElement>('input[name="speakers"]')];
    expect(boxes.map((box) => box.value)).toEqual(['xu-li', 'yao-qizhi', 'yuan-yang', 'yang-zhilin', 'pan-xingang']);
  });

  test('has unique ids', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  test('credits the original publisher and leaves out the page furniture', () => {
    const text = doc.body.textContent ?? '';
    expect(text).toContain('xzluomor');
    for (const furniture of ['Read More', 'Generated by Feedzy', 'post-qrcode', '扫码', '没有评论', '次阅读']) {
      expect(text).not.toContain(furniture);
    }
  });

  test('keeps every paragraph on one line with no space between two Han characters', () => {
    for (const p of doc.querySelectorAll('.turn-body p')) {
      expect(p.textContent).not.toMatch(/\p{Script=Han}\s+\p{Script=Han}/u);
    }
  });
});

describe('every page', () => {
  test.each(['/', '/waic-2023-roundtable/', '/speakers/yang-zhilin/', '/404.html'])(
    '%s has no whitespace between two Chinese characters',
    (page) => {
      expect(cjkGaps(readPage(page))).toEqual([]);
    },
  );

  test.each(['/', '/waic-2023-roundtable/', '/speakers/yang-zhilin/', '/404.html'])(
    '%s is zh-CN with a title and a description',
    (page) => {
      const document = readPage(page);
      expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
      expect(document.title.length).toBeGreaterThan(0);
      expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBeTruthy();
      // Strict CSP (security.test.ts): no inline script but the site's, no style attributes.
      expect(document.querySelectorAll('script:not([src])')).toHaveLength(1);
      expect(document.querySelectorAll('[style]')).toHaveLength(0);
    },
  );

  test.each(['/', '/waic-2023-roundtable/', '/speakers/yang-zhilin/', '/404.html'])(
    '%s carries one script, the site’s, and its stylesheet inline',
    (page) => {
      const document = readPage(page);
      expect(document.querySelectorAll('script[src]')).toHaveLength(0);
      const scripts = [...document.querySelectorAll('script')];
      expect(scripts.map((script) => script.getAttribute('type'))).toEqual(['module']);
      // The search field (<ht-search-field>), and a lazy import() by absolute path (an inline script resolves a
      // relative one against the page).
      expect(scripts[0]!.textContent).toContain('customElements.define("ht-search-field"');
      expect(scripts[0]!.textContent).toMatch(/import\("\/_astro\/share-menu\.[\w-]+\.js"\)/);
      expect(document.querySelectorAll('link[rel="stylesheet"]')).toHaveLength(0);
      expect(document.head.querySelectorAll('style')).toHaveLength(1);
    },
  );

  test('no script carries Vite’s preload helper, and no chunk imports the inlined site script', () => {
    const dir = path.join(distDir, '_astro');
    const chunks = readdirSync(dir).filter((file) => file.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(3);
    // Inlined into every page, its file is gone: a chunk importing it would run it a second time.
    expect(chunks.filter((chunk) => chunk.startsWith('EveryPageScript'))).toEqual([]);
    for (const chunk of chunks) {
      const code = readFileSync(path.join(dir, chunk), 'utf8');
      expect(code, chunk).not.toContain('vite:preloadError');
      expect(code, chunk).not.toContain('modulepreload');
      expect(code, chunk).not.toContain('EveryPageScript');
    }
    const site = readPage('/').querySelector('script')!.textContent ?? '';
    for (const [, target] of site.matchAll(/import\("([^"]+)"\)/g))
      expect(existsSync(path.join(distDir, target!)), target).toBe(true);
  });

  test('the home page lists the talk with its date, participants and a key quote', () => {
    const home = readPage('/');
    // Found by its link: other talks may be listed before or after it (newest first).
    const card = home.querySelector('.talk-card:has(a[href="/waic-2023-roundtable/"])')!;
    expect(card).not.toBeNull();
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe('2023-07-06');
    expect(card.querySelectorAll('.talk-card-people li')).toHaveLength(5);
    expect(card.querySelector('blockquote')?.textContent).toContain('ChatGPT');
  });
});
