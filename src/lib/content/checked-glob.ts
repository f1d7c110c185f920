/**
 * Astro's glob loader, with YAML syntax errors rephrased as "expected …, found …". Astro reports
 * the parser's own words ("unexpected end of the stream within a flow collection") with the
 * file and line; this keeps both and says what the file needed.
 */
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';

type GlobOptions = Parameters<typeof glob>[0];

const YAML_ERRORS = new Set(['MarkdownError', 'YAMLException', 'YAMLParseError']);
/** Astro's errors for a content file that does not parse or fit its schema (astro/dist/core/errors/errors-data.js). */
const CONTENT_ERRORS = new Set([
  ...YAML_ERRORS,
  'MarkdownFrontmatterParseError',
  'InvalidContentEntryFrontmatterError',
  'InvalidContentEntryDataError',
  'ContentEntryDataError',
  'DataCollectionEntryParseError',
]);

/**
 * A content file's error without its stack trace: the message names the file, the field, what
 * was expected and what was found, and Astro prints a stack trace under any error that has one.
 * Other errors (a bug in a loader) keep theirs.
 */
export function withoutStack(error: unknown): unknown {
  if (error instanceof Error && CONTENT_ERRORS.has(error.name)) error.stack = '';
  return error;
}

/** Rewrites a YAML syntax error's message in place; other errors pass through untouched. */
export function explainYamlError(error: unknown, what: string): unknown {
  if (!(error instanceof Error) || !YAML_ERRORS.has(error.name)) return error;
  const location = (error as Error & { loc?: { file?: string; line?: number } }).loc;
  const where = location?.file ? `${location.file}${location.line === undefined ? '' : `:${location.line}`} ` : '';
  error.message = `${where}${what}: expected valid YAML, found a syntax error: ${error.message}`;
  return error;
}

/** `precheck` runs before each load: a content problem no single file shows (see content.config.ts). */
export function checkedGlob(options: GlobOptions, what = 'front matter', precheck?: () => void): Loader {
  const inner = glob(options);
  return {
    ...inner,
    load: async (context) => {
      precheck?.();
      try {
        await inner.load(context);
      } catch (error) {
        throw withoutStack(explainYamlError(error, what));
      }
    },
  };
}
