/**
 * What WebVTT and SRT share: parsing with media-captions (a maintained, spec-following parser,
 * so we keep no timestamp or cue-block grammar of our own), finding each cue's source line
 * (media-captions gives times, not lines), and the speaker prefixes captions carry in their text:
 * "Name: words" or "[Name] words" at the start of a caption line. A prefix marks a change of
 * speaker; cues without one continue the current speaker.
 */
import { parseText, tokenizeVTTCue, type VTTCue, type VTTNode } from 'media-captions';
import { ImportError, type SourceLine } from '../transcript';
import type { Cue, FormatReading } from '../cues';
import { namesDirection } from '../directions';
import type { LabelResolver } from '../label-resolver';
import { looksLikeLabel, matchLabel } from '../label-shape';
import { clip, show } from '../../text/messages';

/** A run of a caption's text and the voice (WebVTT `<v Name>`) it is in, if any. */
export interface CaptionRun {
  voice: string | undefined;
  text: string;
  /** Lines into the caption's text where the run starts (0 for the first line). */
  lineOffset: number;
}

/** Parses a caption file strictly: the first problem stops the import, naming its line. */
export async function parseCaptions(lines: SourceLine[], type: 'vtt' | 'srt', file: string): Promise<VTTCue[]> {
  const offset = (lines[0]?.line ?? 1) - 1;
  try {
    return (await parseText(lines.map((line) => line.text).join('\n'), { type, strict: true })).cues;
  } catch (error) {
    const { line, message } = error as { line?: number; message: string };
    const name = type === 'vtt' ? 'WebVTT' : 'SRT';
    throw new ImportError(
      file,
      line === undefined ? undefined : line + offset,
      `expected a valid ${name} file, found: ${message.replace(/ on line \d+$/u, '')}`,
    );
  }
}

/** Blocks WebVTT allows besides cues: the header and its metadata, comments, styles, regions. */
const VTT_BLOCK = /^(WEBVTT|NOTE|STYLE|REGION)(\s|$)/u;

/**
 * The first block (lines between blank lines) that is neither a cue nor a block the format
 * allows: media-captions skips such a block without a word, which would lose what it says.
 */
export function strayBlock(lines: SourceLine[], type: 'vtt' | 'srt'): SourceLine | undefined {
  let block: SourceLine[] = [];
  const stray = (): SourceLine | undefined => {
    const [first, second] = block;
    if (!first) return undefined;
    const isCue = first.text.includes('-->') || (second?.text.includes('-->') ?? false);
    const allowed = type === 'vtt' && VTT_BLOCK.test(first.text.replace(/^\uFEFF/u, ''));
    return isCue || allowed ? undefined : first;
  };
  for (const line of lines) {
    if (line.text.trim() !== '') {
      block.push(line);
      continue;
    }
    const found = stray();
    if (found) return found;
    block = [];
  }
  return stray();
}

/** "01:02:03.456", "02:03,456" → seconds. */
function clockSeconds(text: string): number | undefined {
  const match = /(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})/u.exec(text);
  if (!match) return undefined;
  const [, hours = '0', minutes, secs, fraction] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(secs) + Number(`0.${fraction}`);
}

/**
 * The source line of each cue's timing line ("00:00:01.000 --> …"), matched in order by start
 * time, since media-captions reports times only.
 */
export function timingLines(lines: SourceLine[], cues: VTTCue[]): number[] {
  const timings = lines.filter((line) => line.text.includes('-->'));
  let next = 0;
  return cues.map((cue) => {
    const at = timings.findIndex(
      (line, index) => index >= next && Math.abs((clockSeconds(line.text) ?? -1) - cue.startTime) < 0.0005,
    );
    const found = at === -1 ? next : at;
    next = found + 1;
    return timings[found]?.line ?? lines[0]?.line ?? 1;
  });
}

/** A caption's text split at its voice spans, tags and entities resolved by media-captions. */
export function captionRuns(cue: VTTCue): CaptionRun[] {
  const runs: CaptionRun[] = [];
  let lineOffset = 0;
  const add = (voice: string | undefined, text: string) => {
    const last = runs.at(-1);
    if (last && last.voice === voice) last.text += text;
    else runs.push({ voice, text, lineOffset });
    lineOffset += text.split('\n').length - 1;
  };
  const walk = (nodes: VTTNode[], voice: string | undefined) => {
    for (const node of nodes) {
      if (node.type === 'text') add(voice, node.data);
      // Ruby text is a reading aid, not words; a timestamp holds no text.
      else if (node.type !== 'rt' && node.type !== 'timestamp')
        walk(node.children, node.type === 'v' ? node.voice.trim() || voice : voice);
    }
  };
  walk(tokenizeVTTCue(cue), undefined);
  // SRT files from some tools carry ASS override tags ("{\an8}"), which are not words.
  return runs.map((run) => ({ ...run, text: run.text.replace(/\{\\[^}]*\}/gu, '') }));
}

/** A speaker prefix at the start of a caption line: "Name: words" or "[Name] words". */
export function captionPrefix(
  text: string,
  labels: Pick<LabelResolver, 'knows'>,
): { label: string; rest: string } | undefined {
  const bracket = /^\[([^\]]+)\]\s*:?\s*(.*)$/u.exec(text.trim());
  if (bracket) {
    const name = bracket[1]!.trim();
    const isName = (labels.knows(name) || looksLikeLabel(name)) && !namesDirection(name);
    return isName ? { label: name, rest: bracket[2]! } : undefined;
  }
  return matchLabel(text, labels, false);
}

/** Dialogue dashes and ">>" mark a new speaker; with no name after them, nobody can say who. */
const CHANGE_MARK = /^(?:[-–]\s+|>>\s*)/u;

/**
 * One caption's cues: a voice span names the speaker of its run; otherwise each line may open
 * with a prefix, and lines without one continue the speaker before them.
 */
export function captionCues(
  cue: VTTCue,
  timingLine: number,
  labels: Pick<LabelResolver, 'knows'>,
  file: string,
): Cue[] {
  const cues: Cue[] = [];
  const times = { start: cue.startTime, end: cue.endTime };
  for (const run of captionRuns(cue)) {
    // The space or line break between two voice spans is not words.
    if (run.text.trim() === '') continue;
    if (run.voice !== undefined) {
      cues.push({ label: run.voice, line: timingLine + 1 + run.lineOffset, text: run.text, ...times });
      continue;
    }
    run.text.split('\n').forEach((raw, index) => {
      const line = timingLine + 1 + run.lineOffset + index;
      const mark = CHANGE_MARK.exec(raw);
      const text = mark ? raw.slice(mark[0].length) : raw;
      const prefix = captionPrefix(text, labels);
      if (prefix) {
        cues.push({ label: prefix.label, line, text: prefix.rest, ...times });
      } else if (mark && text.trim() !== '') {
        throw new ImportError(
          file,
          line,
          `Unexpected change of speaker without a name: expected a "Name:" or "[Name]" prefix after ${show(mark[0].trim())}, found ${show(clip(text.trim(), 40))}`,
        );
      } else if (index === 0 || cues.length === 0) {
        cues.push({ line, text: raw, ...times });
      } else {
        cues.at(-1)!.text += `\n${raw}`;
      }
    });
  }
  return cues;
}

/** Reads a caption file into cues: parse, locate each cue's lines, read its speakers. */
export async function readCaptionFile(
  lines: SourceLine[],
  type: 'vtt' | 'srt',
  labels: Pick<LabelResolver, 'knows'>,
  file: string,
): Promise<FormatReading> {
  const cues = await parseCaptions(lines, type, file);
  const stray = strayBlock(lines, type);
  if (stray) {
    throw new ImportError(
      file,
      stray.line,
      `Unexpected text outside any cue: expected a cue (a time line such as "00:00:01${type === 'vtt' ? '.' : ','}000 --> 00:00:04${type === 'vtt' ? '.' : ','}000", then its text), found ${show(clip(stray.text.trim(), 40))}`,
    );
  }
  const at = timingLines(lines, cues);
  return { cues: cues.flatMap((cue, index) => captionCues(cue, at[index]!, labels, file)), cut: [] };
}
