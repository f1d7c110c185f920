// @ts-check
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import pagefindIndex from './src/integrations/pagefind-index.ts';
import inlinePages from './src/integrations/inline-pages.ts';
import permalinkLock from './src/integrations/permalink-lock.ts';
import rehypeKeyQuotes from './src/plugins/rehype-key-quotes.ts';
import rehypeMarkHan from './src/plugins/rehype-mark-han.ts';
import remarkNotes from './src/plugins/remark-notes.ts';
import remarkRejectHtml from './src/plugins/remark-reject-html.ts';
import remarkImages from './src/plugins/remark-images.ts';
import viteUnwrapPreload from './src/plugins/vite-unwrap-preload.ts';
import { normaliseBase, siteOrigin } from './src/lib/build/deploy.ts';

// Fixture-site tests build into their own folders so they never race the main build.
const env = process.env;

export default defineConfig({
  // The public URL, for absolute links (canonical, Open Graph). Set HUITAN_SITE when deploying;
  // without it pages name http://127.0.0.1:4321 (what `npm start` serves), see src/lib/build/deploy.ts.
  site: siteOrigin(env.HUITAN_SITE),
  // The sub-path the site is served under, e.g. HUITAN_BASE=/huitan/ for a project page.
  base: normaliseBase(env.HUITAN_BASE),
  ...(env.HUITAN_OUT_DIR ? { outDir: env.HUITAN_OUT_DIR } : {}),
  ...(env.HUITAN_CACHE_DIR ? { cacheDir: env.HUITAN_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // The permalink lock first: a build that breaks a published address stops before the rest.
  // The site's script inlined and the inline hashes added next: the index then reads the pages as published.
  // HUITAN_SEARCH_SHARD_PAIRS: a smaller search-index shard (src/lib/search/records.ts SHARD_PAIRS),
  // so that tests can build a small site in several shards.
  integrations: [
    permalinkLock(),
    inlinePages(),
    pagefindIndex({ shardPairs: env.HUITAN_SEARCH_SHARD_PAIRS ? Number(env.HUITAN_SEARCH_SHARD_PAIRS) : undefined }),
  ],
  build: {
    format: 'directory',
    // Each page's stylesheet (its components' CSS, see Base.astro) is inlined: a first visit
    // paints after one round trip instead of two (Lighthouse LCP, npm run bench). The strict CSP
    // names it by hash, as it does the site's script, which is inlined after the build
    // (src/integrations/inline-pages.ts); other scripts stay files.
    inlineStylesheets: 'always',
  },
  vite: {
    // No inlined assets (CSP), and no module-preload helper: the few lazy chunks load on demand.
    build: { assetsInlineLimit: 0, modulePreload: false },
    // …and no preload wrapper around each import() either (Vite adds it regardless).
    plugins: [viteUnwrapPreload()],
  },
  markdown: {
    // Transcript text is published as spoken: no curly-quote or dash rewriting.
    smartypants: false,
    // Notes last: the safety nets see every node where it was written, and remark-rehype then
    // renders the notes inline (GFM's footnote section never exists).
    remarkPlugins: [remarkRejectHtml, remarkImages, remarkNotes],
    // Key quotes before the Han marks: a quote's span is matched in the text as written.
    rehypePlugins: [rehypeSlug, rehypeKeyQuotes, rehypeMarkHan],
  },
  devToolbar: { enabled: false },
});
