/**
 * No UI words written into components, layouts, pages or browser scripts: they come from the
 * dictionaries (src/lib/i18n). Chinese is caught anywhere but in comments; English (Latin
 * letters) in the text between tags and in the attributes people read (alt, title, aria-label,
 * placeholder), outside `{expressions}`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listFilesSync } from '../../src/lib/files';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HAN = /\p{Script=Han}/u;

/** Comments removed: block, JSX-block and HTML comments, and line comments not inside a URL. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

/** The template of an .astro file (after its front matter), without <script> and <style> elements. */
function template(source: string): string {
  const body = source.startsWith('---') ? source.slice(source.indexOf('---', 3) + 3) : source;
  return body.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
}

/** Text a reader sees that is written in the template itself: text between tags and read attributes, outside `{…}`. */
function literalText(markup: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let inTag = false;
  let text = '';
  const flush = () => {
    if (text.trim()) found.push(text.trim());
    text = '';
  };
  for (let index = 0; index < markup.length; index += 1) {
    const char = markup[index]!;
    if (char === '{') depth += 1;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (char === '<') [inTag, text] = [true, (flush(), '')];
    else if (char === '>') inTag = false;
    else if (!inTag) text += char;
  }
  flush();
  const attributes = [...markup.matchAll(/\s(?:alt|title|aria-label|placeholder)="([^"]*)"/g)].map(
    (match) => match[1]!,
  );
  return [...found, ...attributes];
}

const files = (dir: string, ext: string) =>
  listFilesSync(path.join(ROOT, dir))
    .filter((file) => file.endsWith(ext))
    .map((file) => `${dir}/${file}`);

const astroFiles = ['src/components', 'src/layouts', 'src/pages'].flatMap((dir) => files(dir, '.astro'));
const scriptFiles = files('src/scripts', '.ts');

describe('UI strings live in the dictionaries', () => {
  test('the scan finds what it should (a hard-coded word, Chinese or English, in text or an attribute)', () => {
    expect(literalText('<p class="x">你好 {name}</p><img alt="A photo" src={a} />{x && <b>{y}</b>}')).toEqual([
      '你好',
      'A photo',
    ]);
    expect(HAN.test(withoutComments('/** 注释 */ const a = 1; // 注释\nconst url = "https://x";'))).toBe(false);
  });

  test.each(astroFiles)('%s has no Chinese outside comments and no English text of its own', (file) => {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const han = withoutComments(source)
      .split('\n')
      .filter((line) => HAN.test(line));
    expect(han).toEqual([]);
    // Words of two letters or more; "#", "·" and other marks are not words.
    const english = literalText(template(withoutComments(source))).filter((text) => /[A-Za-z]{2,}/.test(text));
    expect(english).toEqual([]);
  });

  test.each(scriptFiles)('%s has no Chinese outside comments', (file) => {
    const han = withoutComments(readFileSync(path.join(ROOT, file), 'utf8'))
      .split('\n')
      .filter((line) => HAN.test(line));
    expect(han).toEqual([]);
  });
});
