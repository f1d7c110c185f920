/**
 * WebVTT, as video and meeting tools export it: the speaker in a voice span (`<v Jane Doe>`,
 * `<v.loud Jane Doe>`) or a "Name:" prefix in the cue text; a cue without either continues the
 * speaker before it. Parsed by media-captions (see captions.ts).
 */
import type { SourceLine } from '../transcript';
import type { FormatReading } from '../cues';
import type { LabelWording } from '../group-cues';
import type { LabelResolver } from '../label-resolver';
import { readCaptionFile } from './captions';

export const WEBVTT_WORDING: LabelWording = {
  expected: 'a voice span (e.g. "<v Anna Perez>") or a "Name:" prefix on the first cue',
  noun: 'speaker label',
  startHint: false,
};

export function readWebVtt(
  lines: SourceLine[],
  labels: Pick<LabelResolver, 'knows'>,
  file: string,
): Promise<FormatReading> {
  return readCaptionFile(lines, 'vtt', labels, file);
}
