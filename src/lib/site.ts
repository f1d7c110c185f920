/**
 * The one place pages read content: queries the collections once per build and validates them
 * together (see catalog.ts). Every page awaits it, so a content error stops the whole build.
 */
import { getCollection } from 'astro:content';
import { buildCatalog, type Catalog } from './catalog';

let catalog: Promise<Catalog> | undefined;

export function getCatalog(): Promise<Catalog> {
  catalog ??= (async () => {
    const [speakers, talks, turns] = await Promise.all([
      getCollection('speakers'),
      getCollection('talks'),
      getCollection('turns'),
    ]);
    return buildCatalog({ speakers, talks, turns });
  })();
  return catalog;
}
