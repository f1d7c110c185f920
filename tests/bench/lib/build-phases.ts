/**
 * Where an `astro build` spent its time, read from its log: Astro prints one line per page or
 * file with the time it took ("├─ /talk/q/id.png (+27ms)"), and our Pagefind integration
 * "indexed N turns (zh-cn) in N ms". Social cards (.png), share pages (/q/), other pages, and
 * the index, in seconds.
 */
export interface BuildPhases {
  cardsS: number;
  sharePagesS: number;
  otherPagesS: number;
  indexS: number;
}

const ROUTE_LINE = /[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/;
const INDEX_LINE = /indexed \d+ turns \([^)]*\) in (\d+) ms/;

export function buildPhases(log: string): BuildPhases {
  const phases: BuildPhases = { cardsS: 0, sharePagesS: 0, otherPagesS: 0, indexS: 0 };
  for (const line of log.split('\n')) {
    const route = ROUTE_LINE.exec(line);
    if (route) {
      const seconds = Number(route[2]) / (route[3] === 'ms' ? 1000 : 1);
      // Astro prints endpoints with the trailing slash of trailingSlash: 'always' (/q/id.png/).
      const file = route[1]!.replace(/\/$/, '');
      if (file.endsWith('.png')) phases.cardsS += seconds;
      else if (/\/q\/[^/]+\/index\.html$/.test(file)) phases.sharePagesS += seconds;
      else phases.otherPagesS += seconds;
      continue;
    }
    const index = INDEX_LINE.exec(line);
    if (index) phases.indexS += Number(index[1]) / 1000;
  }
  return phases;
}
