/**
 * A real Pagefind index of given turn records, searched from Node: the site's own indexer
 * (src/integrations/pagefind-index.ts writeIndex) writes it into a temporary folder, a loopback
 * server serves that folder, and Pagefind's browser script (pagefind.js, as the site publishes
 * it) is imported and pointed at the server. So search quality can be measured on the real
 * index and the real engine (src/scripts/search-engine.ts) without a browser or a site build.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { writeIndex } from '../../src/integrations/pagefind-index';
import type { TurnRecord } from '../../src/lib/search/records';
import { SITE_FILE } from '../../src/lib/search/site-json';
import type { PagefindApi } from '../../src/scripts/pagefind-loader';
import { root } from './paths';

export interface NodePagefind {
  pagefind: PagefindApi;
  /** The folder the index was written to (`<dir>/pagefind/`). */
  dir: string;
  close(): Promise<void>;
}

export async function indexInNode(records: readonly TurnRecord[]): Promise<NodePagefind> {
  // Inside the project (its ignored cache folder): Vite, which runs the tests, loads no module
  // from a folder outside it, such as the system's temporary one.
  const cache = path.join(root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(path.join(cache, 'huitan-pagefind-'));
  // writeIndex adds the index's files to the search page's site file, which a build writes first.
  await mkdir(path.dirname(path.join(dir, SITE_FILE)), { recursive: true });
  await writeFile(path.join(dir, SITE_FILE), JSON.stringify({ speakers: [] }));
  await writeIndex(records, dir);
  const served = path.join(dir, 'pagefind');
  const server = createServer((request, response) => {
    const name = path.normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    readFile(path.join(served, name.replace(/^[/\\]pagefind[/\\]/, '')))
      .then((body) => response.end(body))
      .catch(() => {
        response.statusCode = 404;
        response.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const pagefind = (await import(/* @vite-ignore */ path.join(dir, 'pagefind', 'pagefind.js'))) as PagefindApi;
  await pagefind.options({ basePath: `http://127.0.0.1:${port}/pagefind/`, baseUrl: '/' });
  await pagefind.init();
  return {
    pagefind,
    dir,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
