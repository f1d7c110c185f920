/** Medians with their spread, and the fixed-width columns the bench tables print. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** "median (min–max)" in a fixed width, so the rows line up. */
export function formatSpread(values: readonly number[], digits = 1, width = 24): string {
  const { median: mid, min, max } = spread(values);
  if (!Number.isFinite(mid)) return 'n/a'.padStart(width);
  return `${mid.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`.padStart(width);
}

export const kb = (bytes: number) => bytes / 1024;

/** A table: first column left-aligned, the others right-aligned to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
