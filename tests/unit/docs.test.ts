/**
 * The documentation names only what exists. Every relative link in README.md, CONTRIBUTING.md,
 * CHANGELOG.md and docs/*.md resolves to a file, and a `#fragment` to a heading of it (as GitHub
 * slugs headings); every `npm run` script and importer flag the docs show is real; every
 * repository path in their code (src/…, tests/…, content/…) is a file or folder; and the docs
 * index lists every doc. Whether the prose is still true is for reviewers; names that stopped
 * existing are for this test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, test } from 'vitest';
import { USAGE } from '../../src/cli/import-command';
import { parseMarkdown } from '../../src/lib/content/markdown-tree';
import {
  checkCode,
  checkLinks,
  docFiles,
  formatProblems,
  headingSlugs,
  ignoredDirs,
  parseDoc,
  repoFacts,
  usageFlags,
} from '../helpers/doc-check';
import { root } from '../helpers/paths';

const docs = docFiles(root);
/** Parsing every doc with GFM takes a few seconds on a busy two-core machine. */
const PARSE_TIMEOUT = 30_000;

describe('the documentation', () => {
  test('covers the front page, CONTRIBUTING, CHANGELOG and the docs folder', () => {
    expect(docs).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'docs/README.md']));
  });

  test(
    'every relative link resolves to a file, and every #fragment to one of its headings',
    () => {
      // The report names each missing file once, with every place that links it.
      expect(formatProblems(docs.flatMap((file) => checkLinks(root, file)))).toBe('');
    },
    PARSE_TIMEOUT,
  );

  test(
    'every npm script, importer flag and repository path shown in code exists',
    () => {
      const facts = repoFacts(root, USAGE);
      expect(formatProblems(docs.flatMap((file) => checkCode(root, file, facts)))).toBe('');
    },
    PARSE_TIMEOUT,
  );

  test('the docs index links every document in docs/', () => {
    const linked = new Set<string>();
    visit(parseDoc(root, 'docs/README.md'), 'link', (link) => {
      linked.add(path.posix.join('docs', link.url.split('#')[0]!));
    });
    const unlisted = docs.filter((file) => file.startsWith('docs/') && file !== 'docs/README.md' && !linked.has(file));
    expect(unlisted, `expected docs/README.md to link every doc, found no link to ${unlisted.join(', ')}`).toEqual([]);
  });
});

describe('the documentation check', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'huitan-docs-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function site(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(scratch, 'site-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  test('slugs headings as GitHub does: text of inline code kept, punctuation dropped, repeats numbered', () => {
    const tree = parseMarkdown(
      '# What `npm ci` warns about, and why\n\n## Round 6 — One architecture\n\n## Tests\n\n## Tests\n',
    );
    expect([...headingSlugs(tree)]).toEqual([
      'what-npm-ci-warns-about-and-why',
      'round-6--one-architecture',
      'tests',
      'tests-1',
    ]);
  });

  test('reports a missing file, a missing heading and a root-relative link, with their lines', () => {
    const dir = site({
      'README.md': '# Front\n\nSee [a](docs/a.md#usage), [gone](docs/gone.md), [top](/docs/a.md) and [self](#front).\n',
      'docs/a.md': '# A\n\n<img src="../missing.png" alt="">\n\n[back](../README.md#front)\n',
    });
    const problems = [...checkLinks(dir, 'README.md'), ...checkLinks(dir, 'docs/a.md')];
    expect(problems.map(({ file, line, missing }) => ({ file, line, missing }))).toEqual([
      { file: 'README.md', line: 3, missing: undefined },
      { file: 'README.md', line: 3, missing: 'docs/gone.md' },
      { file: 'README.md', line: 3, missing: undefined },
      { file: 'docs/a.md', line: 3, missing: 'missing.png' },
    ]);
    expect(problems[0]!.message).toBe('link "docs/a.md#usage": expected a heading of docs/a.md (a), found "#usage"');
    expect(formatProblems(problems)).toContain('docs/gone.md  ← linked from README.md:3');
  });

  test('reports an unknown script, an importer flag its usage does not list, and a path that does not exist', () => {
    const dir = site({
      'package.json': JSON.stringify({ scripts: { build: 'astro build', import: 'vite-node src/cli/import.ts --' } }),
      '.gitignore': 'dist/\ntests/bench/results/\n',
      'src/lib/real.ts': '',
      'docs/a.md': [
        '# A',
        '',
        'Run `npm run build`, then `npm run bild` and `npm test`.',
        '',
        '```sh',
        'npm run import -- talk.txt --talk x --force --overwrite && npm run build --silent',
        '```',
        '',
        'See `src/lib/real.ts`, `src/lib/gone.ts`, `content/talks/<talk-slug>/talk.yaml` and `tests/bench/results/x.json`.',
        '',
      ].join('\n'),
    });
    const facts = repoFacts(dir, 'Usage: npm run import -- <file> --talk <slug>\n  --force  replace\n  -h, --help');
    expect(checkCode(dir, 'docs/a.md', facts).map(({ line, message }) => `${line}: ${message.split(':')[0]}`)).toEqual([
      '3: Unexpected script "bild" in "npm run bild"',
      '3: Unexpected script "test" in "npm test"',
      '6: Unexpected importer flag "--overwrite" in "npm run import -- talk.txt --talk x --force --overwrite && npm run build --silent"',
      '9: Unexpected path "src/lib/gone.ts"',
      '9: Unexpected path "content/talks/<talk-slug>/talk.yaml"',
    ]);
  });

  test('reads the flags of a usage text, and the folders of a .gitignore', () => {
    expect([...usageFlags(USAGE)]).toEqual(expect.arrayContaining(['--talk', '--force', '--dry-run', '-h', '--help']));
    expect(ignoredDirs('node_modules/\n*.log\n# dist/\ntests/bench/results/\n')).toEqual([
      'node_modules/',
      'tests/bench/results/',
    ]);
  });
});
