/**
 * The baseline the bench compares with: the same transcript as one plain HTML page (title,
 * speaker names, paragraphs; no notes, no enhancements) with Pagefind's default UI, indexed by
 * Pagefind's Node API with its defaults, written to a temp folder. This is what a documentation
 * theme with Pagefind gives: one search result per page, not per turn.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { parse } from 'yaml';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A turn file's body as plain paragraphs: footnote references and definitions removed. */
function paragraphs(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\[\^[^\]]+\]:/.test(line))
    .map((line) =>
      line
        .replace(/\[\^[^\]]+\]/g, '')
        .replace(/\\(.)/g, '$1')
        .trim(),
    );
}

export async function baselineHtml(contentDir: string, talkSlug: string): Promise<string> {
  const talkDir = path.join(contentDir, 'talks', talkSlug);
  const talk = parse(await readFile(path.join(talkDir, 'talk.yaml'), 'utf8')) as { title: string; subtitle?: string };
  const turnFiles = (await readdir(path.join(talkDir, 'turns'))).filter((file) => file.endsWith('.md')).sort();
  const names = new Map<string, string>();
  const sections: string[] = [];
  for (const file of turnFiles) {
    const text = await readFile(path.join(talkDir, 'turns', file), 'utf8');
    const speaker = /^speaker:\s*(\S+)/m.exec(text)?.[1] ?? '';
    if (!names.has(speaker)) {
      const data = parse(await readFile(path.join(contentDir, 'speakers', `${speaker}.yaml`), 'utf8')) as {
        name: string;
      };
      names.set(speaker, data.name);
    }
    sections.push(
      `<h2>${escape(names.get(speaker)!)}</h2>\n${paragraphs(text)
        .map((p) => `<p>${escape(p)}</p>`)
        .join('\n')}`,
    );
  }
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escape(talk.subtitle ?? talk.title)}">
<title>${escape(talk.title)}</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script>
<script src="/search.js" defer></script>
<style>body{max-width:40rem;margin:0 auto;padding:1rem;font-family:system-ui,sans-serif;line-height:1.7}</style>
</head>
<body>
<header><div id="search"></div></header>
<main data-pagefind-body>
<h1>${escape(talk.title)}</h1>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

/** Writes the baseline site into `outDir` (index.html, search.js, pagefind/) and returns the folder. */
export async function buildBaseline(contentDir: string, talkSlug: string, outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'index.html'), await baselineHtml(contentDir, talkSlug));
  // The default UI, started as its documentation shows; no debounce so that only search is timed.
  await writeFile(
    path.join(outDir, 'search.js'),
    "window.addEventListener('DOMContentLoaded', () => { new PagefindUI({ element: '#search', showSubResults: true, debounceTimeoutMs: 0 }); });\n",
  );
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length > 0)
      throw new Error(`Pagefind could not start the baseline index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0 || added.page_count !== 1) {
      throw new Error(
        `expected Pagefind to index the baseline's one page, found ${added.page_count} (${added.errors.join('; ')})`,
      );
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write the baseline index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  return outDir;
}
