import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site that `npm run build` writes and the build and browser tests read. */
export const distDir = path.join(root, 'dist');
