/**
 * rehype plugin: in a translated turn (content/talks/<slug>/translations/<lang>/turns/*.md) whose
 * language is not Chinese, each run of Han characters (a Chinese term the translator quotes, a
 * name in a note) becomes `<span lang="…">` in the original's language, so that a screen reader
 * and the browser's fonts and line breaking treat it as Chinese inside English text. An original
 * turn is left as it is: its words are all in the talk's language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { parse } from 'yaml';
import { splitHan } from '../lib/text/han-runs';

const TRANSLATED_TURN = /[\\/]talks[\\/][^\\/]+[\\/]translations[\\/]([^\\/]+)[\\/]turns[\\/][^\\/]+\.md$/;

const originals = new Map<string, string>();

/** The original's language: the talk.yaml beside translations/ (default zh-CN, as the schema's). */
function originalLanguage(turnFile: string): string {
  const talkFile = path.resolve(path.dirname(turnFile), '../../../talk.yaml');
  let language = originals.get(talkFile);
  if (language === undefined) {
    const data = parse(readFileSync(talkFile, 'utf8')) as { language?: unknown } | null;
    language = typeof data?.language === 'string' ? data.language : 'zh-CN';
    originals.set(talkFile, language);
  }
  return language;
}

/** `text` as text nodes and a `<span lang>` around each Han run; undefined when it has none. */
export function markHanRuns(text: string, lang: string): ElementContent[] | undefined {
  const runs = splitHan(text);
  if (!runs.some((run) => run.han)) return undefined;
  return runs.map((run): ElementContent =>
    run.han
      ? { type: 'element', tagName: 'span', properties: { lang }, children: [{ type: 'text', value: run.text }] }
      : { type: 'text', value: run.text },
  );
}

export default function rehypeMarkHan() {
  return (tree: Root, file: VFile) => {
    const match = file.path ? TRANSLATED_TURN.exec(file.path) : null;
    if (!match || match[1]!.toLowerCase().startsWith('zh')) return;
    const lang = originalLanguage(file.path);
    if (!lang.toLowerCase().startsWith('zh')) return;
    visit(tree, (node, index, parent) => {
      // An element that says its own language keeps it.
      if (node.type === 'element' && (node as Element).properties['lang'] !== undefined) return SKIP;
      if (node.type !== 'text' || parent === undefined || index === undefined) return undefined;
      const parts = markHanRuns((node as Text).value, lang);
      if (!parts) return undefined;
      (parent as Element).children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}
