/**
 * Speech recognition results with diarization (speakers told apart, named by the recogniser):
 * - WhisperX (`whisperx --diarize --output_format json`, speakers from pyannote) and tools that
 *   write the same shape: `{"segments": [{"start", "end", "text", "speaker": "SPEAKER_00"}]}`,
 *   times in seconds;
 * - AssemblyAI with speaker labels: `{"utterances": [{"speaker": "A", "start", "end", "text"}]}`,
 *   times in milliseconds;
 * - Deepgram with `diarize` and `utterances`: `{"results": {"utterances": [{"speaker": 0,
 *   "start", "end", "transcript"}]}}`, times in seconds.
 * Every segment must name its speaker: where a recogniser assigned none, the words would
 * otherwise go to whoever spoke before.
 */
import { ImportError, type SourceLine } from '../transcript';
import type { FormatReading } from '../cues';
import type { LabelWording } from '../group-cues';
import { field, parseJson, type JsonNode, type JsonSource } from './json-source';
import { segmentCues, type SegmentShape } from './json-segments';

export const DIARIZED_JSON_WORDING: LabelWording = {
  expected: 'a "speaker" on every segment',
  noun: 'speaker label',
  startHint: false,
};

interface Shape extends SegmentShape {
  /** Where the list is, from the root. */
  path: string[];
}

const common = { speaker: 'speaker', start: 'start', end: 'end', speakerRequired: true } as const;
export const DIARIZED_SHAPES: Shape[] = [
  { ...common, name: 'segment', path: ['segments'], text: 'text', unit: 1 },
  { ...common, name: 'utterance', path: ['utterances'], text: 'text', unit: 0.001 },
  { ...common, name: 'utterance', path: ['results', 'utterances'], text: 'transcript', unit: 1 },
];

function listAt(source: JsonSource, path: string[]): JsonNode | undefined {
  let node: JsonNode | undefined = source.root;
  for (const key of path) node = node && field(node, key);
  return node?.type === 'array' ? node : undefined;
}

/** The first known shape whose list the file has. */
export function diarizedShape(source: JsonSource): { shape: Shape; list: JsonNode } | undefined {
  for (const shape of DIARIZED_SHAPES) {
    const list = listAt(source, shape.path);
    if (list) return { shape, list };
  }
  return undefined;
}

export function readDiarizedJson(lines: SourceLine[], file: string): FormatReading {
  const source = parseJson(lines, file);
  const found = diarizedShape(source);
  if (!found) {
    const lists = DIARIZED_SHAPES.map((shape) => `"${shape.path.join('.')}"`).join(', ');
    throw new ImportError(
      file,
      source.lineOf(source.root),
      `expected a speech recognition result with a list of segments (${lists}), found none of them`,
    );
  }
  return { cues: segmentCues(found.list, found.shape, source, file), cut: [] };
}
