/** Vite plugin: undoes the preload wrapper around client `import()`s (src/lib/preload-unwrap.ts). */
import type { Plugin } from 'vite';
import { unwrapPreloads } from '../lib/build/preload-unwrap';

export default function viteUnwrapPreload(): Plugin {
  return {
    name: 'huitan:unwrap-preload',
    apply: 'build',
    // Runs before Vite's own post plugins: the wrapper is in the chunk, not yet minified.
    renderChunk(code) {
      const unwrapped = unwrapPreloads(code);
      return unwrapped === code ? null : { code: unwrapped, map: null };
    },
  };
}
