/**
 * Vite wraps every `import()` of a client script in `__vitePreload(() => import(…), deps)`, and
 * bundles its preload helper (about 0.6 KB compressed, a third of the site script) even with
 * `build.modulePreload: false`, when every deps list is empty (vitejs/vite#13952, #18551). This
 * site's lazy chunks have no CSS and need no preloading, so the wrapper is undone:
 * `__vitePreload(FN, <deps marker>)` becomes `(FN)()`, after which nothing uses the helper and
 * the minifier drops it. Pure text work on the chunk as Vite's import analysis left it.
 */
export const PRELOAD_CALL = '__vitePreload(';
/** The deps argument Vite appends to each wrapped import (base "/" or "/sub/", no renderBuiltUrl). */
export const PRELOAD_DEPS = ',__VITE_IS_MODERN__?__VITE_PRELOAD__:void 0)';

export function unwrapPreloads(code: string): string {
  const calls = code.split(PRELOAD_CALL).length - 1;
  const deps = code.split(PRELOAD_DEPS).length - 1;
  if (calls === 0 && deps === 0) return code;
  // The helper's own definition names it once without a call: `const __vitePreload = function…`.
  if (calls !== deps) {
    throw new Error(
      `expected each ${PRELOAD_CALL}…) to end with ${PRELOAD_DEPS}, found ${calls} calls and ${deps} deps markers: check src/lib/build/preload-unwrap.ts against this Vite version`,
    );
  }
  return code.replaceAll(PRELOAD_CALL, '(').replaceAll(PRELOAD_DEPS, ')()');
}
