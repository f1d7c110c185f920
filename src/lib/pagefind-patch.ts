/**
 * One change to Pagefind 1.6's browser script (pagefind/pagefind.js), made after indexing.
 *
 * On the main thread (our `noWorker`), Pagefind's init() returns before its index is loaded, and
 * every search or preload first waits for the index in `getPtr()`, which checks every 50 ms. The
 * first query of a page therefore waits up to 50 ms (25 on average) after the index is ready:
 * a fifth of the cold-search budget (npm run bench). Checking every millisecond instead costs a
 * few timer callbacks while Pagefind starts. The pattern must occur exactly once, so a Pagefind
 * upgrade that changes the loop fails the build instead of silently losing the fix.
 */
export const PAGEFIND_WAIT_LOOP = 'while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(50);}';
export const PATCHED_WAIT_LOOP = 'while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(1);}';

export function patchPagefindScript(source: string, file = 'pagefind.js'): string {
  const found = source.split(PAGEFIND_WAIT_LOOP).length - 1;
  if (found !== 1) {
    throw new Error(
      `${file}: expected Pagefind's index wait loop once (${PAGEFIND_WAIT_LOOP}), found it ${found} times: ` +
        'check src/lib/pagefind-patch.ts against this Pagefind version',
    );
  }
  return source.replace(PAGEFIND_WAIT_LOOP, PATCHED_WAIT_LOOP);
}
