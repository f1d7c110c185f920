/**
 * What the JSON transcript formats share: a list of segments, each an object with the words, the
 * speaker and the times under format-specific names. Reads one segment list into cues, checking
 * each field's type and naming the line of anything wrong.
 */
import { ImportError } from '../transcript';
import type { Cue } from '../cues';
import { field, kindOf, valueOf, type JsonNode, type JsonSource } from './json-source';
import { show } from '../../text/messages';

/** Where one shape keeps each field, and how it counts time. */
export interface SegmentShape {
  /** What the shape is called in messages, e.g. "Podcast Index segment". */
  name: string;
  text: string;
  speaker: string;
  start: string;
  end: string;
  /** Seconds per unit of the times: 1 for seconds, 0.001 for milliseconds. */
  unit: number;
  /** True when a segment without a speaker must stop the import (it may not continue the last one). */
  speakerRequired: boolean;
}

function time(
  segment: JsonNode,
  key: string,
  shape: SegmentShape,
  source: JsonSource,
  file: string,
  index: number,
): number | undefined {
  const node = field(segment, key);
  if (node === undefined || node.type === 'null') return undefined;
  const value = valueOf(node);
  if (typeof value !== 'number' || value < 0) {
    throw new ImportError(
      file,
      source.lineOf(node),
      `expected ${show(key)} of ${shape.name} ${index + 1} to be a number of ${shape.unit === 1 ? 'seconds' : 'milliseconds'}, found ${typeof value === 'number' ? value : kindOf(node)}`,
    );
  }
  return value * shape.unit;
}

/** The speaker as written: text, or a recogniser's speaker number ("0"). */
function speakerOf(
  segment: JsonNode,
  shape: SegmentShape,
  source: JsonSource,
  file: string,
  index: number,
): string | undefined {
  const node = field(segment, shape.speaker);
  const value = valueOf(node);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (node !== undefined && node.type !== 'null' && typeof value !== 'string') {
    throw new ImportError(
      file,
      source.lineOf(node),
      `expected ${show(shape.speaker)} of ${shape.name} ${index + 1} to be a name or a speaker number, found ${kindOf(node)}`,
    );
  }
  if (shape.speakerRequired) {
    throw new ImportError(
      file,
      source.lineOf(segment),
      `Unexpected ${shape.name} without a speaker: expected ${show(shape.speaker)} on every ${shape.name} (the recogniser left this one unassigned; add the speaker before importing), found ${node === undefined ? 'none' : 'an empty one'}`,
    );
  }
  return undefined;
}

/** One cue per segment. A text ending in a line break ends a paragraph (the Podcast Index rule). */
export function segmentCues(list: JsonNode, shape: SegmentShape, source: JsonSource, file: string): Cue[] {
  const cues: Cue[] = [];
  let paragraph = false;
  for (const [index, segment] of (list.children ?? []).entries()) {
    if (segment.type !== 'object') {
      throw new ImportError(
        file,
        source.lineOf(segment),
        `expected each ${shape.name} to be an object, found ${kindOf(segment)}`,
      );
    }
    const textNode = field(segment, shape.text);
    const text = valueOf(textNode);
    if (typeof text !== 'string') {
      throw new ImportError(
        file,
        source.lineOf(textNode ?? segment),
        `expected ${show(shape.text)} of ${shape.name} ${index + 1} to be text, found ${kindOf(textNode)}`,
      );
    }
    const label = speakerOf(segment, shape, source, file, index);
    const line = source.lineOf(field(segment, shape.speaker) ?? segment);
    const start = time(segment, shape.start, shape, source, file, index);
    const end = time(segment, shape.end, shape, source, file, index);
    cues.push({ label, line, text: text.trim(), start, end, paragraph });
    paragraph = /\n\s*$/u.test(text);
  }
  return cues;
}
