/**
 * Text exports of meeting and transcription tools (Otter.ai and the like): a line with the
 * speaker's name and the time they start ("Anna Perez  0:00:12", "Anna Perez 00:00:12",
 * "Anna Perez 12:05"), then their paragraphs, one per line. A tool's footer ("Transcribed by
 * https://otter.ai") is cut and reported.
 */
import type { SourceLine } from '../transcript';
import type { Cue, FormatCut, FormatReading } from '../cues';
import type { LabelWording } from '../group-cues';
import { labelKey, type LabelResolver } from '../label-resolver';
import { looksLikeLabel } from '../label-shape';

export const MEETING_EXPORT_WORDING: LabelWording = {
  expected: 'a speaker line with a time (e.g. "Anna Perez  0:00:01")',
  noun: 'speaker line',
  startHint: true,
};

/** Name, then at least one space, then h:mm:ss, hh:mm:ss or m:ss (fractions allowed). */
const HEADER = /^(\S.*?)\s+((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)$/u;

/** Footers tools add after the transcript; the cut runs from the footer to the end of the file. */
export const FOOTERS: { pattern: RegExp; reason: string }[] = [
  { pattern: /^Transcribed by https?:\/\/otter\.ai\b/iu, reason: 'the Otter.ai footer' },
  { pattern: /^This transcript was exported on\b/iu, reason: 'the export footer' },
];

/** "1:02:03" → 3723 seconds. */
function clockSeconds(clock: string): number {
  return clock
    .replace(',', '.')
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
}

/** A speaker line: the label as written and the time it starts at, or undefined. */
export function headerOf(
  raw: string,
  labels: Pick<LabelResolver, 'knows'>,
): { label: string; start: number } | undefined {
  const match = HEADER.exec(labelKey(raw));
  if (!match) return undefined;
  const label = match[1]!;
  return labels.knows(label) || looksLikeLabel(label) ? { label, start: clockSeconds(match[2]!) } : undefined;
}

/** The footer cut, if the lines hold a known footer. */
function footerCut(lines: SourceLine[]): { at: number; cut: FormatCut } | undefined {
  for (const [at, line] of lines.entries()) {
    const footer = FOOTERS.find((candidate) => candidate.pattern.test(line.text.trim()));
    if (!footer) continue;
    const removed = lines.slice(at);
    const cut = {
      from: line.line,
      to: removed.at(-1)!.line,
      textLines: removed.filter((other) => other.text.trim() !== '').length,
      marker: line.text.trim(),
      reason: footer.reason,
    };
    return { at, cut };
  }
  return undefined;
}

/** One cue per speaker line (its time) and one per paragraph; the first paragraph shares the time. */
export function readMeetingExport(lines: SourceLine[], labels: Pick<LabelResolver, 'knows'>): FormatReading {
  const footer = footerCut(lines);
  const cues: Cue[] = [];
  let start: number | undefined;
  for (const { line, text } of footer ? lines.slice(0, footer.at) : lines) {
    if (text.trim() === '') continue;
    const header = headerOf(text, labels);
    if (header) {
      cues.push({ label: header.label, line, text: '', start: header.start, paragraph: true });
      start = header.start;
    } else {
      cues.push({ line, text, start, paragraph: true });
      start = undefined;
    }
  }
  return { cues, cut: footer ? [footer.cut] : [] };
}
