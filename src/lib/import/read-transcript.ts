/**
 * The importer's reading pipeline, format by format: detect the format (or take the one given),
 * cut the page furniture of text formats at the start and end markers, read the format into
 * cues, and group the cues into turns through the label resolver. What each step removed is
 * returned for the report.
 */
import {
  cutTranscript,
  ImportError,
  type CutResult,
  type Markers,
  type ParsedTurn,
  type SourceLine,
} from './transcript';
import type { FormatCut, FormatReading } from './cues';
import { detectFormat, type Detection, type FormatName } from './detect';
import { DIARIZED_JSON_WORDING, readDiarizedJson } from './formats/diarized-json';
import { MEETING_EXPORT_WORDING, readMeetingExport } from './formats/meeting-export';
import { PLAIN_TEXT_WORDING, readPlainText } from './formats/plain-text';
import { PODCAST_JSON_WORDING, readPodcastJson } from './formats/podcast-json';
import { readSrt, SRT_WORDING } from './formats/srt';
import { readWebVtt, WEBVTT_WORDING } from './formats/webvtt';
import { groupCues, type LabelWording } from './group-cues';
import type { LabelResolver } from './label-resolver';

/** Formats whose files carry page furniture that --start and --end cut. */
const TEXT_FORMATS = new Set<FormatName>(['plain-text', 'meeting-export']);

export interface PreparedTranscript extends Detection {
  file: string;
  /** The lines to read: after the marker cut for text formats, every line otherwise. */
  lines: SourceLine[];
  /** The marker cut (text formats only; both undefined otherwise). */
  cut: CutResult;
  /** True for the formats that markers apply to (plain text, meeting exports). */
  textFormat: boolean;
}

export interface TranscriptReading {
  turns: ParsedTurn[];
  /** What the format's reader removed (a tool's footer). */
  cut: FormatCut[];
}

export interface PrepareOptions {
  /** The file as named on the command line, for messages and for the extension. */
  file: string;
  /** The format given with --format; detected when undefined. */
  format?: FormatName | undefined;
  markers: Markers;
}

/** Detects the format and cuts the text formats at their markers. */
export function prepareTranscript(text: string, options: PrepareOptions): PreparedTranscript {
  const { file, markers } = options;
  const detection: Detection = options.format
    ? { format: options.format, reason: 'given with --format' }
    : detectFormat(text, file);
  const textFormat = TEXT_FORMATS.has(detection.format);
  if (textFormat) {
    const cut = cutTranscript(text, markers, file);
    return { ...detection, file, textFormat, cut, lines: cut.lines };
  }
  if (markers.required) {
    throw new ImportError(
      file,
      undefined,
      `expected --start and --end only for plain text or a meeting export, found a ${detection.format} file (its cues mark where the transcript is)`,
    );
  }
  const lines = text.split('\n').map((line, index) => ({ line: index + 1, text: line }));
  return { ...detection, file, textFormat, lines, cut: { lines, before: undefined, after: undefined } };
}

async function readFormat(
  prepared: PreparedTranscript,
  resolver: LabelResolver,
): Promise<[FormatReading, LabelWording]> {
  const { lines, file } = prepared;
  switch (prepared.format) {
    case 'plain-text':
      return [readPlainText(lines, resolver), PLAIN_TEXT_WORDING];
    case 'meeting-export':
      return [readMeetingExport(lines, resolver), MEETING_EXPORT_WORDING];
    case 'webvtt':
      return [await readWebVtt(lines, resolver, file), WEBVTT_WORDING];
    case 'srt':
      return [await readSrt(lines, resolver, file), SRT_WORDING];
    case 'podcast-json':
      return [readPodcastJson(lines, file), PODCAST_JSON_WORDING];
    case 'diarized-json':
      return [readDiarizedJson(lines, file), DIARIZED_JSON_WORDING];
  }
}

/** Reads the prepared transcript into turns; every label goes through `resolver`. */
export async function readTranscript(
  prepared: PreparedTranscript,
  resolver: LabelResolver,
): Promise<TranscriptReading> {
  const [reading, wording] = await readFormat(prepared, resolver);
  const turns = groupCues(reading.cues, resolver, prepared.file, wording, prepared.lines[0]?.line);
  return { turns, cut: reading.cut };
}
