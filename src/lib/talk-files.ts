/**
 * Reading a talk folder and replacing it all at once. The new folder is written beside the
 * old one under a hidden name (the content globs skip dot folders) and renamed into place, so
 * the site never sees a half-written talk: a failure leaves the old folder as it was.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './files';
import { readExistingTurn, type ExistingTalk } from './transcript-import';

/** The importer writes these; everything else in a talk folder is the editor's and is kept. */
export function isImportedFile(rel: string): boolean {
  return rel === 'talk.yaml' || rel === 'source.txt' || /^turns\/[^/]+\.md$/.test(rel);
}

export interface TalkFolder {
  existing: ExistingTalk;
  /** Files the importer does not write (notes, images), to carry over unchanged. */
  extra: Map<string, Uint8Array>;
}

/** Reads a talk folder for a re-import; `displayDir` is how messages name it. */
export async function readTalkFolder(dir: string, displayDir: string): Promise<TalkFolder> {
  const files = await listFiles(dir);
  const talkYaml = files.includes('talk.yaml') ? await readFile(path.join(dir, 'talk.yaml'), 'utf8') : '';
  const turns = [];
  const extra = new Map<string, Uint8Array>();
  for (const rel of files) {
    if (/^turns\/[^/]+\.md$/.test(rel)) {
      const name = rel.slice('turns/'.length);
      turns.push(readExistingTurn(name, await readFile(path.join(dir, rel), 'utf8'), `${displayDir}/${rel}`));
    } else if (!isImportedFile(rel)) {
      extra.set(rel, await readFile(path.join(dir, rel)));
    }
  }
  return { existing: { talkYaml, turns }, extra };
}

/**
 * Writes `files` (relative path → content) as the folder `target`, replacing it if `replace`.
 * All or nothing: on any failure the staging folder is removed and `target` is as it was.
 */
export async function writeFolderAtomically(
  target: string,
  files: Map<string, string | Uint8Array>,
  { replace }: { replace: boolean },
): Promise<void> {
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(target)}.import-`));
  try {
    for (const [rel, content] of files) {
      const file = path.resolve(staging, rel);
      if (!file.startsWith(staging + path.sep)) throw new Error(`expected a path inside the talk folder, found ${JSON.stringify(rel)}`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content, { flag: 'wx' });
    }
    if (!existsSync(target)) {
      await rename(staging, target);
      return;
    }
    if (!replace) throw new Error(`expected no folder at ${target}, found one`);
    const previous = `${staging}.previous`;
    await rename(target, previous);
    try {
      await rename(staging, target);
    } catch (error) {
      await rename(previous, target);
      throw error;
    }
    await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
