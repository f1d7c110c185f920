/**
 * Runs `astro build` as a child process and reports its wall time and peak memory. Peak memory
 * is the largest resident set of the build's processes (Astro's Node process or Pagefind's
 * indexer), from GNU time's %M where /usr/bin/time exists, else from the Node process's VmHWM
 * in /proc read until it exits.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { root } from '../../helpers/paths';

export interface TimedBuild {
  ms: number;
  /** Peak resident set in MB, or NaN when it could not be read. */
  peakMb: number;
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

async function vmHwmKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
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
  const poll = useTime
    ? undefined
    : setInterval(() => {
        void vmHwmKb(child.pid!).then((kb) => {
          if (Number.isFinite(kb)) peakKb = Number.isFinite(peakKb) ? Math.max(peakKb, kb) : kb;
        });
      }, 100);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30 * 60_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - started;
  clearTimeout(timer);
  if (poll) clearInterval(poll);
  const output = Buffer.concat(chunks).toString('utf8');
  if (useTime) peakKb = Number((await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').pop());
  await rm(scratch, { recursive: true, force: true });
  if (code !== 0) throw new Error(`astro build exited with ${code}:\n${output.slice(-4000)}`);
  return { ms, peakMb: peakKb / 1024, output };
}
