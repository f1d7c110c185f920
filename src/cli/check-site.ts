/**
 * Post-build site check (`npm run check:site [dir]`): every HTML page in the output is valid
 * HTML (html-validate), and passes src/lib/build/dist-check.ts (links, fragments, language, title,
 * description, canonical URL, Chinese spacing). Links are also read from the stylesheets, the
 * sitemap and the Pagefind index when the build has them, and the built site is held to
 * content/permalinks.json (src/lib/sharing/permalinks.ts). Prints what it checked; exits 1 naming each
 * page and element that fails.
 *
 * The base path and site come from HUITAN_BASE and HUITAN_SITE, as in astro.config.mjs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { parseHTML } from 'linkedom';
import { contentDir } from '../lib/content/content-dir';
import { DEFAULT_LOCALE, LOCALES, ui } from '../lib/i18n/ui';
import { normaliseBase, siteOrigin } from '../lib/build/deploy';
import { listFilesSync } from '../lib/files';
import { parseFragment, SHARD_FOLDER } from '../lib/search/pagefind-files';
import { addressesOfPage, checkPermalinks, readPermalinks, type PermalinkFile } from '../lib/sharing/permalinks';
import {
  checkLinks,
  checkPage,
  checkUrl,
  cssUrls,
  isRedirectPage,
  pageUrlOf,
  searchIndexUrl,
  sitemapUrls,
  targetIndex,
  type BuiltPage,
  type LinkTally,
  type Problem,
  type SiteCheckOptions,
} from '../lib/build/dist-check';

/** html-validate's recommended rules, with each exception and why. */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // The speaker filter's checkboxes are one field with many values: they share name="speakers".
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
    // A list may carry a name (role list allows naming): the participants on each talk card do.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
    // The speaker filter form applies as it is ticked (CSS :has(), no JavaScript needed), so it
    // has nothing to submit; its one button is a reset.
    'wcag/h32': 'off',
  },
};

export interface SiteCheckReport {
  pages: number;
  redirects: number;
  stylesheets: number;
  sitemapUrls: number;
  searchUrls: number;
  /** Addresses of content/permalinks.json checked (undefined: no permalink file given). */
  permalinks?: number | undefined;
  tally: LinkTally;
  problems: Problem[];
  /** What was not checked and why (no sitemap, no search index). */
  skipped: string[];
}

/** The URLs Pagefind stores for its results, from its gzipped fragment files. */
export function readSearchIndexUrls(pagefindDir: string): string[] {
  // A large site's index has shards in sub-folders (src/lib/search/pagefind-files.ts shardFolder).
  const bundles = [
    pagefindDir,
    ...readdirSync(pagefindDir)
      .filter((name) => SHARD_FOLDER.test(`${name}/`))
      .sort()
      .map((name) => path.join(pagefindDir, name)),
  ];
  const urls: string[] = [];
  for (const bundle of bundles) {
    const fragmentDir = path.join(bundle, 'fragment');
    if (!existsSync(fragmentDir)) continue;
    for (const name of readdirSync(fragmentDir).sort()) {
      if (!name.endsWith('.pf_fragment')) continue;
      const fragment = parseFragment(gunzipSync(readFileSync(path.join(fragmentDir, name))).toString('utf8'));
      if (fragment.url) urls.push(fragment.url);
    }
  }
  return urls;
}

/** Options from the environment, as astro.config.mjs reads them. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): SiteCheckOptions {
  const editions = Object.fromEntries(
    LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).map((locale) => [locale, ui(locale).lang]),
  );
  return {
    base: normaliseBase(env['HUITAN_BASE']),
    site: siteOrigin(env['HUITAN_SITE']),
    lang: ui(DEFAULT_LOCALE).lang,
    editions,
  };
}

/**
 * Checks the built site in `dir`; with `permalinks` (the content's permalink file), also that
 * every address it lists is still published or redirected.
 */
export async function checkSite(
  dir: string,
  options: SiteCheckOptions,
  permalinks?: PermalinkFile,
): Promise<SiteCheckReport> {
  if (!existsSync(path.join(dir, 'index.html')))
    throw new Error(`expected a built site in ${dir}, found no index.html: run \`npm run build\` first`);
  const files = listFilesSync(dir);
  const fileSet = new Set(files);
  const pages: (BuiltPage & { html: string; file: string })[] = files
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(path.join(dir, file), 'utf8');
      return { file, url: pageUrlOf(file), html, document: parseHTML(html).document };
    });
  const problems: Problem[] = [];
  const skipped: string[] = [];

  const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.file);
    for (const result of report.results) {
      for (const message of result.messages) {
        if (message.severity !== 2) continue;
        problems.push({
          page: page.url,
          element: `${message.selector ?? 'document'} (line ${message.line}:${message.column})`,
          message: `${message.message} (html-validate ${message.ruleId})`,
        });
      }
    }
  }

  // Each page's <html lang> is its edition's (checkPage: /en/… en, every other page the site's).
  for (const page of pages) problems.push(...checkPage(page, options));

  const { problems: linkProblems, tally } = checkLinks(pages, fileSet, options);
  problems.push(...linkProblems);
  const targets = targetIndex(pages);
  const check = (url: string, from: string, where: string, element: string) => {
    const problem = checkUrl(url, from, options, fileSet, targets, tally);
    if (problem) problems.push({ page: where, element, message: problem });
  };

  const stylesheets = files.filter((file) => file.endsWith('.css'));
  for (const file of stylesheets) {
    for (const url of cssUrls(readFileSync(path.join(dir, file), 'utf8')))
      check(url, pageUrlOf(file), file, `url(${url})`);
  }

  const sitemaps = files.filter((file) => /^sitemap[^/]*\.xml$/.test(file));
  let sitemapCount = 0;
  for (const file of sitemaps) {
    for (const url of sitemapUrls(readFileSync(path.join(dir, file), 'utf8'))) {
      sitemapCount += 1;
      check(url, '/', file, `<loc>${url}</loc>`);
    }
  }
  if (sitemaps.length === 0) skipped.push('sitemap: the build has no sitemap*.xml');

  let searchCount = 0;
  if (existsSync(path.join(dir, 'pagefind'))) {
    for (const stored of readSearchIndexUrls(path.join(dir, 'pagefind'))) {
      searchCount += 1;
      check(searchIndexUrl(stored, options.base), '/', 'pagefind index', `result URL ${JSON.stringify(stored)}`);
    }
    if (searchCount === 0)
      problems.push({
        page: 'pagefind index',
        element: 'pagefind/fragment/',
        message: 'expected search records, found none',
      });
  } else {
    skipped.push('search index: the build has no pagefind/ folder');
  }

  if (permalinks) {
    const current = pages.flatMap((page) => addressesOfPage(page.url, page.html));
    const built = pages.map((page) => page.url);
    for (const problem of checkPermalinks(permalinks, current, built)) {
      problems.push({ page: 'content/permalinks.json', element: 'the permalink lock', message: problem });
    }
  }

  return {
    pages: pages.length,
    redirects: pages.filter((page) => isRedirectPage(page.document)).length,
    stylesheets: stylesheets.length,
    sitemapUrls: sitemapCount,
    searchUrls: searchCount,
    permalinks: permalinks?.published.length,
    tally,
    problems,
    skipped,
  };
}

export function formatReport(dir: string, options: SiteCheckOptions, report: SiteCheckReport): string {
  const lines = [
    `check-site: ${dir} (base ${options.base}, site ${options.site}, lang ${options.lang})`,
    `  ${report.pages} pages (${report.redirects} redirects) validated with html-validate and checked for lang, title, description, canonical URL and Chinese spacing`,
    `  ${report.tally.links} internal links resolved, ${report.tally.anchors} #fragments resolved, ${report.tally.external} external links not fetched`,
    `  ${report.stylesheets} stylesheets, ${report.sitemapUrls} sitemap URLs, ${report.searchUrls} search index URLs`,
    ...(report.permalinks === undefined
      ? []
      : [`  ${report.permalinks} permalinks of content/permalinks.json still published or redirected`]),
    ...report.skipped.map((reason) => `  skipped ${reason}`),
  ];
  if (report.problems.length === 0) lines.push('  no problems');
  else {
    lines.push(`  ${report.problems.length} problem(s):`);
    for (const problem of report.problems) lines.push(`  ${problem.page}: ${problem.element}: ${problem.message}`);
  }
  return lines.join('\n');
}

/** Runs the check on `args[0]` (default dist/) and returns the exit code: 0 when it passes. */
export async function runCheckSite(args: readonly string[]): Promise<number> {
  const dir = path.resolve(args.find((arg) => arg !== '--') ?? 'dist');
  const options = optionsFromEnv();
  const report = await checkSite(dir, options, readPermalinks(contentDir()));
  console.log(formatReport(dir, options, report));
  return report.problems.length === 0 ? 0 : 1;
}
