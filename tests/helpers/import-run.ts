/** Running the importer inside a test: in process against a folder, or a step expected to stop. */
import { runImport } from '../../src/cli/import-command';
import { ImportError } from '../../src/lib/import/transcript';

/** Runs `npm run import -- …argv` with `dir` as the working directory; its output as text. */
export async function runImportIn(
  dir: string,
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(argv, {
    cwd: dir,
    env: {},
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The ImportError that `run` throws; any other outcome fails the test. */
export function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError, found none');
}
