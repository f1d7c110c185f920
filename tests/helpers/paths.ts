import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The built site that `npm run build` writes and the build and browser tests read.
 * HUITAN_TEST_DIST points the tests at another build (e.g. one made with HUITAN_BASE unset
 * elsewhere) without rebuilding.
 */
export const distDir = process.env['HUITAN_TEST_DIST']
  ? path.resolve(process.env['HUITAN_TEST_DIST'])
  : path.join(root, 'dist');

/**
 * The content dist/ was built from: HUITAN_TEST_CONTENT when HUITAN_TEST_DIST names a build of
 * other content (tests/build/new-talks.test.ts), so checks that compare the two agree.
 */
export const testContentDir = process.env['HUITAN_TEST_CONTENT']
  ? path.resolve(process.env['HUITAN_TEST_CONTENT'])
  : path.join(root, 'content');
