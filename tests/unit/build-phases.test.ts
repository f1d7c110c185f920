import { describe, expect, test } from 'vitest';
import { buildPhases } from '../bench/lib/build-phases';

describe('buildPhases', () => {
  test('sums the time of cards, share pages and other pages, and reads the index time', () => {
    const log = [
      '16:31:57 ▶ src/pages/[talk]/index.astro',
      '16:31:58   ├─ /synthetic-0002/index.html (+13ms) ',
      '16:31:58   └─ /synthetic-0001/index.html (+1.25s) ',
      '16:31:58 λ src/pages/[talk]/q/[quote].png.ts',
      '16:31:58   ├─ /synthetic-0001/q/quote-2.png/ (+69ms) ',
      '16:31:59   └─ /synthetic-0001/q/quote-6.png/ (+31ms) ',
      '16:32:19 ▶ src/pages/[talk]/q/[quote].astro',
      '16:32:19   └─ /synthetic-0001/q/quote-2/index.html (+4ms) ',
      '16:32:20   └─ /404.html (+925ms) ',
      '16:32:27 [huitan:pagefind-index] indexed 1300 turns (zh-cn) in 6831 ms',
    ].join('\n');
    const phases = buildPhases(log);
    expect(phases.cardsS).toBeCloseTo(0.1, 6);
    expect(phases.sharePagesS).toBeCloseTo(0.004, 6);
    expect(phases.otherPagesS).toBeCloseTo(0.013 + 1.25 + 0.925, 6);
    expect(phases.indexS).toBe(6.831);
  });

  test('reads nothing from a log without page lines', () => {
    expect(buildPhases('[build] Complete!')).toEqual({ cardsS: 0, sharePagesS: 0, otherPagesS: 0, indexS: 0 });
  });
});
