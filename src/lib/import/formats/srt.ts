/**
 * SRT (SubRip) captions: numbered cues with times and text, the speaker given as a "Name:" or
 * "[Name]" prefix where it changes; a cue without one continues the speaker before it. Parsed by
 * media-captions (see captions.ts).
 */
import type { SourceLine } from '../transcript';
import type { FormatReading } from '../cues';
import type { LabelWording } from '../group-cues';
import type { LabelResolver } from '../label-resolver';
import { readCaptionFile } from './captions';

export const SRT_WORDING: LabelWording = {
  expected: 'a "Name:" or "[Name]" prefix on the first cue',
  noun: 'speaker label',
  startHint: false,
};

export function readSrt(
  lines: SourceLine[],
  labels: Pick<LabelResolver, 'knows'>,
  file: string,
): Promise<FormatReading> {
  return readCaptionFile(lines, 'srt', labels, file);
}
