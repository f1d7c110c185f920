/**
 * Runs `astro build` as a child process and reports its wall time and peak memory. Peak memory
 * is the largest sum of the resident sets of the build's processes at one moment (Astro's Node
 * process and Pagefind's indexer, which run side by side while the index is written), sampled
 * from /proc every 100 ms, or GNU time's %M (the Node process alone: it does not wait for
 * Pagefind's process, so %M misses it) if that is larger.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { root } from '../../helpers/paths';

export interface TimedBuild {
  ms: number;
  /** Peak resident set in MB, or NaN when it could not be read. */
  peakMb: number;
  /** Each process's own peak in MB, by command name (node, pagefind_extend). */
  peakByProcessMb: Record<string, number>;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

export interface BuildOptions {
  /** Working directory (a temp folder for isolated builds; see tests/helpers/fixture-build.ts). */
  cwd?: string;
  /** HUITAN_CONTENT_DIR, HUITAN_OUT_DIR, HUITAN_CACHE_DIR and the like. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * The resident set of `pid` and all its descendants now, in KB (NaN without /proc), and each
 * command's share of it.
 */
export async function treeRss(pid: number): Promise<{ kb: number; byCommand: Map<string, number> }> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command (which may hold spaces) in parentheses: state, ppid, …
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isFinite(ppid)) parents.set(Number(entry), ppid);
  }
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of parents) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  let total = Number.NaN;
  const byCommand = new Map<string, number>();
  for (const member of tree) {
    const status = await readFile(`/proc/${member}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    if (!Number.isFinite(kb)) continue;
    total = (Number.isFinite(total) ? total : 0) + kb;
    const command = /Name:\s+(\S+)/.exec(status)?.[1] ?? '?';
    byCommand.set(command, (byCommand.get(command) ?? 0) + kb);
  }
  return { kb: total, byCommand };
}

export async function timedBuild(options: BuildOptions = {}): Promise<TimedBuild> {
  const astro = [path.join(root, 'node_modules/astro/astro.js'), 'build', '--root', root];
  const useTime = existsSync(GNU_TIME);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'huitan-time-'));
  const timeFile = path.join(scratch, 'time.txt');
  const [command, args] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', timeFile, process.execPath, ...astro]]
    : [process.execPath, astro];
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...options.env };
  for (const key of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']) delete env[key];
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd ?? root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  let peakKb = Number.NaN;
  const peakByCommandKb = new Map<string, number>();
  let sampling = false;
  const poll = setInterval(() => {
    if (sampling) return;
    sampling = true;
    void treeRss(child.pid!).then(({ kb, byCommand }) => {
      sampling = false;
      if (Number.isFinite(kb)) peakKb = Number.isFinite(peakKb) ? Math.max(peakKb, kb) : kb;
      for (const [command, commandKb] of byCommand)
        peakByCommandKb.set(command, Math.max(peakByCommandKb.get(command) ?? 0, commandKb));
    });
  }, 100);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30 * 60_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - started;
  clearTimeout(timer);
  clearInterval(poll);
  const output = Buffer.concat(chunks).toString('utf8');
  if (useTime) {
    const nodeKb = Number((await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').pop());
    if (Number.isFinite(nodeKb)) peakKb = Number.isFinite(peakKb) ? Math.max(peakKb, nodeKb) : nodeKb;
  }
  await rm(scratch, { recursive: true, force: true });
  if (code !== 0) throw new Error(`astro build exited with ${code}:\n${output.slice(-4000)}`);
  const peakByProcessMb = Object.fromEntries([...peakByCommandKb].map(([command, kb]) => [command, kb / 1024]));
  return { ms, peakMb: peakKb / 1024, peakByProcessMb, output };
}
