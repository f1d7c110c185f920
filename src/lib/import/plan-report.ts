/**
 * The importer's report of what it will write: per speaker, their turns, characters and the
 * labels that were credited to them (so a label resolved to the wrong person shows before
 * anything is written), then one line per turn. Columns line up in a terminal for Latin and
 * CJK names alike: widths are display widths (string-width: East Asian Wide and Fullwidth
 * characters take two columns).
 */
import stringWidth from 'string-width';
import type { TalkPlan } from './transcript';
import { plural } from '../text/messages';

export type Align = 'left' | 'right';

/** Rows as aligned lines: each column as wide as its widest cell; the last column is not padded. */
export function formatTable(
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
  indent = '    ',
  gap = '  ',
): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, stringWidth(cell))));
  return rows.map((row) => {
    const cells = row.map((cell, index) => {
      const pad = ' '.repeat((widths[index] ?? 0) - stringWidth(cell));
      if (align[index] === 'right') return pad + cell;
      return index === row.length - 1 ? cell : cell + pad;
    });
    return (indent + cells.join(gap)).trimEnd();
  });
}

export interface ReportLabels {
  /** Labels (as written) credited to each speaker id. */
  labelsUsed: ReadonlyMap<string, ReadonlySet<string>>;
  /** Labels of this talk (talk.yaml `labels:` and --speaker), to mark in the report. */
  talkLabels: ReadonlySet<string>;
  /** Ids of speakers --create-speakers makes. */
  created: ReadonlySet<string>;
}

/** The speakers table and the turns table of a plan. */
export function describePlan(plan: TalkPlan, reimport: boolean, labels: ReportLabels): string {
  const speakers = new Map<string, { name: string; turns: number; characters: number }>();
  for (const turn of plan.turns) {
    const entry = speakers.get(turn.speaker.id) ?? { name: turn.speaker.name, turns: 0, characters: 0 };
    entry.turns += 1;
    entry.characters += turn.characters;
    speakers.set(turn.speaker.id, entry);
  }
  const total = plan.turns.reduce((sum, turn) => sum + turn.characters, 0);
  const out = [
    `${plural(plan.turns.length, 'turn')}, ${plural(speakers.size, 'speaker')}, ${plural(total, 'character')}:`,
  ];
  const speakerRows = [...speakers].map(([id, entry]) => [
    entry.name,
    labels.created.has(id) ? `${id} (new)` : id,
    String(entry.turns),
    String(entry.characters),
    [...(labels.labelsUsed.get(id) ?? [])]
      .map((label) => (labels.talkLabels.has(label) ? `${label} (this talk)` : label))
      .join(', '),
  ]);
  out.push(
    ...formatTable(
      [['speaker', 'id', 'turns', 'characters', 'labels'], ...speakerRows],
      ['left', 'left', 'right', 'right', 'left'],
    ),
  );
  out.push('');
  const turnRows = plan.turns.map((turn) => [
    String(turn.position),
    String(turn.line),
    turn.speaker.name,
    turn.label === turn.speaker.name ? '' : turn.label,
    String(turn.paragraphs.length),
    String(turn.characters),
    ...(reimport ? [turn.fate] : []),
    `turns/${turn.fileName}`,
  ]);
  const header = ['#', 'line', 'speaker', 'label', 'paras', 'chars', ...(reimport ? ['front matter'] : []), 'file'];
  const align: Align[] = [
    'right',
    'right',
    'left',
    'left',
    'right',
    'right',
    ...(reimport ? ['left' as const] : []),
    'left',
  ];
  out.push(...formatTable([header, ...turnRows], align));
  return out.join('\n');
}
