/**
 * The seam between reading a transcript and crediting its words. Readers (one per transcript
 * format) find labels as written — `姚期智：`, `<v Jane Doe>`, `SPEAKER_00` — and ask a resolver
 * who they are. A resolver either answers with one speaker or throws an ImportError naming the
 * line, the label and what it could have meant: words are never credited to a guess.
 */
import type { SpeakerRecord } from '../transcript-import';
import { ImportError, speakerLabels } from '../transcript-import';

export interface LabelResolver {
  /** True when `label`, as written, names a speaker of this talk (a bare name alone on its line counts only then). */
  knows(label: string): boolean;
  /** The speaker a label names, or an ImportError at `file:line` naming the label and the candidates. */
  resolve(label: string, line: number): SpeakerRecord;
}

/** Labels compare with their spaces normalised ("Sam  Altman" is "Sam Altman"). */
export const labelKey = (label: string) => label.replace(/[\p{Zs}\t]+/gu, ' ').trim();

/** Exact names and aliases from content/speakers (the importer's rule before per-talk labels). */
export function resolverFromSpeakers(speakers: SpeakerRecord[], file: string): LabelResolver {
  const labels = speakerLabels(speakers);
  const known = () => [...new Set([...labels.values()].map((speaker) => speaker.id))].sort().join(', ');
  return {
    knows: (label) => labels.has(labelKey(label)),
    resolve(label, line) {
      const speaker = labels.get(labelKey(label));
      if (speaker) return speaker;
      throw new ImportError(
        file,
        line,
        `Unexpected speaker label ${JSON.stringify(labelKey(label))}: expected a name or alias from content/speakers (${known()}); add the person to content/speakers or the label to their aliases`,
      );
    },
  };
}
