/**
 * Serves a built site on 127.0.0.1 (random port) for browser tests and benchmarks. With
 * `brotli: true` it compresses text responses the way a real host would, so transfer sizes
 * are realistic; Pagefind's own index files are already compressed and pass as they are.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { lookup } from 'mrmime';
import { distDir } from './paths';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|xml)|image\/svg)/;

async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const clean = path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const candidates = clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}.html`, `${clean}/index.html`];
  for (const candidate of candidates) {
    const file = path.join(root, candidate);
    if (!file.startsWith(root)) return undefined;
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

export async function serveDist(dir = distDir, options: { brotli?: boolean } = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const compressed = new Map<string, Buffer>();
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    let pathname = '/';
    try {
      pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    } catch {
      // keep "/"
    }
    const file = await resolveFile(root, pathname).catch(() => undefined);
    if (!file) {
      const notFound = await readFile(path.join(root, '404.html')).catch(() => Buffer.from('not found'));
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(notFound);
      return;
    }
    const type = lookup(file) ?? 'application/octet-stream';
    let body: Buffer = await readFile(file);
    // Content-hashed files cache for good, as on a real host; pages and entry points revalidate.
    const hashed = /\/_astro\//.test(pathname) || /\/pagefind\/.+\.pf_|\/pagefind\/.*\.pagefind$/.test(pathname);
    const headers: Record<string, string> = {
      'content-type': type.startsWith('text/') || type.includes('javascript') ? `${type}; charset=utf-8` : type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    const wantsBrotli = /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (options.brotli && wantsBrotli && COMPRESSIBLE.test(type)) {
      let packed = compressed.get(file);
      if (!packed) {
        packed = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        compressed.set(file, packed);
      }
      body = packed;
      headers['content-encoding'] = 'br';
      headers['vary'] = 'accept-encoding';
    }
    headers['content-length'] = String(body.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.statusCode = 500;
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
