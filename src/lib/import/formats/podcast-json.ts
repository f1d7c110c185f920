/**
 * The Podcast Index JSON transcript (podcast namespace, `<podcast:transcript type="application/json">`):
 * `{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`, times in
 * seconds. Segments may be sentences or single words; a segment without a speaker continues the
 * one before, and a body ending in a line break ends a paragraph.
 */
import { ImportError, type SourceLine } from '../transcript';
import type { FormatReading } from '../cues';
import type { LabelWording } from '../group-cues';
import { field, kindOf, parseJson } from './json-source';
import { segmentCues, type SegmentShape } from './json-segments';

export const PODCAST_JSON_WORDING: LabelWording = {
  expected: 'a "speaker" on the first segment',
  noun: 'speaker label',
  startHint: false,
};

export const PODCAST_SEGMENT: SegmentShape = {
  name: 'segment',
  text: 'body',
  speaker: 'speaker',
  start: 'startTime',
  end: 'endTime',
  unit: 1,
  speakerRequired: false,
};

export function readPodcastJson(lines: SourceLine[], file: string): FormatReading {
  const source = parseJson(lines, file);
  const segments = field(source.root, 'segments');
  if (segments?.type !== 'array') {
    throw new ImportError(
      file,
      source.lineOf(segments ?? source.root),
      `expected a Podcast Index transcript with a "segments" list, found ${kindOf(segments)} there`,
    );
  }
  return { cues: segmentCues(segments, PODCAST_SEGMENT, source, file), cut: [] };
}
