/**
 * Where a Markdown entry's body starts in its file, so that a message about the body can name
 * the file's own line. Astro's glob loader reads each file once and keeps the body (trimmed)
 * and the parsed front matter, but not the front matter's text or length, and its Markdown
 * renderer counts lines from the start of the body. `withBodyLines` counts the lines above the
 * body while the loader holds the file's text (the Markdown entry type's `getEntryInfo`, which
 * the glob loader reads from its context as `entryTypes`) and stores the line with the entry's
 * validated data under BODY_LINE; src/lib/content/site.ts takes it back out for the catalog. No file is
 * read twice.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

/** The key of the body's first line in a loaded entry's data (never a front matter field: the schemas are strict). */
export const BODY_LINE = 'bodyLine';

/** The file line (from 1) where `body`, as the loader keeps it, starts in the file's `contents`. */
export function bodyStartLine(contents: string, body: string): number {
  const at = body ? contents.lastIndexOf(body) : -1;
  return at === -1 ? 1 : contents.slice(0, at).split('\n').length;
}

/** What the glob loader reads of an entry type (astro/dist/content/loaders/glob.js). */
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{ body?: string | undefined }>;
}
type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/** `loader` (a glob of Markdown files), each entry's data carrying the line its body starts on. */
export function withBodyLines(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: GlobContext) => {
      if (!context.entryTypes?.has('.md')) {
        throw new Error(
          `${loader.name}: expected Astro's loader context to carry the Markdown entry type (entryTypes), found none: turn messages could not name file lines`,
        );
      }
      const lines = new Map<string, number>();
      const entryTypes = new Map(
        [...context.entryTypes].map(([extension, type]): [string, EntryType] => [
          extension,
          extension === '.md' ? recordingBodyLines(type, lines) : type,
        ]),
      );
      const parseData: LoaderContext['parseData'] = async (props) => {
        const data = await context.parseData(props);
        const line = props.filePath === undefined ? undefined : lines.get(props.filePath);
        return line === undefined ? data : { ...data, [BODY_LINE]: line };
      };
      return loader.load({ ...context, entryTypes, parseData } as GlobContext);
    },
  };
}

/** The entry type, noting in `lines` each file's body line by its path. */
function recordingBodyLines(type: EntryType, lines: Map<string, number>): EntryType {
  return {
    ...type,
    getEntryInfo: async (params) => {
      const info = await type.getEntryInfo(params);
      lines.set(fileURLToPath(params.fileUrl), bodyStartLine(params.contents, info.body ?? ''));
      return info;
    },
  };
}

/** An entry's data without BODY_LINE, and the line (undefined for an entry loaded without it). */
export function takeBodyLine<T extends object>(data: T): { data: T; bodyLine: number | undefined } {
  const { [BODY_LINE]: line, ...rest } = data as T & { [BODY_LINE]?: unknown };
  return { data: rest as T, bodyLine: typeof line === 'number' ? line : undefined };
}
