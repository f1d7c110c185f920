/**
 * Cues (from any format's reader) become turns: each label goes to the resolver, consecutive cues
 * of one speaker merge into one turn, caption line breaks inside a sentence disappear, and
 * paragraphs break where the source breaks them or, for timed captions, at a sentence end after a
 * pause or after a few sentences. Stops, naming the line, on words no label credits.
 */
import { countCharacters } from '../content/catalog';
import { normalizeLine } from '../text/typography';
import { ImportError, type ParsedTurn, type SpeakerRecord } from './transcript';
import { joinLines, joinText, type Cue } from './cues';
import { isDirection } from './directions';
import { labelKey, type LabelResolver } from './label-resolver';
import { clip, show } from '../text/messages';

/** A pause this long (seconds) between two cues, after a sentence end, starts a new paragraph. */
export const PAUSE_SECONDS = 2;
/** A paragraph of timed captions breaks at the next sentence end once it holds this many sentences. */
export const SENTENCES_PER_PARAGRAPH = 5;

/** How this format's labels are named in messages. */
export interface LabelWording {
  /** What a label looks like here, e.g. 'a speaker line (e.g. "姓名：" or "Name:")'. */
  expected: string;
  /** "speaker line" for text formats, "speaker label" for the others. */
  noun: string;
  /** Text formats: text before the first label may be page furniture that --start cuts. */
  startHint: boolean;
}

interface Paragraph {
  text: string;
  start: number | undefined;
  end: number | undefined;
  sentences: number;
  /** A direction standing alone ("[Applause]") keeps its own paragraph. */
  alone: boolean;
}

interface Draft {
  speaker: SpeakerRecord;
  label: string;
  line: number;
  start: number | undefined;
  paragraphs: Paragraph[];
}

const SENTENCE_END = /[。！？]+[”’」』）)]*|[.!?]+["'”’)\]]*(?=\s|$)/gu;
const ENDS_SENTENCE = /(?:[。！？]|[.!?])["'”’」』）)\]]*$/u;
/** Furniture is short and does not end like a sentence: a title, a date, "533次阅读". */
const FURNITURE_LENGTH = 40;

const sentencesIn = (text: string) => [...text.matchAll(SENTENCE_END)].length;
const seconds = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 1000) / 1000);

/** True when a new cue's words start a new paragraph rather than continue the last one. */
function breaksParagraph(last: Paragraph | undefined, cue: Cue, alone: boolean): boolean {
  if (!last || cue.paragraph || alone || last.alone) return true;
  if (!ENDS_SENTENCE.test(last.text)) return false;
  const pause = cue.start !== undefined && last.end !== undefined ? cue.start - last.end : 0;
  return pause >= PAUSE_SECONDS || last.sentences >= SENTENCES_PER_PARAGRAPH;
}

function addWords(draft: Draft, cue: Cue, text: string): void {
  const last = draft.paragraphs.at(-1);
  const alone = isDirection(text);
  if (breaksParagraph(last, cue, alone)) {
    draft.paragraphs.push({ text, start: cue.start, end: cue.end, sentences: sentencesIn(text), alone });
    return;
  }
  last!.text = normalizeLine(joinText(last!.text, text));
  last!.end = cue.end ?? last!.end;
  last!.sentences += sentencesIn(text);
}

function toTurn(draft: Draft, position: number): ParsedTurn {
  const paragraphs = draft.paragraphs.map((paragraph) => paragraph.text);
  const turn: ParsedTurn = {
    position,
    speaker: draft.speaker,
    label: draft.label,
    line: draft.line,
    paragraphs,
    characters: countCharacters(paragraphs.join('')),
  };
  const start = seconds(draft.paragraphs[0]?.start ?? draft.start);
  if (start !== undefined) turn.start = start;
  const starts = draft.paragraphs.map((paragraph) => seconds(paragraph.start));
  if (starts.every((value) => value !== undefined)) turn.paragraphStarts = starts;
  return turn;
}

/** The error for words before any label: page furniture (suggest --start) or words with no speaker. */
function unlabelled(cues: Cue[], cue: Cue, text: string, file: string, wording: LabelWording): ImportError {
  const first = cues.findIndex((other) => other.label !== undefined);
  if (first === -1) {
    return new ImportError(
      file,
      cue.line,
      `Unexpected text without any ${wording.noun}: expected ${wording.expected} before the words, found none in the transcript (if the file is in another format, choose it with --format)`,
    );
  }
  const before = cues
    .slice(0, first)
    .map((other) => joinLines(other.text).trim())
    .filter((other) => other !== '');
  const furniture =
    wording.startHint && before.every((line) => line.length <= FURNITURE_LENGTH && !ENDS_SENTENCE.test(line));
  const found = `Unexpected text before the first ${wording.noun}: expected ${wording.expected} first, found ${show(clip(text, 40))}`;
  return new ImportError(
    file,
    cue.line,
    furniture
      ? `${found} (use --start to cut what comes before the transcript)`
      : `${found}, and no ${wording.noun} says whose words these are (add the speaker's label before them)`,
  );
}

/**
 * Turns from cues. Every label goes to `resolver.resolve` (which throws on a label it cannot
 * credit); a cue without a label continues the current speaker. Directions before the first
 * speaker open the first turn.
 */
export function groupCues(
  cues: Cue[],
  resolver: LabelResolver,
  file: string,
  wording: LabelWording,
  /** The first line read, for the message when there are no words at all. */
  firstLine: number | undefined = cues[0]?.line,
): ParsedTurn[] {
  const drafts: Draft[] = [];
  const early: { cue: Cue; text: string }[] = [];
  let waiting: Cue | undefined;
  for (const cue of cues) {
    if (cue.label !== undefined) {
      const speaker = resolver.resolve(cue.label, cue.line);
      if (waiting) {
        throw new ImportError(
          file,
          waiting.line,
          `expected words after the ${wording.noun} ${show(labelKey(waiting.label!))}, found the next ${wording.noun} (line ${cue.line}) first`,
        );
      }
      if (drafts.at(-1)?.speaker.id !== speaker.id) {
        drafts.push({ speaker, label: labelKey(cue.label), line: cue.line, start: cue.start, paragraphs: [] });
        for (const direction of early.splice(0)) addWords(drafts[0]!, direction.cue, direction.text);
      }
    }
    const text = normalizeLine(joinLines(cue.text));
    if (text === '') {
      if (cue.label !== undefined) waiting = cue;
      continue;
    }
    waiting = undefined;
    const draft = drafts.at(-1);
    if (draft) addWords(draft, cue, text);
    else if (isDirection(text)) early.push({ cue, text });
    else throw unlabelled(cues, cue, text, file, wording);
  }
  if (waiting) {
    throw new ImportError(
      file,
      waiting.line,
      `expected words after the ${wording.noun} ${show(labelKey(waiting.label!))}, found the end of the transcript`,
    );
  }
  if (drafts.length === 0) {
    if (early.length > 0) throw unlabelled(cues, early[0]!.cue, early[0]!.text, file, wording);
    throw new ImportError(
      file,
      firstLine,
      `expected a transcript (${wording.noun}s, each followed by what they said), found no text`,
    );
  }
  return drafts.map((draft, index) => toTurn(draft, index + 1));
}
