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

/** The signature Pagefind's browser script expects at the start of an inflated fragment. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** A record's fragment file, inflated: its JSON behind Pagefind's 12-byte "pagefind_dcd" signature. */
export function parseFragment(inflated: string): { url?: string; anchors?: { id?: string }[]; content?: string } {
  return JSON.parse(inflated.replace(/^pagefind_dcd/, '')) as {
    url?: string;
    anchors?: { id?: string }[];
    content?: string;
  };
}

/**
 * A fragment without its `content`: the token stream the record was indexed from (bigram codes
 * such as "q29pgzz qc9uc9u …", tokens.ts and words.ts), which Pagefind keeps only to cut its own
 * excerpts. This site cuts excerpts from the record's `meta.text` (query.ts `excerpt`), so the
 * tokens were fetched with every result and never read: about 40% of a fragment, gzipped, and
 * half of a first query's fragment bytes. Pagefind's script still finds a string there and
 * cuts an empty excerpt from it. Everything else is kept as Pagefind wrote it.
 */
export function slimFragment(inflated: string): string {
  if (!inflated.startsWith(FRAGMENT_SIGNATURE)) {
    throw new Error(
      `expected a Pagefind fragment starting with ${JSON.stringify(FRAGMENT_SIGNATURE)}, found ${JSON.stringify(inflated.slice(0, 12))}`,
    );
  }
  const fragment = JSON.parse(inflated.slice(FRAGMENT_SIGNATURE.length)) as Record<string, unknown>;
  if (typeof fragment['content'] !== 'string') {
    throw new Error(`expected a Pagefind fragment with a string "content", found ${typeof fragment['content']}`);
  }
  return FRAGMENT_SIGNATURE + JSON.stringify({ ...fragment, content: '' });
}
