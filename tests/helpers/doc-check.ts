/**
 * Checks that the documentation names only things that exist: relative links resolve to a file
 * (and a `#fragment` to one of its headings, slugged as GitHub slugs them), every `npm run`
 * script and importer flag shown is real, and every repository path in code is a file or folder.
 * Markdown is parsed as the site parses turns (GFM on), so links inside tables, images and raw
 * HTML count and code is told apart from prose. Used by tests/unit/docs.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { parseHTML } from 'linkedom';
import type { Node, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../../src/lib/content/markdown-tree';

/** Top-level documents, beside every `docs/*.md`. */
const ROOT_DOCS = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md'];

/** Folders whose paths the docs may name in code: the test checks those paths exist. */
const REPO_PATH = /^(?:src|tests|content|public|docs|\.github|\.ci)\//;

/** Marks a path written as a pattern (`content/talks/<talk-slug>/`): only its fixed start is checked. */
const PLACEHOLDER = /[<>*…{}]|\bNN\b/;

export interface DocProblem {
  /** The document, relative to the repository root, and the line in it. */
  file: string;
  line: number;
  message: string;
  /** A linked file that does not exist, relative to the repository root. */
  missing?: string;
}

/** What the commands in the docs are checked against. */
export interface RepoFacts {
  /** Script names in package.json. */
  scripts: ReadonlySet<string>;
  /** Flags the importer's USAGE lists (`--talk`, `-h`…). */
  importFlags: ReadonlySet<string>;
  /** Directories .gitignore names (generated output a doc may point at). */
  ignoredDirs: readonly string[];
}

/** The documents checked, relative to `root`, '/'-separated. */
export function docFiles(root: string): string[] {
  const docs = existsSync(path.join(root, 'docs'))
    ? readdirSync(path.join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`)
    : [];
  return [...ROOT_DOCS.filter((name) => existsSync(path.join(root, name))), ...docs];
}

/** Parsed documents by absolute path: each is read and parsed once, whichever check asks first. */
const trees = new Map<string, Root>();

export function parseDoc(root: string, file: string): Root {
  const absolute = path.join(root, file);
  if (!trees.has(absolute)) trees.set(absolute, parseMarkdown(readFileSync(absolute, 'utf8')));
  return trees.get(absolute)!;
}

/** The anchors GitHub gives a document's headings: its slug of the heading's text, `-1`, `-2`… for repeats. */
export function headingSlugs(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const slugs = new Set<string>();
  visit(tree, 'heading', (heading) => {
    slugs.add(slugger.slug(toString(heading)));
  });
  return slugs;
}

/** Every flag a usage text lists: `--talk`, `--dry-run`, `-h`. */
export function usageFlags(usage: string): Set<string> {
  return new Set(usage.match(/(?<=^|[\s,[])--?[a-z][a-z-]*/gm) ?? []);
}

/** Directory patterns of a .gitignore (`dist/`, `tests/bench/results/`). */
export function ignoredDirs(gitignore: string): string[] {
  return gitignore
    .split('\n')
    .map((line) => line.trim())
    .filter(
      (line) =>
        (line.endsWith('/') || /^[\w.-]+\/[\w./-]+$/.test(line)) && !line.startsWith('#') && !line.startsWith('!'),
    );
}

function isIgnored(repoPath: string, dirs: readonly string[]): boolean {
  return dirs.some((dir) => {
    if (!dir.endsWith('/')) return repoPath === dir;
    return dir.slice(0, -1).includes('/') ? repoPath.startsWith(dir) : repoPath.split('/').includes(dir.slice(0, -1));
  });
}

function lineOf(node: Node): number {
  return node.position?.start.line ?? 0;
}

/** Every link target in a document, with its line: Markdown links, images, definitions, and href/src in raw HTML. */
function linkTargets(tree: Root): { url: string; line: number }[] {
  const targets: { url: string; line: number }[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      targets.push({ url: node.url, line: lineOf(node) });
    } else if (node.type === 'html') {
      const { document } = parseHTML(`<!doctype html><html><body>${node.value}</body></html>`);
      for (const element of document.querySelectorAll('[href], [src]')) {
        targets.push({ url: element.getAttribute('href') ?? element.getAttribute('src') ?? '', line: lineOf(node) });
      }
    }
  });
  return targets;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Relative links of `file` that name no file, or no heading of a Markdown file. */
export function checkLinks(root: string, file: string): DocProblem[] {
  const problems: DocProblem[] = [];
  for (const { url, line } of linkTargets(parseDoc(root, file))) {
    if (SCHEME.test(url) || url.startsWith('//')) continue;
    if (url.startsWith('/')) {
      const message = `Unexpected link "${url}" from the repository root: expected a path relative to ${file}`;
      problems.push({ file, line, message });
      continue;
    }
    const [rawPath = '', rawFragment] = url.split('#', 2);
    const target =
      rawPath === ''
        ? file
        : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(rawPath)));
    if (target.startsWith('../') || !existsSync(path.join(root, target))) {
      problems.push({
        file,
        line,
        message: `link "${url}": expected a file at ${target}, found none`,
        missing: target,
      });
      continue;
    }
    if (rawFragment === undefined || !target.endsWith('.md')) continue;
    const fragment = decodeURIComponent(rawFragment);
    const slugs = headingSlugs(parseDoc(root, target));
    if (!slugs.has(fragment)) {
      const message = `link "${url}": expected a heading of ${target} (${[...slugs].join(', ')}), found "#${fragment}"`;
      problems.push({ file, line, message });
    }
  }
  return problems;
}

/** The pieces of code in a document: inline code and the lines of code blocks. */
function codeTexts(tree: Root): { text: string; line: number; inline: boolean }[] {
  const texts: { text: string; line: number; inline: boolean }[] = [];
  visit(tree, (node) => {
    if (node.type === 'inlineCode') texts.push({ text: node.value, line: lineOf(node), inline: true });
    if (node.type === 'code') {
      node.value.split('\n').forEach((text, i) => texts.push({ text, line: lineOf(node) + 1 + i, inline: false }));
    }
  });
  return texts;
}

/** Problems with the npm commands in one piece of code. */
function checkCommand(text: string, facts: RepoFacts): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/\bnpm (?:run ([\w:.-]+)|(test|start)\b)/g)) {
    const script = match[1] ?? match[2]!;
    if (!facts.scripts.has(script)) {
      const scripts = [...facts.scripts].join(', ');
      problems.push(
        `Unexpected script "${script}" in "${text.trim()}": expected one of package.json's scripts (${scripts})`,
      );
    }
  }
  const importArgs = /\bnpm run import --(?=\s|$)(.*)/.exec(text)?.[1] ?? '';
  // Up to the end of this command: a shell operator or comment ends it.
  for (const arg of importArgs.split(/\s(?:&&|\|\|?|;|#)\s/)[0]!.split(/\s+/)) {
    const flag = arg.replace(/[`'")\].,;:]+$/, '');
    if (/^--?[a-z]/.test(flag) && !facts.importFlags.has(flag)) {
      const flags = [...facts.importFlags].join(', ');
      problems.push(
        `Unexpected importer flag "${flag}" in "${text.trim()}": expected one of those \`npm run import -- --help\` lists (${flags})`,
      );
    }
  }
  return problems;
}

/** A repository path named in code that does not exist (for a pattern, its fixed start). */
function checkPath(root: string, token: string, facts: RepoFacts): string | undefined {
  const repoPath = token.replace(/[,.;:)]+$/, '');
  if (!REPO_PATH.test(repoPath)) return undefined;
  const placeholder = PLACEHOLDER.exec(repoPath);
  const fixed = placeholder ? repoPath.slice(0, repoPath.lastIndexOf('/', placeholder.index) + 1) : repoPath;
  if (existsSync(path.join(root, fixed)) || isIgnored(fixed, facts.ignoredDirs)) return undefined;
  return `Unexpected path "${repoPath}": expected a file or folder at ${fixed}, found none`;
}

/** The lines of a code block that a reader would type (a shell prompt, npm, git, node and the like). */
const COMMAND_LINE = /^\s*(?:\$\s+|(?:npm|npx|git|node|cat|ls|diff|cp|rm|mv|HUITAN_\w+=\S*)\s)/;
const commandLines = (text: string) => text.split('\n').filter((line) => COMMAND_LINE.test(line));

/** Commands and repository paths in `file`'s code that name nothing real. */
export function checkCode(root: string, file: string, facts: RepoFacts): DocProblem[] {
  const problems: DocProblem[] = [];
  for (const { text, line, inline } of codeTexts(parseDoc(root, file))) {
    for (const message of checkCommand(text, facts)) problems.push({ file, line, message });
    // Inline code is one path or none (a longer text is a message, quoted); in a code block only
    // command lines name real paths: the other lines show what a command prints for an example.
    const tokens = inline
      ? /\s/.test(text.trim())
        ? []
        : [text.trim()]
      : commandLines(text).flatMap((command) => command.split(/\s+/));
    for (const token of tokens) {
      const message = checkPath(root, token, facts);
      if (message) problems.push({ file, line, message });
    }
  }
  return problems;
}

/** The facts of a checkout: package.json's scripts and .gitignore's folders (the importer's flags come from its module). */
export function repoFacts(root: string, importUsage: string): RepoFacts {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const gitignore = path.join(root, '.gitignore');
  return {
    scripts: new Set(Object.keys(pkg.scripts ?? {})),
    importFlags: usageFlags(importUsage),
    ignoredDirs:
      existsSync(gitignore) && statSync(gitignore).isFile() ? ignoredDirs(readFileSync(gitignore, 'utf8')) : [],
  };
}

/** A failure message: missing files first, each with every place that links it, then the rest. */
export function formatProblems(problems: readonly DocProblem[]): string {
  const missing = new Map<string, string[]>();
  for (const problem of problems) {
    if (!problem.missing) continue;
    missing.set(problem.missing, [...(missing.get(problem.missing) ?? []), `${problem.file}:${problem.line}`]);
  }
  const lines: string[] = [];
  if (missing.size > 0) {
    lines.push(`Linked files that do not exist (${missing.size}):`);
    for (const [target, from] of [...missing].sort()) lines.push(`  ${target}  ← linked from ${from.join(', ')}`);
  }
  const others = problems.filter((problem) => !problem.missing);
  if (others.length > 0) {
    lines.push(`Other problems (${others.length}):`);
    for (const problem of others) lines.push(`  ${problem.file}:${problem.line} ${problem.message}`);
  }
  return lines.join('\n');
}
