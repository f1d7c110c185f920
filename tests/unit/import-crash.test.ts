/**
 * The importer is all or nothing even when killed. The real CLI (src/cli/import.ts, bundled
 * once with esbuild so each run starts fast) imports a big generated transcript and is killed
 * with SIGKILL — at every instrumented step (HUITAN_IMPORT_CRASH_AT, see talk-transaction.ts)
 * and after random delays — then the next run (the recovery, or the next import) must leave
 * content/ byte for byte the old state or the new one. Two imports of one talk at once: one
 * wins, the other stops with a message and no stack trace.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport } from '../../src/cli/import-command';
import { assertNoTalkMovedAside } from '../../src/lib/import/interrupted';
import { root } from '../helpers/paths';

/** Enough files that a kill lands while writing; each turn's words run to a few kilobytes. */
const TURNS = 150;
const RANDOM_RUNS = 20;
const SEED = Number(process.env['HUITAN_CRASH_SEED'] ?? 20240910);

let work: string;
let cli: string;

/** A transcript of `turns` turns by the fixture's three speakers (and Maria Okafor, if `stranger`). */
function bigTranscript(version: string, stranger = false): string {
  const names = ['林舟', '何云', '宋明', ...(stranger ? ['Maria Okafor (Lumen Labs)'] : [])];
  const lines: string[] = [];
  for (let turn = 0; turn < TURNS; turn += 1) {
    lines.push(
      `${names[turn % names.length]}：`,
      `第${turn + 1}段话（${version}），测试数据要小而全，${'内容'.repeat(turn % 7)}。`,
      `补充说明 ${version}-${turn}，${'一句很长的话，'.repeat(200)}完。`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Every file under a folder, dot files included, by hash: the state to compare. */
async function state(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (at: string, prefix: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        files[`${rel}/`] = 'dir';
        await walk(path.join(at, entry.name), `${rel}/`);
      } else {
        files[rel] = createHash('sha256')
          .update(await readFile(path.join(at, entry.name)))
          .digest('hex');
      }
    }
  };
  await walk(folder, '');
  return files;
}

const inProcess = async (cwd: string, ...argv: string[]) => {
  const out: string[] = [];
  const code = await runImport(argv, {
    cwd,
    env: { HUITAN_CONTENT_DIR: path.join(cwd, 'content') },
    stdout: (t) => out.push(t),
    stderr: (t) => out.push(t),
  });
  return { code, output: out.join('\n') };
};

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the bundled CLI in `cwd`; kills it with SIGKILL after `killAfterMs`, if given. */
function runCli(cwd: string, argv: string[], env: Record<string, string> = {}, killAfterMs?: number): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...argv], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HUITAN_CONTENT_DIR: path.join(cwd, 'content'), ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const err: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** A deterministic random sequence (mulberry32), so a failing run can be repeated with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two scenarios: replacing a big talk with --force, and a new talk that brings a new speaker. */
interface Scenario {
  name: string;
  template: string;
  argv: string[];
  old: Record<string, string>;
  new: Record<string, string>;
  /** Steps of this scenario's write, in order; a kill at `committed` or later ends in the new state. */
  points: string[];
}
const scenarios: Record<'replace' | 'create', Scenario> = {} as never;
let fullRunMs = 1000;

async function makeSite(template: string, name: string): Promise<string> {
  const dir = await mkdtemp(path.join(work, `${name}-`));
  await cp(template, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'huitan-crash-'));
  cli = path.join(work, 'import.mjs');
  // Packages stay outside the bundle and resolve through this link, as from the repository.
  await symlink(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  await build({
    entryPoints: [path.join(root, 'src/cli/import.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: cli,
    logLevel: 'error',
  });

  // replace: content/ holds big-talk (v1, with an editor's file); the run imports v2 with --force.
  const replace = path.join(work, 'template-replace');
  await cp(path.join(root, 'tests/fixtures/content/base'), path.join(replace, 'content'), { recursive: true });
  await writeFile(path.join(replace, 'v1.txt'), bigTranscript('v1'));
  await writeFile(path.join(replace, 'v2.txt'), bigTranscript('v2'));
  expect((await inProcess(replace, 'v1.txt', '--talk', 'big-talk')).code).toBe(0);
  await writeFile(path.join(replace, 'content/talks/big-talk/notes.md'), '编辑笔记\n');
  const replaceArgv = ['v2.txt', '--talk', 'big-talk', '--force'];
  const replaced = await makeSite(replace, 'reference-replace');
  expect((await inProcess(replaced, ...replaceArgv)).code).toBe(0);
  scenarios.replace = {
    name: 'replace',
    template: replace,
    argv: replaceArgv,
    old: await state(path.join(replace, 'content')),
    new: await state(path.join(replaced, 'content')),
    points: [
      'write:1',
      `write:${TURNS / 2}`,
      `write:${TURNS + 3}`,
      'commit',
      'committed',
      'aside',
      'placed',
      'previous-removed',
    ],
  };

  // create: a new talk whose transcript names someone content/speakers lacks.
  const create = path.join(work, 'template-create');
  await cp(path.join(root, 'tests/fixtures/content/base'), path.join(create, 'content'), { recursive: true });
  await writeFile(path.join(create, 'v3.txt'), bigTranscript('v3', true));
  const createArgv = ['v3.txt', '--talk', 'fresh-talk', '--create-speakers'];
  const created = await makeSite(create, 'reference-create');
  const started = performance.now();
  const reference = await runCli(created, createArgv);
  fullRunMs = performance.now() - started;
  expect(reference.stderr).toBe('');
  expect(reference.code).toBe(0);
  scenarios.create = {
    name: 'create',
    template: create,
    argv: createArgv,
    old: await state(path.join(create, 'content')),
    new: await state(path.join(created, 'content')),
    points: [
      'write:1',
      `write:${TURNS + 2}`,
      'commit',
      'committed',
      'speaker:maria-okafor',
      'placed',
      'previous-removed',
    ],
  };
  expect(Object.keys(scenarios.create.new)).toContain('speakers/maria-okafor.yaml');
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

type Outcome = 'old' | 'new';

/**
 * One crash: a fresh copy of the scenario's old state, the CLI killed (at `point`, or after
 * `delayMs`), then the next run — `--recover`, or the same import again — and the state compared.
 */
async function crashOnce(
  scenario: Scenario,
  kill: { point: string } | { delayMs: number },
  next: 'recover' | 'import',
): Promise<Outcome> {
  const site = await makeSite(scenario.template, `run-${scenario.name}`);
  const content = path.join(site, 'content');
  const child =
    'point' in kill
      ? await runCli(site, scenario.argv, { HUITAN_IMPORT_CRASH_AT: kill.point })
      : await runCli(site, scenario.argv, {}, kill.delayMs);
  if ('point' in kill) expect(child.signal, `the CLI reached ${kill.point}`).toBe('SIGKILL');
  if (child.signal === null) expect(child.stderr).toBe('');

  const after = next === 'recover' ? await inProcess(site, '--recover') : await inProcess(site, ...scenario.argv);
  const now = await state(content);
  // The same import again after a crash that already finished it: a new talk exists now.
  const stoppedOnNew = next === 'import' && scenario.name === 'create' && after.code === 1;
  if (stoppedOnNew) expect(after.output).toContain('expected no talk here, found one');
  else
    expect(after.output.includes('import stopped') || after.output.includes('import failed'), after.output).toBe(false);
  expect(() => assertNoTalkMovedAside(path.join(content, 'talks'))).not.toThrow();
  await rm(site, { recursive: true, force: true });
  if (JSON.stringify(now) === JSON.stringify(scenario.new)) return 'new';
  if (next === 'recover' && JSON.stringify(now) === JSON.stringify(scenario.old)) return 'old';
  const diff = (expected: Record<string, string>) =>
    [...new Set([...Object.keys(expected), ...Object.keys(now)])]
      .filter((key) => expected[key] !== now[key])
      .slice(0, 5);
  throw new Error(
    `${scenario.name}, killed ${JSON.stringify(kill)}, then ${next}: content/ is neither the old nor the new state (differs from new in ${diff(scenario.new).join(', ')}; from old in ${diff(scenario.old).join(', ')})\n${after.output}`,
  );
}

describe('killed at every step of the write, the next run leaves the old state or the new one', () => {
  for (const name of ['replace', 'create'] as const) {
    test(`${name}: each instrumented step`, async () => {
      const scenario = scenarios[name];
      const committed = scenario.points.indexOf('committed');
      const outcomes: (readonly [string, Outcome])[] = [];
      for (let at = 0; at < scenario.points.length; at += 2) {
        const pair = scenario.points
          .slice(at, at + 2)
          .map(async (point) => [point, await crashOnce(scenario, { point }, 'recover')] as const);
        outcomes.push(...(await Promise.all(pair)));
      }
      // Before the commit, recovery throws the attempt away; from it on, it finishes it.
      expect(outcomes).toEqual(scenario.points.map((point, index) => [point, index >= committed ? 'new' : 'old']));
    }, 120_000);
  }

  test(`${RANDOM_RUNS} kills after random delays`, async () => {
    const next = random(SEED);
    const outcomes: Outcome[] = [];
    for (let run = 0; run < RANDOM_RUNS; run += 2) {
      const pair = [0, 1].map((offset) => {
        const scenario = (run + offset) % 2 === 0 ? scenarios.replace : scenarios.create;
        const delayMs = Math.round(next() * fullRunMs * 1.2);
        return crashOnce(scenario, { delayMs }, next() < 0.5 ? 'recover' : 'import');
      });
      outcomes.push(...(await Promise.all(pair)));
    }
    expect(outcomes).toHaveLength(RANDOM_RUNS);
  }, 120_000);
});

describe('a `.previous` folder whose talk is gone', () => {
  test('is put back by the next run, which says so', async () => {
    const site = await makeSite(scenarios.replace.template, 'legacy');
    const talks = path.join(site, 'content/talks');
    // What the importer before the commit marker left when killed between its two renames.
    await cp(path.join(talks, 'big-talk'), path.join(talks, '.big-talk.import-Ab12Cd'), { recursive: true });
    await cp(path.join(talks, 'big-talk'), path.join(talks, '.big-talk.import-Ab12Cd.previous'), { recursive: true });
    await rm(path.join(talks, 'big-talk'), { recursive: true });
    expect(() => assertNoTalkMovedAside(talks)).toThrow(
      '.big-talk.import-Ab12Cd.previous: expected the talk folder content/talks/big-talk beside it, found none',
    );
    const result = await inProcess(site, '--recover');
    expect(result.code).toBe(0);
    expect(result.output).toContain(
      'Removed content/talks/.big-talk.import-Ab12Cd: an import of big-talk was stopped before it had written everything',
    );
    expect(result.output).toContain(
      'Restored content/talks/big-talk from content/talks/.big-talk.import-Ab12Cd.previous: an import was stopped while replacing it',
    );
    expect(await state(path.join(site, 'content'))).toEqual(scenarios.replace.old);
  }, 60_000);
});

describe('two imports of one talk at once', () => {
  test('one writes it; the other stops with a message and no stack trace', async () => {
    const site = await makeSite(scenarios.create.template, 'race');
    const [a, b] = await Promise.all([runCli(site, scenarios.create.argv), runCli(site, scenarios.create.argv)]);
    const results = [a, b].sort((x, y) => (x.code ?? 9) - (y.code ?? 9));
    expect(results.map((result) => result.code)).toEqual([0, 1]);
    const loser = results[1]!.stderr;
    expect(loser).toMatch(
      /^import stopped: content\/talks(\/\.import\.lock: expected no other import running, found one \(process \d+|\/fresh-talk: expected no talk here, found one)/,
    );
    expect(loser).not.toMatch(/^\s+at /m);
    expect(await state(path.join(site, 'content'))).toEqual(scenarios.create.new);
  }, 60_000);

  test('a lock held by a running process stops the import, naming it; a dead one is taken over', async () => {
    const site = await makeSite(scenarios.create.template, 'lock');
    const lock = path.join(site, 'content/talks/.import.lock');
    const holder = { pid: process.pid, host: os.hostname(), started: '2024-09-10T08:00:00.000Z', talk: 'other-talk' };
    await writeFile(lock, JSON.stringify(holder));
    const held = await inProcess(site, ...scenarios.create.argv);
    expect(held.code).toBe(1);
    expect(held.output).toBe(
      `import stopped: content/talks/.import.lock: expected no other import running, found one (process ${process.pid} on ${os.hostname()}, importing other-talk since 2024-09-10T08:00:00.000Z): wait for it to finish and run again (if no import is running, delete content/talks/.import.lock)\nNothing was written.`,
    );
    await writeFile(lock, JSON.stringify({ ...holder, pid: await spawnedPid() }));
    const taken = await inProcess(site, ...scenarios.create.argv);
    expect(taken.output).not.toContain('import stopped');
    expect(taken.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(await state(path.join(site, 'content'))).toEqual(scenarios.create.new);
  }, 60_000);
});

/** The pid of a process that has exited (so no process has it, barring reuse). */
function spawnedPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(child.pid!));
  });
}
