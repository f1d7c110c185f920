/**
 * Plain text: a speaker label, then what they said, one paragraph per line. The label stands
 * alone on its line ("姓名：", "Name:", or a known name by itself) or opens the line
 * ("周敏：谢谢主持人。", "Maria Okafor (Lumen Labs): Thanks."), in any mix. What counts as a label
 * is label-shape.ts's rule; who it is, the resolver's.
 */
import type { SourceLine } from '../transcript';
import type { Cue, FormatReading } from '../cues';
import type { LabelWording } from '../group-cues';
import type { LabelResolver } from '../label-resolver';
import { matchLabel } from '../label-shape';

export const PLAIN_TEXT_WORDING: LabelWording = {
  expected: 'a speaker line (e.g. "姓名：" or "Name:")',
  noun: 'speaker line',
  startHint: true,
};

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'speaker'; label: string; rest: string }
  | { kind: 'unknown-label'; label: string; rest: string }
  | { kind: 'text'; text: string };

/**
 * What one line is: a speaker line (a label alone or opening the line) that the resolver knows,
 * one shaped like a label that it does not know, text, or blank.
 */
export function classifyLine(raw: string, labels: Pick<LabelResolver, 'knows'>): LineKind {
  if (raw.trim() === '') return { kind: 'blank' };
  const match = matchLabel(raw, labels);
  if (!match) return { kind: 'text', text: raw };
  return { kind: labels.knows(match.label) ? 'speaker' : 'unknown-label', label: match.label, rest: match.rest };
}

/** One cue per line with text; each line is its own paragraph. */
export function readPlainText(lines: SourceLine[], labels: Pick<LabelResolver, 'knows'>): FormatReading {
  const cues: Cue[] = [];
  for (const { line, text } of lines) {
    const kind = classifyLine(text, labels);
    if (kind.kind === 'text') cues.push({ line, text: kind.text, paragraph: true });
    else if (kind.kind !== 'blank') cues.push({ label: kind.label, line, text: kind.rest, paragraph: true });
  }
  return { cues, cut: [] };
}
