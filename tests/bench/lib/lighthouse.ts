/**
 * Lighthouse 12.2.3 (13 needs Node 22) through its Node API, in its default mobile run
 * (simulated slow 4G and a 4× slower CPU), on Debian's Chromium started by chrome-launcher with
 * the flags the browser tests use. One Chromium serves every run; Lighthouse resets storage
 * before each navigation, so each run is a first visit.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../helpers/chromium';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseRun {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Audits that did not score full marks (id: title), to see what a lower score is made of. */
  findings: string[];
}

export interface LighthouseSession {
  run(url: string): Promise<LighthouseRun>;
  close(): Promise<void>;
}

export async function startLighthouse(): Promise<LighthouseSession> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'error',
  });
  return {
    async run(url) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not test ${url}: ${lhr.runtimeError.message}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const scored = new Set(
        CATEGORIES.flatMap(
          (id) => lhr.categories[id]?.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id) ?? [],
        ),
      );
      const findings = Object.values(lhr.audits)
        .filter(
          (audit) =>
            scored.has(audit.id) && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative',
        )
        .map((audit) => `${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      return {
        scores: {
          performance: score('performance'),
          accessibility: score('accessibility'),
          'best-practices': score('best-practices'),
          seo: score('seo'),
        },
        lcpMs: numeric('largest-contentful-paint'),
        cls: numeric('cumulative-layout-shift'),
        tbtMs: numeric('total-blocking-time'),
        findings,
      };
    },
    async close() {
      chrome.kill();
    },
  };
}
