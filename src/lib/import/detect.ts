/**
 * Which format a transcript is in, from its text (and, as a last resort, its file name), with the
 * reason in words for the report. `--format` overrides it. Formats are listed in
 * docs/transcript-formats.md.
 */
import { ImportError } from './transcript';
import { diarizedShape } from './formats/diarized-json';
import { field, parseJson } from './formats/json-source';
import { headerOf } from './formats/meeting-export';
import type { LabelResolver } from './label-resolver';
import { matchLabel } from './label-shape';

export const FORMATS = ['plain-text', 'meeting-export', 'webvtt', 'srt', 'podcast-json', 'diarized-json'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface Detection {
  format: FormatName;
  /** Why, for the report: "the file starts with "WEBVTT"". */
  reason: string;
}

export const isFormatName = (name: string): name is FormatName => (FORMATS as readonly string[]).includes(name);

/** Detection looks at shapes only: who a label names is decided later, by the resolver. */
const NO_LABELS: Pick<LabelResolver, 'knows'> = { knows: () => false };
const SRT_TIME = /^\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/u;

const linesOf = (text: string) => text.split('\n').map((line, index) => ({ line: index + 1, text: line }));

/** A JSON transcript: the Podcast Index shape or a diarized recognition result. */
function detectJson(text: string, file: string): Detection {
  const source = parseJson(linesOf(text), file);
  const segments = field(source.root, 'segments');
  const first = segments?.type === 'array' ? segments.children?.[0] : undefined;
  if (first && field(first, 'body') !== undefined) {
    return {
      format: 'podcast-json',
      reason: 'a JSON file whose segments have a "body", as in the Podcast Index shape',
    };
  }
  const diarized = diarizedShape(source);
  if (diarized) {
    return {
      format: 'diarized-json',
      reason: `a JSON file with a list of ${diarized.shape.name}s at "${diarized.shape.path.join('.')}"`,
    };
  }
  if (field(source.root, 'version') !== undefined && segments?.type === 'array') {
    return {
      format: 'podcast-json',
      reason: 'a JSON file with "version" and "segments", as in the Podcast Index shape',
    };
  }
  throw new ImportError(
    file,
    source.lineOf(source.root),
    'expected a Podcast Index transcript ({"version", "segments": [{"speaker", "startTime", "endTime", "body"}]}) or a speech recognition result with speakers ("segments", "utterances" or "results.utterances"), found JSON with none of them',
  );
}

/** Plain text or a meeting export: the export's "Name  0:00:12" lines outnumber "Name:" labels. */
function detectText(text: string): Detection {
  const lines = text.split('\n');
  const headers = lines.filter((line) => headerOf(line, NO_LABELS)).length;
  const labels = lines.filter((line) => matchLabel(line, NO_LABELS)).length;
  if (headers >= 2 && headers >= labels) {
    return { format: 'meeting-export', reason: `${headers} lines are a name and a time, e.g. "Anna Perez  0:00:01"` };
  }
  return { format: 'plain-text', reason: 'no other format fits: speaker labels and paragraphs' };
}

/** The format of a transcript's text; `file` names it in errors and breaks ties by extension. */
export function detectFormat(text: string, file: string): Detection {
  const start = text.trimStart();
  const [first = '', second = ''] = start.split('\n', 2).map((line) => line.trim());
  if (/^WEBVTT(\s|$)/u.test(start)) return { format: 'webvtt', reason: 'the file starts with "WEBVTT"' };
  if (start.startsWith('{') || start.startsWith('[')) return detectJson(text, file);
  if ((/^\d+$/u.test(first) && SRT_TIME.test(second)) || SRT_TIME.test(first)) {
    return { format: 'srt', reason: 'the file starts with a cue number and a time line, as SubRip files do' };
  }
  const extension = /\.([a-z]+)$/iu.exec(file)?.[1]?.toLowerCase();
  // The extension decides only what the text did not: the reader then says what is wrong.
  if (extension === 'vtt') return { format: 'webvtt', reason: 'the file name ends in .vtt' };
  if (extension === 'srt') return { format: 'srt', reason: 'the file name ends in .srt' };
  if (extension === 'json') return detectJson(text, file);
  return detectText(text);
}
