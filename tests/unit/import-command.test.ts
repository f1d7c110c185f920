/**
 * `npm run import`, run in-process on temporary content folders: the WAIC round trip, every
 * bad input stopping with its message and writing nothing, and re-imports that keep the
 * editor's work.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runImport } from '../../src/cli/import-command';
import { stripNotes } from '../../src/lib/notes';
import { writeFolderAtomically } from '../../src/lib/talk-files';
import { root } from '../helpers/paths';

const WAIC = 'waic-2023-roundtable';
const waicDir = path.join(root, 'content/talks', WAIC);

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'huitan-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the importer with `dir` as the working directory and `content/` there as content. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(argv, {
    cwd: dir,
    env: {},
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Every file under a folder (dot files too) with its bytes, to prove nothing changed. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (at: string, prefix: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(at, entry.name), `${rel}/`);
      else files[rel] = (await readFile(path.join(at, entry.name))).toString('base64');
    }
  };
  await walk(folder, '');
  return files;
}

/** content/ with the base fixture's speakers (林舟, 何云 alias 小何, 宋明) and talk. */
async function fixtureContent() {
  await cp(path.join(root, 'tests/fixtures/content/base'), path.join(dir, 'content'), { recursive: true });
}

async function transcript(name: string, content: string | Uint8Array) {
  await writeFile(path.join(dir, name), content);
  return name;
}

describe('the WAIC round trip', () => {
  test('importing the source as a new talk reproduces the committed turns’ words, speakers, positions and labels', async () => {
    await mkdir(path.join(dir, 'content'));
    await cp(path.join(root, 'content/speakers'), path.join(dir, 'content/speakers'), { recursive: true });
    const result = await run(path.join(waicDir, 'source.txt'), '--talk', 'again', '--title', '创想共论·智变可能', '--date', '2023-07-06');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const parse = (text: string) => {
      const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(frontMatter)?.[1];
      return { position: field('position'), speaker: field('speaker'), sourceLabel: field('sourceLabel'), body };
    };
    const committedFiles = (await readdir(path.join(waicDir, 'turns'))).sort();
    const importedFiles = (await readdir(path.join(dir, 'content/talks/again/turns'))).sort();
    expect(importedFiles).toHaveLength(13);
    // The committed turns carry editorial notes; the words under them are the import's.
    const committed = await Promise.all(
      committedFiles.map(async (file) => {
        const turn = parse(await readFile(path.join(waicDir, 'turns', file), 'utf8'));
        return { ...turn, body: `${stripNotes(turn.body).trimEnd()}\n` };
      }),
    );
    const imported = await Promise.all(importedFiles.map(async (file) => parse(await readFile(path.join(dir, 'content/talks/again/turns', file), 'utf8'))));
    expect(imported).toEqual(committed);
    expect(imported.filter((turn) => turn.sourceLabel).map((turn) => [turn.position, turn.sourceLabel])).toEqual([
      ['6', '植麟'],
      ['12', '植麟'],
    ]);
    expect(await readFile(path.join(dir, 'content/talks/again/source.txt'))).toEqual(await readFile(path.join(waicDir, 'source.txt')));
  });

  test('re-importing it with --force into the committed content changes no byte', async () => {
    await cp(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
    const before = await snapshot(path.join(dir, 'content'));
    const result = await run(path.join(waicDir, 'source.txt'), '--talk', WAIC, '--force');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await snapshot(path.join(dir, 'content'))).toEqual(before);
    expect(result.stdout).toContain('Cut lines 1–20 before the transcript (11 with text; marker "以下为圆桌论坛实录" on line 20)');
    expect(result.stdout).toContain('Cut lines 114–121 after the transcript (6 with text; marker "Read More" on line 114)');
    expect(result.stdout).toContain('13 turns, 5 speakers, 3856 characters:');
  });
});

describe('bad input stops with a message naming the line, and writes nothing', () => {
  const GBK_NI_HAO = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]);
  const cases: [string, string | Uint8Array, string][] = [
    ['an unknown speaker label', '林舟：\n大家好。\n王五：\n你好。\n', 'import stopped: t.txt:3: Unexpected speaker label "王五"'],
    ['an empty file', '', 'import stopped: t.txt:1: expected a transcript (speaker lines, each followed by what they said), found no text'],
    ['a file of blank lines', '\n \n\n', 'import stopped: t.txt:1: expected a transcript'],
    ['text before the first speaker', '第二场圆桌\n林舟：\n大家好。\n', 'import stopped: t.txt:1: Unexpected text before the first speaker line'],
    ['a speaker line without words', '林舟：\n何云：\n好。\n', 'import stopped: t.txt:1: expected words after the speaker line "林舟"'],
    ['a binary file (PNG header)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'import stopped: t.txt:1: expected UTF-8 text, found bytes that are not UTF-8'],
    ['a binary file that is valid UTF-8', new Uint8Array([...new TextEncoder().encode('林舟：\n'), 0, 1, 2, 3]), 'import stopped: t.txt:2: expected plain text, found the control character U+0000 (is this a binary file?)'],
    ['a GBK file', new Uint8Array([...new TextEncoder().encode('林舟：\n大家好。\n'), ...GBK_NI_HAO, 0x0a]), 'import stopped: t.txt:3: expected UTF-8 text, found bytes that are not UTF-8'],
  ];

  test.each(cases)('%s', async (_name, content, message) => {
    await fixtureContent();
    await transcript('t.txt', content);
    const before = await snapshot(path.join(dir, 'content'));
    const result = await run('t.txt', '--talk', 'second-talk');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Nothing was written.');
    expect(await snapshot(path.join(dir, 'content'))).toEqual(before);
  });

  test('an existing talk without --force', async () => {
    await fixtureContent();
    await transcript('t.txt', '林舟：\n大家好。\n');
    const before = await snapshot(path.join(dir, 'content'));
    const result = await run('t.txt', '--talk', 'fixture-talk');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "import stopped: content/talks/fixture-talk: expected no talk here, found one: re-import with --force (keeps talk.yaml and each turn's front matter where the speaker is unchanged), or choose another --talk\nNothing was written.",
    );
    expect(await snapshot(path.join(dir, 'content'))).toEqual(before);
  });

  test('a start marker given on the command line that the file lacks', async () => {
    await fixtureContent();
    await transcript('t.txt', '林舟：\n大家好。\n');
    const result = await run('t.txt', '--talk', 'second-talk', '--start', '正文开始');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('import stopped: t.txt: expected a line containing the start marker "正文开始", found none');
  });

  test('a missing file', async () => {
    await fixtureContent();
    const result = await run('nope.txt', '--talk', 'second-talk');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('import stopped: nope.txt: expected a readable transcript file, found ENOENT');
  });

  test.each([
    [['t.txt'], 'import: expected --talk <slug>, found none'],
    [['--talk', 'x'], 'import: expected one transcript file, found none'],
    [['t.txt', '--talk', 'Second Talk'], 'import: --talk: expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found "Second Talk" (it becomes the folder and the URL)'],
    [['t.txt', '--talk', 'con'], 'import: --talk: expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found "con", a name Windows reserves for a device (it becomes the folder and the URL)'],
    [['t.txt', '--talk', 'a'.repeat(250)], `import: --talk: expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found "${'a'.repeat(58)}… (it becomes the folder and the URL)`],
    [['t.txt', '--talk', 'speakers'], 'import: --talk: expected a slug other than speakers, search, pagefind, _astro, 404 (the site uses those URLs), found "speakers"'],
    [['t.txt', '--talk', 'x', '--date', '2024-02-30'], 'import: --date: expected an ISO date YYYY-MM-DD, found "2024-02-30"'],
    [['t.txt', '--talk', 'x', '--frobnicate'], "import: Unknown option '--frobnicate'"],
  ])('bad usage %j exits 2 with the usage', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(result.stderr).toContain('Usage: npm run import -- <file> --talk <slug> [options]');
  });
});

describe('importing a new talk', () => {
  const TEXT = '以下为圆桌论坛实录:\n林舟：\n\n欢迎回来, 今天继续聊 fixture 。\n小何\n测试数据要小而全。\n第二段。\n宋明:\n我补充一点。\nRead More\n二维码\n';

  test('--help prints the usage and exits 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run import -- <file> --talk <slug> \[options\]/);
  });

  test('--dry-run prints turns, speakers and characters per turn, and writes nothing', async () => {
    await fixtureContent();
    await transcript('t.txt', TEXT);
    const before = await snapshot(path.join(dir, 'content'));
    const result = await run('t.txt', '--talk', 'second-talk', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(-10, -1)).toEqual([
      '3 turns, 3 speakers, 37 characters:',
      '    林舟     lin-zhou         1 turns    18 characters',
      '    何云     he-yun           1 turns    13 characters',
      '    宋明     song-ming        1 turns    6 characters',
      '',
      '    #   line  speaker       label   paras  chars  file',
      '    1   2     林舟                  1      18     turns/01-lin-zhou-1.md',
      '    2   5     何云          小何    2      13     turns/02-he-yun-1.md',
      '    3   8     宋明                  1      6      turns/03-song-ming-1.md',
    ]);
    expect(result.stdout).toContain('Dry run: would write content/talks/second-talk/: talk.yaml (new, to fill in), source.txt, 3 turn files. Nothing written.');
    expect(await snapshot(path.join(dir, 'content'))).toEqual(before);
  });

  test('writes talk.yaml, source.txt and one file per turn', async () => {
    await fixtureContent();
    await transcript('t.txt', TEXT);
    const result = await run('t.txt', '--talk', 'second-talk', '--title', '第二场', '--date', '2024-09-10');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const talkDir = path.join(dir, 'content/talks/second-talk');
    expect(Object.keys(await snapshot(talkDir))).toEqual(['source.txt', 'talk.yaml', 'turns/01-lin-zhou-1.md', 'turns/02-he-yun-1.md', 'turns/03-song-ming-1.md']);
    expect(await readFile(path.join(talkDir, 'turns/02-he-yun-1.md'), 'utf8')).toBe(
      '---\nanchor: he-yun-1\nposition: 2\nspeaker: he-yun\nsourceLabel: 小何\n---\n\n测试数据要小而全。\n\n第二段。\n',
    );
    expect(await readFile(path.join(talkDir, 'source.txt'), 'utf8')).toBe(TEXT);
    expect(result.stdout).toContain('Wrote content/talks/second-talk/: talk.yaml (new, to fill in), source.txt, 3 turn files.');
    expect(result.stdout).toContain('Next: fill in every 【待补充】 in content/talks/second-talk/talk.yaml, then run npm test.');
    expect((await readdir(path.join(dir, 'content/talks'))).sort()).toEqual(['fixture-talk', 'second-talk']);
  });

  test('--title and --date are refused for an existing talk', async () => {
    await fixtureContent();
    await transcript('t.txt', TEXT);
    const result = await run('t.txt', '--talk', 'fixture-talk', '--force', '--title', '新标题');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/talks/fixture-talk/talk.yaml: expected --title and --date only for a new talk, found an existing talk.yaml: edit it instead');
  });
});

describe('re-importing with --force', () => {
  test('keeps talk.yaml, other files and front matter by position; rewrites the words', async () => {
    await fixtureContent();
    const talkDir = path.join(dir, 'content/talks/fixture-talk');
    await writeFile(path.join(talkDir, 'notes.md'), '编辑笔记\n');
    const talkYaml = await readFile(path.join(talkDir, 'talk.yaml'), 'utf8');
    const quoted = await readFile(path.join(talkDir, 'turns/02-he-why-fixtures.md'), 'utf8');
    const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(quoted)![0];
    await transcript(
      't.txt',
      '林舟：\n新的开场。\n何云：\n坏的内容一旦发布，就很难收回，所以要测试。\n林舟：\n宋明老师呢？\n宋明：\n我同意。\n',
    );
    const result = await run('t.txt', '--talk', 'fixture-talk', '--force');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(path.join(talkDir, 'talk.yaml'), 'utf8')).toBe(talkYaml);
    expect(await readFile(path.join(talkDir, 'notes.md'), 'utf8')).toBe('编辑笔记\n');
    expect(await readFile(path.join(talkDir, 'turns/02-he-why-fixtures.md'), 'utf8')).toBe(`${frontMatter}\n坏的内容一旦发布，就很难收回，所以要测试。\n`);
    expect((await readdir(path.join(talkDir, 'turns'))).sort()).toEqual(['01-lin-opening.md', '02-he-why-fixtures.md', '03-lin-asks-song.md', '04-song-limits.md']);
    expect((await readdir(path.join(dir, 'content/talks'))).sort()).toEqual(['fixture-talk']);
  });
});

describe('writeFolderAtomically', () => {
  test('a failure part-way leaves the old folder as it was and no staging folder', async () => {
    const target = path.join(dir, 'talks/t');
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, 'old.txt'), 'old');
    const files = new Map<string, string>([
      ['a.txt', 'a'],
      ['../escape.txt', 'b'],
    ]);
    await expect(writeFolderAtomically(target, files, { replace: true })).rejects.toThrow('expected a path inside the talk folder, found "../escape.txt"');
    expect(await snapshot(path.join(dir, 'talks'))).toEqual({ 't/old.txt': Buffer.from('old').toString('base64') });
  });

  test('replaces a folder whole', async () => {
    const target = path.join(dir, 'talks/t');
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, 'old.txt'), 'old');
    await writeFolderAtomically(target, new Map([['sub/new.txt', 'new']]), { replace: true });
    expect(await snapshot(path.join(dir, 'talks'))).toEqual({ 't/sub/new.txt': Buffer.from('new').toString('base64') });
  });

  test('refuses to replace without replace: true', async () => {
    const target = path.join(dir, 'talks/t');
    await mkdir(target, { recursive: true });
    await expect(writeFolderAtomically(target, new Map([['a', 'a']]), { replace: false })).rejects.toThrow(`expected no folder at ${target}, found one`);
    expect(await readdir(path.join(dir, 'talks'))).toEqual(['t']);
  });
});
