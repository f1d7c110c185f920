import path from 'node:path';

/**
 * The content folder. Tests point `HUITAN_CONTENT_DIR` at a fixture to build a fixture site;
 * everyone else gets `./content`.
 */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['HUITAN_CONTENT_DIR'] ?? 'content');
}
