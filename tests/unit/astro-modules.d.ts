/**
 * Plain `tsc` cannot resolve `.astro` imports (only `astro check`'s language server can), so the
 * component tests would not type-check. This fallback, used only when a `.astro` import is not
 * otherwise resolved, types such an import as an Astro component for the Container API.
 */
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

  const Component: AstroComponentFactory;
  export default Component;
}
