/**
 * One import at a time per content folder. Two imports of one talk would race for its folder
 * (the loser used to crash with a stack trace), and recovery (talk-transaction.ts) must not
 * take a folder another import is still writing for an interrupted one.
 *
 * The lock is `content/talks/.import.lock`, holding the owner's pid, host and start time. It is
 * created whole or not at all: written to a file of our own, then hard-linked to the lock name
 * (link fails if the name exists). A lock whose process is gone (killed) is stale and taken
 * over; breaking it goes through a second lock (`.import.lock.break`) so two runs that find
 * the same stale lock cannot both take it.
 */
import { hostname } from 'node:os';
import { link, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_NAME = '.import.lock';

interface Holder {
  pid: number;
  host: string;
  started: string;
  talk: string;
}

/** Another import holds the lock: who, for the message. */
export class LockedError extends Error {
  readonly holder: Holder | undefined;
  constructor(file: string, holder: Holder | undefined) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host}, importing ${holder.talk} since ${holder.started}`
      : 'a lock that cannot be read';
    super(
      `${file}: expected no other import running, found one (${who}): wait for it to finish and run again (if no import is running, delete ${file})`,
    );
    this.name = 'LockedError';
    this.holder = holder;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<Holder | undefined | 'gone'> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.started === 'string') {
      return { pid: data.pid, host: data.host, started: data.started, talk: String(data.talk ?? '?') };
    }
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
}

/** A holder whose process is known to be gone: on this host, and its pid not running. */
const stale = (holder: Holder) => holder.host === hostname() && !alive(holder.pid);

/** Links `own` to `name`: true if we now hold `name`, false if someone else does. */
async function claim(own: string, name: string): Promise<boolean> {
  try {
    await link(own, name);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Owner files of killed runs (written, maybe never linked). */
async function removeStaleOwnFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const match = /^\.import\.lock\.(\d+)\.own$/.exec(name);
    if (match && Number(match[1]) !== process.pid && !alive(Number(match[1])))
      await unlink(path.join(dir, name)).catch(() => {});
  }
}

/**
 * Takes the lock in `dir` for importing `talk`, or throws LockedError naming the holder.
 * Returns the function that releases it.
 */
export async function acquireImportLock(dir: string, talk: string, display: string): Promise<() => Promise<void>> {
  const lock = path.join(dir, LOCK_NAME);
  const breaker = `${lock}.break`;
  const own = `${lock}.${process.pid}.own`;
  const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), talk };
  await writeFile(own, JSON.stringify(me));
  const release = async () => {
    const holder = await readHolder(lock);
    if (typeof holder === 'object' && holder.pid === me.pid && holder.started === me.started)
      await unlink(lock).catch(() => {});
    await unlink(own).catch(() => {});
  };
  try {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      if (await claim(own, lock)) {
        await removeStaleOwnFiles(dir);
        return release;
      }
      const holder = await readHolder(lock);
      if (holder === 'gone') continue;
      if (holder === undefined || !stale(holder)) throw new LockedError(`${display}/${LOCK_NAME}`, holder);
      // Stale: break it, unless another run is breaking it right now.
      if (!(await claim(own, breaker))) {
        const breaking = await readHolder(breaker);
        if (typeof breaking === 'object' && stale(breaking)) await unlink(breaker).catch(() => {});
        continue;
      }
      try {
        const again = await readHolder(lock);
        if (typeof again === 'object' && again.pid === holder.pid && again.started === holder.started)
          await unlink(lock).catch(() => {});
      } finally {
        await unlink(breaker).catch(() => {});
      }
    }
    throw new LockedError(`${display}/${LOCK_NAME}`, undefined);
  } catch (error) {
    await unlink(own).catch(() => {});
    throw error;
  }
}
