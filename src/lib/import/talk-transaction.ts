/**
 * Writing an import so that content/ is always the old state or the new one, even when the
 * process is killed at any instant. Everything is first written into a hidden staging folder
 * beside the talk (the content globs skip dot folders), then marked COMMITTED; only then is
 * anything published, by renames that a later run can finish. So:
 *
 *   - killed before COMMITTED: the next run removes the staging folder (nothing happened);
 *   - killed after it: the next run finishes the same steps (the import happened);
 *   - `--force` moves the old talk aside as `.previous` and removes it only once the new talk
 *     is in place; a `.previous` found without its talk and without a committed import is put
 *     back (the build refuses to run while one is there: see interrupted.ts).
 *
 * New speaker stubs (--create-speakers) travel in the same staging folder, so a talk is never
 * published without them. Runs under the import lock (import-lock.ts): recovery never meets a
 * folder another import is still writing. Not guarded: a power cut (no fsync, which would make
 * an import of thousands of turns slow); the kernel keeps what a killed process wrote.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { COMMITTED, findLeftovers } from './interrupted';

/** Test hook: `HUITAN_IMPORT_CRASH_AT=<point>` kills the process with SIGKILL at that point (see tests/unit/import-crash.test.ts). */
function checkpoint(point: string): void {
  if (process.env['HUITAN_IMPORT_CRASH_AT'] === point) process.kill(process.pid, 'SIGKILL');
}

export interface TalkWrite {
  /** content/talks and content/speakers. */
  talksDir: string;
  speakersDir: string;
  slug: string;
  /** The talk folder's files: path relative to the folder → content. */
  files: ReadonlyMap<string, string | Uint8Array>;
  /** New speaker files: speaker id → YAML text. */
  speakers?: ReadonlyMap<string, string> | undefined;
  /** Replace an existing talk folder (--force). */
  replace: boolean;
}

interface Commit {
  slug: string;
  replace: boolean;
  speakers: string[];
}

const stagingName = (slug: string) => `.${slug}.import-${randomBytes(6).toString('hex')}`;

/** Writes one file under `root`, refusing a path that leaves it. */
async function writeInside(root: string, rel: string, content: string | Uint8Array): Promise<void> {
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep))
    throw new Error(`expected a path inside the talk folder, found ${JSON.stringify(rel)}`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content, { flag: 'wx' });
}

/**
 * Writes the import all or nothing (see the header). A failure before the commit removes the
 * staging folder and leaves content/ as it was; the talk folder and files get the usual modes
 * (the umask's), not a temporary folder's 0700.
 */
export async function writeTalk(request: TalkWrite): Promise<void> {
  const target = path.join(request.talksDir, request.slug);
  if (existsSync(target) && !request.replace) throw new Error(`expected no folder at ${target}, found one`);
  await mkdir(request.talksDir, { recursive: true });
  const staging = path.join(request.talksDir, stagingName(request.slug));
  await mkdir(staging);
  const commit: Commit = {
    slug: request.slug,
    replace: request.replace,
    speakers: [...(request.speakers?.keys() ?? [])],
  };
  try {
    const talk = path.join(staging, 'talk');
    await mkdir(talk);
    let count = 0;
    for (const [rel, content] of request.files) {
      await writeInside(talk, rel, content);
      checkpoint(`write:${(count += 1)}`);
    }
    for (const [id, yaml] of request.speakers ?? []) {
      if (existsSync(path.join(request.speakersDir, `${id}.yaml`)))
        throw new Error(`expected no speaker file ${id}.yaml, found one`);
      await writeInside(path.join(staging, 'speakers'), `${id}.yaml`, yaml);
    }
    // The commit point: a rename, so COMMITTED is either absent or complete.
    await writeFile(path.join(staging, `${COMMITTED}.tmp`), JSON.stringify(commit));
    checkpoint('commit');
    await rename(path.join(staging, `${COMMITTED}.tmp`), path.join(staging, COMMITTED));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  checkpoint('committed');
  try {
    await finish(request.talksDir, request.speakersDir, staging, commit);
  } catch (error) {
    throw new UnfinishedImportError(error);
  }
}

/** A failure after the commit: the import is on disk, not yet all in place; recovery finishes it. */
export class UnfinishedImportError extends Error {
  constructor(cause: unknown) {
    super(
      'The import had written everything but could not put it all in place: run `npm run import -- --recover` to finish it.',
      { cause },
    );
    this.name = 'UnfinishedImportError';
  }
}

/**
 * The steps after the commit, each safe to repeat: speaker stubs into content/speakers, the old
 * talk aside, the new one in place, then the old one and the staging folder removed.
 */
async function finish(talksDir: string, speakersDir: string, staging: string, commit: Commit): Promise<void> {
  const target = path.join(talksDir, commit.slug);
  const previous = `${staging}.previous`;
  for (const id of commit.speakers) {
    const from = path.join(staging, 'speakers', `${id}.yaml`);
    if (!existsSync(from)) continue;
    const to = path.join(speakersDir, `${id}.yaml`);
    if (existsSync(to)) {
      if (Buffer.compare(await readFile(from), await readFile(to)) !== 0) {
        throw new Error(
          `expected no speaker file ${to} (the interrupted import made it), found another one: compare it with ${from}`,
        );
      }
      await rm(from);
    } else {
      await mkdir(speakersDir, { recursive: true });
      await rename(from, to);
    }
    checkpoint(`speaker:${id}`);
  }
  const talk = path.join(staging, 'talk');
  if (existsSync(talk)) {
    if (existsSync(target)) {
      if (!commit.replace)
        throw new Error(`expected no folder at ${target} (the interrupted import made a new talk there), found one`);
      await rename(target, previous);
      checkpoint('aside');
    }
    await rename(talk, target);
    checkpoint('placed');
  }
  await rm(previous, { recursive: true, force: true });
  checkpoint('previous-removed');
  await rm(staging, { recursive: true, force: true });
}

/**
 * Puts content/talks/ right after an interrupted import: finishes a committed one, removes an
 * uncommitted staging folder, puts back a `.previous` whose talk is missing. Returns one line
 * per thing done, for the report. Call it holding the import lock.
 */
export async function recoverInterrupted(talksDir: string, speakersDir: string, display: string): Promise<string[]> {
  const done: string[] = [];
  for (const leftover of findLeftovers(talksDir)) {
    const folder = path.join(talksDir, leftover.name);
    // Finishing a committed import removes its `.previous` too.
    if (!existsSync(folder)) continue;
    const shown = `${display}/${leftover.name}`;
    if (leftover.kind === 'staging' && leftover.committed) {
      const commit = JSON.parse(await readFile(path.join(folder, COMMITTED), 'utf8')) as Commit;
      await finish(talksDir, speakersDir, folder, commit);
      const stubs = commit.speakers.length > 0 ? ` and its new speakers (${commit.speakers.join(', ')})` : '';
      done.push(
        `Finished an interrupted import of ${commit.slug}: it had written everything, so ${display}/${commit.slug}${stubs} now hold the new version (from ${shown}).`,
      );
    } else if (leftover.kind === 'staging') {
      // Before the commit, the staging folder is all the import did (an importer older than the
      // commit marker may also have moved the talk aside: restored below).
      await rm(folder, { recursive: true, force: true });
      done.push(
        `Removed ${shown}: an import of ${leftover.slug} was stopped before it had written everything; nothing of it was published.`,
      );
    } else if (existsSync(path.join(talksDir, leftover.slug))) {
      await rm(folder, { recursive: true, force: true });
      done.push(
        `Removed ${shown}: the old copy of ${leftover.slug}, left by an import stopped after it had put the new version in place.`,
      );
    } else {
      await rename(folder, path.join(talksDir, leftover.slug));
      done.push(
        `Restored ${display}/${leftover.slug} from ${shown}: an import was stopped while replacing it, so the talk is as it was before that import.`,
      );
    }
  }
  return done;
}
