/**
 * `npm run import`, run in-process on temporary content folders: the WAIC round trip, every
 * bad input stopping with its message and writing nothing, and re-imports that keep the
 * editor's work.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { stripNotes } from '../../src/lib/content/notes';
import { writeTalk } from '../../src/lib/import/talk-transaction';
import { runImportIn } from '../helpers/import-run';
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
const run = (...argv: string[]) => runImportIn(dir, argv);

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
    const result = await run(
      path.join(waicDir, 'source.txt'),
      '--talk',
      'again',
      '--title',
      '创想共论·智变可能',
      '--date',
      '2023-07-06',
    );
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
    const imported = await Promise.all(
      importedFiles.map(async (file) =>
        parse(await readFile(path.join(dir, 'content/talks/again/turns', file), 'utf8')),
      ),
    );
    expect(imported).toEqual(committed);
    expect(imported.filter((turn) => turn.sourceLabel).map((turn) => [turn.position, turn.sourceLabel])).toEqual([
      ['6', '植麟'],
      ['12', '植麟'],
    ]);
    expect(await readFile(path.join(dir, 'content/talks/again/source.txt'))).toEqual(
      await readFile(path.join(waicDir, 'source.txt')),
    );
  });

  test('re-importing it with --force into the committed content changes no byte', async () => {
    await cp(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
    const before = await snapshot(path.join(dir, 'content'));
    const result = await run(path.join(waicDir, 'source.txt'), '--talk', WAIC, '--force');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await snapshot(path.join(dir, 'content'))).toEqual(before);
    expect(result.stdout).toContain(
      'Cut lines 1–20 before the transcript (11 with text; marker "以下为圆桌论坛实录" on line 20)',
    );
    expect(result.stdout).toContain(
      'Cut lines 114–121 after the transcript (6 with text; marker "Read More" on line 114)',
    );
    expect(result.stdout).toContain('13 turns, 5 speakers, 3856 characters:');
  });
});

describe('bad input stops with a message naming the line, and writes nothing', () => {
  const GBK_NI_HAO = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]);
  const cases: [string, string | Uint8Array, string][] = [
    [
      'an unknown speaker label',
      '林舟：\n大家好。\n王五：\n你好。\n',
      'import stopped: t.txt:3: Unexpected speaker label "王五"',
    ],
    [
      'an empty file',
      '',
      'import stopped: t.txt:1: expected a transcript (speaker lines, each followed by what they said), found no text',
    ],
    ['a file of blank lines', '\n \n\n', 'import stopped: t.txt:1: expected a transcript'],
    [
      'text before the first speaker',
      '第二场圆桌\n林舟：\n大家好。\n',
      'import stopped: t.txt:1: Unexpected text before the first speaker line',
    ],
    [
      'a speaker line without words',
      '林舟：\n何云：\n好。\n',
      'import stopped: t.txt:1: expected words after the speaker line "林舟"',
    ],
    [
      'a binary file (PNG header)',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      'import stopped: t.txt:1: expected UTF-8 text, found bytes that are not UTF-8',
    ],
    [
      'a binary file that is valid UTF-8',
      new Uint8Array([...new TextEncoder().encode('林舟：\n'), 0, 1, 2, 3]),
      'import stopped: t.txt:2: expected plain text, found the control character U+0000 (is this a binary file?)',
    ],
    [
      'a GBK file',
      new Uint8Array([...new TextEncoder().encode('林舟：\n大家好。\n'), ...GBK_NI_HAO, 0x0a]),
      'import stopped: t.txt:3: expected UTF-8 text, found bytes that are not UTF-8',
    ],
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
    expect(result.stderr).toContain(
      'import stopped: t.txt: expected a line containing the start marker "正文开始", found none',
    );
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
    [
      ['t.txt', '--talk', 'Second Talk'],
      'import: --talk: expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found "Second Talk" (it becomes the folder and the URL)',
    ],
    [
      ['t.txt', '--talk', 'con'],
      'import: --talk: expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found "con", a name Windows reserves for a device (it becomes the folder and the URL)',
    ],
    [
      ['t.txt', '--talk', 'a'.repeat(250)],
      `import: --talk: expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found "${'a'.repeat(58)}… (it becomes the folder and the URL)`,
    ],
    [
      ['t.txt', '--talk', 'speakers'],
      'import: --talk: expected a slug other than speakers, search, pagefind, _astro, 404, en (the site uses those URLs), found "speakers"',
    ],
    [
      ['t.txt', '--talk', 'x', '--date', '2024-02-30'],
      'import: --date: expected an ISO date YYYY-MM-DD, found "2024-02-30"',
    ],
    [['t.txt', '--talk', 'x', '--frobnicate'], "import: Unknown option '--frobnicate'"],
  ])('bad usage %j exits 2 with the usage', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(result.stderr).toContain('Usage: npm run import -- <file> --talk <slug> [options]');
  });
});

describe('importing a new talk', () => {
  const TEXT =
    '以下为圆桌论坛实录:\n林舟：\n\n欢迎回来, 今天继续聊 fixture 。\n小何\n测试数据要小而全。\n第二段。\n宋明:\n我补充一点。\nRead More\n二维码\n';

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
    expect(result.stdout.split('\n').slice(-11, -1)).toEqual([
      '3 turns, 3 speakers, 37 characters:',
      '    speaker  id         turns  characters  labels',
      '    林舟     lin-zhou       1          18  林舟',
      '    何云     he-yun         1          13  小何',
      '    宋明     song-ming      1           6  宋明',
      '',
      '    #  line  speaker  label  paras  chars  file',
      '    1     2  林舟                1     18  turns/01-lin-zhou-1.md',
      '    2     5  何云     小何       2     13  turns/02-he-yun-1.md',
      '    3     8  宋明                1      6  turns/03-song-ming-1.md',
    ]);
    expect(result.stdout).toContain(
      'Dry run: would write content/talks/second-talk/: talk.yaml (new, to fill in), source.txt, 3 turn files. Nothing written.',
    );
    expect(await snapshot(path.join(dir, 'content'))).toEqual(before);
  });

  test('writes talk.yaml, source.txt and one file per turn', async () => {
    await fixtureContent();
    await transcript('t.txt', TEXT);
    const result = await run('t.txt', '--talk', 'second-talk', '--title', '第二场', '--date', '2024-09-10');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const talkDir = path.join(dir, 'content/talks/second-talk');
    expect(Object.keys(await snapshot(talkDir))).toEqual([
      'source.txt',
      'talk.yaml',
      'turns/01-lin-zhou-1.md',
      'turns/02-he-yun-1.md',
      'turns/03-song-ming-1.md',
    ]);
    expect(await readFile(path.join(talkDir, 'turns/02-he-yun-1.md'), 'utf8')).toBe(
      '---\nanchor: he-yun-1\nposition: 2\nspeaker: he-yun\nsourceLabel: 小何\n---\n\n测试数据要小而全。\n\n第二段。\n',
    );
    expect(await readFile(path.join(talkDir, 'source.txt'), 'utf8')).toBe(TEXT);
    expect(result.stdout).toContain(
      'Wrote content/talks/second-talk/: talk.yaml (new, to fill in), source.txt, 3 turn files.',
    );
    expect(result.stdout).toContain(
      'Next: fill in every 【待补充】 in content/talks/second-talk/talk.yaml, then run npm test.',
    );
    expect((await readdir(path.join(dir, 'content/talks'))).sort()).toEqual(['fixture-talk', 'second-talk']);
  });

  test('--title and --date are refused for an existing talk', async () => {
    await fixtureContent();
    await transcript('t.txt', TEXT);
    const result = await run('t.txt', '--talk', 'fixture-talk', '--force', '--title', '新标题');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'content/talks/fixture-talk/talk.yaml: expected --title, --date and --language only for a new talk, found an existing talk.yaml: edit it instead',
    );
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
    expect(await readFile(path.join(talkDir, 'turns/02-he-why-fixtures.md'), 'utf8')).toBe(
      `${frontMatter}\n坏的内容一旦发布，就很难收回，所以要测试。\n`,
    );
    expect((await readdir(path.join(talkDir, 'turns'))).sort()).toEqual([
      '01-lin-opening.md',
      '02-he-why-fixtures.md',
      '03-lin-asks-song.md',
      '04-song-limits.md',
    ]);
    expect((await readdir(path.join(dir, 'content/talks'))).sort()).toEqual(['fixture-talk']);
  });
});

describe('writeTalk', () => {
  const write = (files: Map<string, string>, replace: boolean) =>
    writeTalk({
      talksDir: path.join(dir, 'talks'),
      speakersDir: path.join(dir, 'speakers'),
      slug: 't',
      files,
      replace,
    });

  test('a failure part-way leaves the old folder as it was and no staging folder', async () => {
    const target = path.join(dir, 'talks/t');
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, 'old.txt'), 'old');
    const files = new Map<string, string>([
      ['a.txt', 'a'],
      ['../escape.txt', 'b'],
    ]);
    await expect(write(files, true)).rejects.toThrow('expected a path inside the talk folder, found "../escape.txt"');
    expect(await snapshot(path.join(dir, 'talks'))).toEqual({ 't/old.txt': Buffer.from('old').toString('base64') });
  });

  test('replaces a folder whole', async () => {
    const target = path.join(dir, 'talks/t');
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, 'old.txt'), 'old');
    await write(new Map([['sub/new.txt', 'new']]), true);
    expect(await snapshot(path.join(dir, 'talks'))).toEqual({ 't/sub/new.txt': Buffer.from('new').toString('base64') });
  });

  test('refuses to replace without replace: true', async () => {
    const target = path.join(dir, 'talks/t');
    await mkdir(target, { recursive: true });
    await expect(write(new Map([['a', 'a']]), false)).rejects.toThrow(`expected no folder at ${target}, found one`);
    expect(await readdir(path.join(dir, 'talks'))).toEqual(['t']);
  });
});

describe('speaker labels', () => {
  const ROLES = '主持人：\n欢迎。\n何云：\n谢谢。\nSPEAKER_00:\n我也说一句。\n主持人：\n再见。\n';

  test('--speaker labels a role for this talk, is kept in talk.yaml, and is read back on re-import', async () => {
    await fixtureContent();
    await transcript('t.txt', ROLES);
    const first = await run(
      't.txt',
      '--talk',
      'second-talk',
      '--speaker',
      '主持人=lin-zhou',
      '--speaker',
      'SPEAKER_00=song-ming',
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('    林舟     lin-zhou       2           6  主持人 (this talk)\n');
    expect(first.stdout).toContain('    宋明     song-ming      1           6  SPEAKER_00 (this talk)\n');
    const talkYaml = await readFile(path.join(dir, 'content/talks/second-talk/talk.yaml'), 'utf8');
    expect(talkYaml).toContain('    part: guest\nlabels:\n  主持人: lin-zhou\n  SPEAKER_00: song-ming\nsource:');
    expect(await readFile(path.join(dir, 'content/talks/second-talk/turns/01-lin-zhou-1.md'), 'utf8')).toBe(
      '---\nanchor: lin-zhou-1\nposition: 1\nspeaker: lin-zhou\nsourceLabel: 主持人\n---\n\n欢迎。\n',
    );
    const before = await snapshot(path.join(dir, 'content'));
    const again = await run('t.txt', '--talk', 'second-talk', '--force');
    expect(again.stderr).toBe('');
    expect(await snapshot(path.join(dir, 'content'))).toEqual(before);
  });

  test('a role without --speaker, and a --speaker label the transcript never uses, stop the import', async () => {
    await fixtureContent();
    await transcript('t.txt', ROLES);
    const role = await run('t.txt', '--talk', 'second-talk', '--speaker', 'SPEAKER_00=song-ming');
    expect(role.stderr).toContain(
      'import stopped: t.txt:1: Unexpected speaker label "主持人": it names a role, not a person',
    );
    const unused = await run(
      't.txt',
      '--talk',
      'second-talk',
      '--speaker',
      '主持人=lin-zhou',
      '--speaker',
      'SPEAKER_00=song-ming',
      '--speaker',
      'MODERATOR=he-yun',
    );
    expect(unused.stderr).toContain(
      'import stopped: t.txt: --speaker: expected the label "MODERATOR" on a speaker line of the transcript, found none',
    );
    expect(unused.code).toBe(1);
  });

  test('--create-speakers writes a stub to fill in, in a colour the talk does not use yet', async () => {
    await fixtureContent();
    await transcript('t.txt', '林舟：\n欢迎。\nDR. MARIA OKAFOR (Lumen Labs):\nThank you.\n王五教授：\n谢谢。\n');
    const result = await run('t.txt', '--talk', 'second-talk', '--create-speakers', '--speaker', '王五教授=wang-wu');
    expect(result.stderr).toBe('');
    // Blue is 林舟's; then the palette's first colour, then the one least used on the site.
    expect(result.stdout).toContain('  + content/speakers/wang-wu.yaml: new speaker "王五" (crimson), to fill in');
    expect(result.stdout).toContain(
      '  + content/speakers/maria-okafor.yaml: new speaker "Maria Okafor" (teal), to fill in',
    );
    expect(result.stdout).toContain(
      'Next: fill in every 【待补充】 in content/talks/second-talk/talk.yaml, content/speakers/wang-wu.yaml, content/speakers/maria-okafor.yaml, then run npm test.',
    );
    const stub = await readFile(path.join(dir, 'content/speakers/maria-okafor.yaml'), 'utf8');
    expect(stub).toContain(
      'name: Maria Okafor\nlatinName: Maria Okafor\ncolor: teal\nrole:\n  text: 【待补充】\n  unverified: true\n',
    );
    expect(stub).toContain('from the label\n# "DR. MARIA OKAFOR (Lumen Labs)" (t.txt line 3).');
    // The name is the person's own: no per-talk label is needed for it.
    expect(await readFile(path.join(dir, 'content/talks/second-talk/talk.yaml'), 'utf8')).not.toContain('labels:');
  });

  test('--dry-run lines up Latin and CJK names and lists the labels credited to each', async () => {
    await fixtureContent();
    await writeFile(
      path.join(dir, 'content/speakers/richard-roe.yaml'),
      'name: Richard Roe\nlatinName: Richard Roe\ncolor: teal\nrole:\n  text: 参议员\n  unverified: true\naffiliation:\n  text: 参议院\n  unverified: true\n',
    );
    await transcript('t.txt', 'Sen. Richard Roe (D-CT):\nHello.\n林舟：\n你好。\nRICHARD ROE\nAgain.\n');
    const result = await run('t.txt', '--talk', 'second-talk', '--dry-run');
    expect(result.stdout.split('\n').filter((line) => /^ {4}(speaker|Richard|林舟)/.test(line))).toEqual([
      '    speaker      id           turns  characters  labels',
      '    Richard Roe  richard-roe      2          12  Sen. Richard Roe (D-CT), RICHARD ROE',
      '    林舟         lin-zhou         1           3  林舟',
    ]);
  });
});

describe('rough edges', () => {
  test("a new talk folder gets the usual mode, not a temporary folder's 0700", async () => {
    await fixtureContent();
    await transcript('t.txt', '林舟：\n大家好。\n');
    expect((await run('t.txt', '--talk', 'second-talk')).code).toBe(0);
    await mkdir(path.join(dir, 'reference'));
    const { stat } = await import('node:fs/promises');
    const mode = async (folder: string) => (await stat(folder)).mode & 0o777;
    expect(await mode(path.join(dir, 'content/talks/second-talk'))).toBe(await mode(path.join(dir, 'reference')));
    expect(await mode(path.join(dir, 'content/talks/second-talk/turns'))).toBe(await mode(path.join(dir, 'reference')));
  });

  test('a C1 control character stops the import, naming its line', async () => {
    await fixtureContent();
    await transcript('t.txt', '林舟：\n大家好\u0085。\n');
    const result = await run('t.txt', '--talk', 'second-talk');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'import stopped: t.txt:2: expected plain text, found the C1 control character U+0085',
    );
  });

  test('an unexpected error is one line and exit code 1, not a stack trace', async () => {
    await mkdir(path.join(dir, 'content'));
    await writeFile(path.join(dir, 'content/talks'), 'not a folder');
    await transcript('t.txt', '林舟：\n大家好。\n');
    const result = await run('t.txt', '--talk', 'second-talk');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^import failed: EEXIST: file already exists, mkdir '.*content\/talks' \(an unexpected error; set HUITAN_DEBUG=1 to see where\)\nNothing was written\.$/,
    );
  });

  test('a staging folder an interrupted run left is removed by the next run, which says so', async () => {
    await fixtureContent();
    await mkdir(path.join(dir, 'content/talks/.second-talk.import-0a1b2c/talk/turns'), { recursive: true });
    await writeFile(path.join(dir, 'content/talks/.second-talk.import-0a1b2c/talk/talk.yaml'), 'title: half\n');
    await transcript('t.txt', '林舟：\n大家好。\n');
    const result = await run('t.txt', '--talk', 'second-talk');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'Removed content/talks/.second-talk.import-0a1b2c: an import of second-talk was stopped before it had written everything; nothing of it was published.',
    );
    expect((await readdir(path.join(dir, 'content/talks'))).sort()).toEqual(['fixture-talk', 'second-talk']);
    const nothing = await run('--recover');
    expect(nothing.stdout).toBe('Nothing to recover: no interrupted import in content/talks.');
  });

  test('speech that looks like a note call is escaped as text', async () => {
    await fixtureContent();
    await transcript('t.txt', '林舟：\n见[^1]和[^note]。\n');
    expect((await run('t.txt', '--talk', 'second-talk')).code).toBe(0);
    const turn = await readFile(path.join(dir, 'content/talks/second-talk/turns/01-lin-zhou-1.md'), 'utf8');
    expect(turn.endsWith('\n见\\[^1\\]和\\[^note\\]。\n')).toBe(true);
    expect(stripNotes('见\\[^1\\]和\\[^note\\]。')).toBe('见\\[^1\\]和\\[^note\\]。');
  });
});
