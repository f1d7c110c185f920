/**
 * The whole built site passes the post-build check (src/cli/check-site.ts, also run as
 * `npm run check:site`), the build is reproducible, and the site works under a sub-path.
 *
 * Two extra builds of the real content run in temp folders, side by side: one with the same
 * settings as dist/ (its files must be byte-identical to dist/'s) and one under
 * HUITAN_BASE=/huitan/ (it must pass the same check with that base).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSite, formatReport, optionsFromEnv, type SiteCheckReport } from '../../src/cli/check-site';
import {
  buildFixtureSite,
  makeFixtureRoot,
  prepareProjectBuild,
  type BuildResult,
  type FixtureSite,
} from '../helpers/fixture-build';
import { distDir } from '../helpers/paths';

const TIMEOUT = 300_000;

/** sha256 of every file under dir, by path relative to it. */
function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else
        hashes.set(
          child,
          createHash('sha256')
            .update(readFileSync(path.join(dir, child)))
            .digest('hex'),
        );
    }
  };
  walk('');
  return hashes;
}

/** Files that differ between two trees: missing on either side or with other bytes. */
function treeDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.flatMap((name) => {
    if (!a.has(name)) return [`${name}: only in the second build`];
    if (!b.has(name)) return [`${name}: only in the first build`];
    return a.get(name) === b.get(name) ? [] : [`${name}: different bytes`];
  });
}

let fixtureRoot: string;
let same: Promise<{ site: FixtureSite; result: BuildResult }>;
let based: Promise<{ site: FixtureSite; result: BuildResult }>;

beforeAll(async () => {
  fixtureRoot = await makeFixtureRoot();
  const build = async (name: string, env: Record<string, string>) => {
    const site = await prepareProjectBuild(fixtureRoot, name);
    return { site, result: await buildFixtureSite(site, TIMEOUT, env) };
  };
  // The settings dist/ was built with come from the same environment (HUITAN_SITE, HUITAN_BASE).
  same = build('second-build', {});
  based = build('base-huitan', { HUITAN_BASE: '/huitan/' });
  same.catch(() => {});
  based.catch(() => {});
});

afterAll(async () => {
  await Promise.allSettled([same, based]);
  await rm(fixtureRoot, { recursive: true, force: true });
}, TIMEOUT);

describe('the post-build check', () => {
  let report: SiteCheckReport;

  test('finds no problem in dist/ and says what it checked', async () => {
    const options = optionsFromEnv();
    report = await checkSite(distDir, options);
    console.log(formatReport(distDir, options, report));
    expect(report.problems).toEqual([]);
  });

  test('checked every page, and links and fragments on them', () => {
    const htmlFiles = [...hashTree(distDir).keys()].filter((file) => file.endsWith('.html'));
    expect(report.pages).toBe(htmlFiles.length);
    expect(report.pages).toBeGreaterThanOrEqual(3);
    expect(report.tally.links).toBeGreaterThan(report.pages);
    expect(report.tally.anchors).toBeGreaterThan(0);
  });
});

describe('build integrity', () => {
  test(
    'a second clean build is byte-identical to dist/',
    async () => {
      const { site, result } = await same;
      expect(result.exitCode, result.output.slice(-3000)).toBe(0);
      const first = hashTree(distDir);
      expect(treeDifferences(first, hashTree(site.outDir))).toEqual([]);
      console.log(`reproducible: ${first.size} files identical in two builds`);
    },
    TIMEOUT,
  );

  test(
    'under HUITAN_BASE=/huitan/ every link, fragment and asset stays inside /huitan/ and resolves',
    async () => {
      const { site, result } = await based;
      expect(result.exitCode, result.output.slice(-3000)).toBe(0);
      const options = { ...optionsFromEnv(), base: '/huitan/' };
      const report = await checkSite(site.outDir, options);
      console.log(formatReport(site.outDir, options, report));
      expect(report.problems).toEqual([]);
      const home = readFileSync(path.join(site.outDir, 'index.html'), 'utf8');
      expect(home).toContain(`<link rel="canonical" href="${new URL('/huitan/', options.site).href}">`);
    },
    TIMEOUT,
  );
});
