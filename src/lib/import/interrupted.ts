/**
 * What an import stopped part-way (killed, power cut) leaves in content/talks/, and the
 * build's guard against publishing the site without a talk because of it. Shared by the
 * importer's recovery (talk-transaction.ts) and the content loader (content.config.ts), so
 * both read the same names. Synchronous and dependency-free: the build calls it at load time.
 *
 *   .<slug>.import-<id>/            staging: the new talk being written (COMMITTED once complete)
 *   .<slug>.import-<id>.previous/   the old talk, moved aside while the new one is put in place
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const STAGING = /^\.(.+)\.import-([A-Za-z0-9]+)$/;
const PREVIOUS = /^\.(.+)\.import-([A-Za-z0-9]+)\.previous$/;

/** The marker a staging folder gets once every file is written: from then on it is finished, not undone. */
export const COMMITTED = 'COMMITTED';

export interface Leftover {
  kind: 'staging' | 'previous';
  slug: string;
  /** Folder name in content/talks/. */
  name: string;
  /** For staging: COMMITTED is there. */
  committed: boolean;
  /** The talk folder content/talks/<slug> exists. */
  talkExists: boolean;
}

/** Staging and previous folders in `talksDir`, staging first, each in name order. */
export function findLeftovers(talksDir: string): Leftover[] {
  if (!existsSync(talksDir)) return [];
  const found: Leftover[] = [];
  for (const entry of readdirSync(talksDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const staging = STAGING.exec(entry.name);
    const previous = staging ? null : PREVIOUS.exec(entry.name);
    const match = staging ?? previous;
    if (!match) continue;
    found.push({
      kind: staging ? 'staging' : 'previous',
      slug: match[1]!,
      name: entry.name,
      committed: staging ? existsSync(path.join(talksDir, entry.name, COMMITTED)) : false,
      talkExists: existsSync(path.join(talksDir, match[1]!)),
    });
  }
  return found.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'staging' ? -1 : 1));
}

/**
 * The build's check: a talk moved aside by an interrupted import (its `.previous` folder there,
 * its own folder gone) must not silently disappear from the site. Throws naming the folder.
 */
export function assertNoTalkMovedAside(talksDir: string, display = 'content/talks'): void {
  const missing = findLeftovers(talksDir).filter((leftover) => leftover.kind === 'previous' && !leftover.talkExists);
  if (missing.length === 0) return;
  const error = new Error(
    missing
      .map(
        (leftover) =>
          `${display}/${leftover.name}: expected the talk folder ${display}/${leftover.slug} beside it, found none ` +
          `(an import was stopped while replacing the talk). Run any import (e.g. \`npm run import -- --recover\`) to restore it, ` +
          `or rename the folder back to ${leftover.slug} by hand; the build stops rather than publish the site without the talk.`,
      )
      .join('\n'),
  );
  // A content problem, not a bug: nothing for a stack trace to show.
  error.stack = error.message;
  throw error;
}
