/**
 * Reading a talk folder for a re-import: what the importer owns (talk.yaml, source.txt, the
 * turns) and what it carries over untouched (anything else). Writing it back, all or nothing,
 * is src/lib/import/talk-transaction.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../files';
import { readExistingTurn, type ExistingTalk } from './transcript';

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
