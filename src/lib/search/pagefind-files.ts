/**
 * How this site's Pagefind output is laid out and read, for the indexer, the post-build check
 * and the browser alike (pure: no Node modules, so the search panel can share it).
 */

/**
 * Where shard `n` (from 1) is written, relative to `<outDir>/pagefind/`: the first is that folder
 * itself (with Pagefind's script and WebAssembly), the others sub-folders holding only their index.
 */
export function shardFolder(n: number): string {
  return n === 1 ? '' : `shard-${n}/`;
}

/** A shard's folder under pagefind/ other than the first, as `shardFolder` names it ("shard-2/"). */
export const SHARD_FOLDER = /^shard-\d+\/$/;

/** A record's fragment file, inflated: its JSON behind Pagefind's 12-byte "pagefind_dcd" signature. */
export function parseFragment(inflated: string): { url?: string; anchors?: { id?: string }[] } {
  return JSON.parse(inflated.replace(/^pagefind_dcd/, '')) as { url?: string; anchors?: { id?: string }[] };
}
