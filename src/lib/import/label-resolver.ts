/**
 * The seam between reading a transcript and crediting its words. Readers (one per transcript
 * format) find labels as written — `姚期智：`, `<v Jane Doe>`, `SPEAKER_00` — and ask a resolver
 * who they are. A resolver either answers with one speaker or throws an ImportError naming the
 * line, the label and what it could have meant: words are never credited to a guess.
 *
 * Matching, in order (see docs/importer.md, "Speaker labels"):
 *   1. the label as written (spaces collapsed) against this talk's labels (talk.yaml `labels:`
 *      and --speaker), then against every name and alias in content/speakers;
 *   2. the same after label-text.ts's normalisation (NFKC, titles and bracketed parts removed,
 *      case ignored); a key two speakers share is refused as ambiguous;
 *   3. with --create-speakers, a new speaker (speaker-stubs.ts); otherwise an error with the
 *      closest names ("did you mean …").
 * A label holding a format character (U+200B, U+202E, …) is refused before any of this.
 */
import type { SpeakerRecord } from './transcript';
import { PLACEHOLDER } from '../content/placeholder';
import { ImportError, speakerLabels } from './transcript';
import { describeFormatCharacters, isRoleLabel, labelParts, showLabel } from './label-text';
import { similarLabels, type LabelCandidate } from './similar-labels';
import { stubName, stubSpeakerId } from './speaker-stubs';

export interface LabelResolver {
  /** True when `label`, as written, names a speaker of this talk (a bare name alone on its line counts only then). */
  knows(label: string): boolean;
  /** The speaker a label names, or an ImportError at `file:line` naming the label and the candidates. */
  resolve(label: string, line: number): SpeakerRecord;
}

/** Labels compare with their spaces normalised ("Sam  Altman" is "Sam Altman"). */
export const labelKey = (label: string) => label.replace(/[\p{Zs}\t]+/gu, ' ').trim();

/** A label this talk gives to someone: talk.yaml `labels:` or `--speaker LABEL=id`. */
export interface TalkLabel {
  label: string;
  id: string;
  /** Where it was given, for messages: `content/talks/x/talk.yaml field "labels.主持人"` or `--speaker`. */
  origin: string;
}

/** A speaker --create-speakers makes up: the stub to write, and what made it. */
export interface CreatedSpeaker {
  speaker: SpeakerRecord;
  /** The first label that named them, as written, and its line (0 for --speaker). */
  label: string;
  line: number;
  /** Bracketed parts of the label (an affiliation, a party), as hints for the editor. */
  brackets: string[];
}

export interface ResolverOptions {
  speakers: readonly SpeakerRecord[];
  /** The transcript, as messages name it. */
  file: string;
  talkLabels?: readonly TalkLabel[] | undefined;
  /** --create-speakers: an unknown person's label makes a new speaker instead of stopping. */
  createSpeakers?: boolean | undefined;
}

/** A resolver for one import, which also tells what it resolved (for the report and talk.yaml). */
export interface ImportLabelResolver extends LabelResolver {
  /** Speakers made by --create-speakers, in order of first use. */
  readonly created: readonly CreatedSpeaker[];
  /** For each speaker id, the labels (as written) that resolved to them, in order of first use. */
  readonly labelsUsed: ReadonlyMap<string, ReadonlySet<string>>;
  /** This talk's labels (as given) that resolved at least once. */
  readonly talkLabelsUsed: ReadonlySet<string>;
}

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Exact names and aliases from content/speakers, with the normalised matching above. */
export function resolverFromSpeakers(speakers: SpeakerRecord[], file: string): LabelResolver {
  return createLabelResolver({ speakers, file });
}

export function createLabelResolver(options: ResolverOptions): ImportLabelResolver {
  const { file } = options;
  const byId = new Map(options.speakers.map((speaker) => [speaker.id, speaker]));
  const exact = speakerLabels([...options.speakers]);
  const normalised = new Map<string, Set<string>>();
  const candidates: LabelCandidate[] = [];
  for (const speaker of options.speakers) {
    for (const label of [speaker.name, ...speaker.aliases]) {
      const key = labelParts(label).key;
      if (key !== '') normalised.set(key, (normalised.get(key) ?? new Set()).add(speaker.id));
      candidates.push({ label, id: speaker.id });
    }
  }
  const created = new Map<string, CreatedSpeaker>();
  const createdList: CreatedSpeaker[] = [];
  const labelsUsed = new Map<string, Set<string>>();
  const talkLabelsUsed = new Set<string>();

  const makeStub = (label: string, line: number, id: string | undefined): SpeakerRecord => {
    const parts = labelParts(label);
    // A role (MODERATOR → grace-whitfield) says nothing of the name: the stub asks for it.
    const role = isRoleLabel(label);
    const newId = id ?? stubSpeakerId(parts.name, label, `${file}:${line}`);
    const taken = byId.get(newId) ?? createdList.find((entry) => entry.speaker.id === newId)?.speaker;
    if (taken) {
      throw new ImportError(
        file,
        line || undefined,
        `--create-speakers: expected a new speaker id for ${showLabel(label)}, found ${JSON.stringify(newId)} taken by ${JSON.stringify(taken.name)}` +
          ` (content/speakers/${newId}.yaml): pass --speaker ${showLabel(labelKey(label))}=${newId} if that is the same person, or another id`,
      );
    }
    const speaker: SpeakerRecord = { id: newId, name: role ? PLACEHOLDER : stubName(parts.name), aliases: [] };
    const entry = { speaker, label: labelKey(label), line, brackets: parts.brackets };
    created.set(parts.key, entry);
    createdList.push(entry);
    byId.set(newId, speaker);
    return speaker;
  };

  // This talk's labels: as written, and normalised.
  const talkExact = new Map<string, { speaker: SpeakerRecord; label: string }>();
  const talkNormalised = new Map<string, { speaker: SpeakerRecord; label: string }>();
  for (const given of options.talkLabels ?? []) {
    const written = labelKey(given.label);
    const format = describeFormatCharacters(written);
    if (format)
      throw new ImportError(
        given.origin,
        undefined,
        `Unexpected format character in a label: ${format}; expected visible characters only`,
      );
    if (!ID.test(given.id)) {
      throw new ImportError(
        given.origin,
        undefined,
        `expected a speaker id (lower-case ASCII words joined by hyphens) for ${showLabel(written)}, found ${JSON.stringify(given.id)}`,
      );
    }
    let speaker = byId.get(given.id);
    if (!speaker) {
      if (
        options.createSpeakers &&
        given.origin === '--speaker' &&
        (isRoleLabel(written) || labelParts(written).key !== '')
      ) {
        speaker = makeStub(written, 0, given.id);
      } else {
        const near = similarLabels(
          given.id,
          [...byId.keys()].map((id) => ({ label: id, id })),
        );
        throw new ImportError(
          given.origin,
          undefined,
          `expected a speaker id from content/speakers for ${showLabel(written)}, found ${JSON.stringify(given.id)}` +
            (near.length > 0 ? ` (did you mean ${near.map((entry) => entry.id).join(', ')}?)` : '') +
            (isRoleLabel(written)
              ? `; ${showLabel(written)} is a role: add the person to content/speakers, or add --create-speakers for a stub with that id`
              : options.createSpeakers
                ? ''
                : `; add content/speakers/${given.id}.yaml, or add --create-speakers to make a stub named ${JSON.stringify(labelParts(written).name)}`),
        );
      }
    }
    const entry = { speaker, label: given.label };
    talkExact.set(written, entry);
    const key = labelParts(written).key;
    if (key !== '') talkNormalised.set(key, entry);
    candidates.push({ label: written, id: speaker.id });
  }

  /** Who a label names: a speaker, the ids it is ambiguous between, or nobody. */
  const find = (written: string): { speaker: SpeakerRecord; talkLabel?: string } | string[] | undefined => {
    const talk = talkExact.get(written);
    if (talk) return { speaker: talk.speaker, talkLabel: talk.label };
    const speaker = exact.get(written);
    if (speaker) return { speaker };
    const key = labelParts(written).key;
    if (key === '') return undefined;
    const talkKey = talkNormalised.get(key);
    if (talkKey) return { speaker: talkKey.speaker, talkLabel: talkKey.label };
    const ids = normalised.get(key);
    if (ids && ids.size === 1) return { speaker: byId.get([...ids][0]!)! };
    if (ids) return [...ids].sort();
    const stub = created.get(key);
    return stub ? { speaker: stub.speaker } : undefined;
  };

  const use = (speaker: SpeakerRecord, written: string) => {
    labelsUsed.set(speaker.id, (labelsUsed.get(speaker.id) ?? new Set()).add(written));
    return speaker;
  };

  return {
    created: createdList,
    labelsUsed,
    talkLabelsUsed,
    knows(label) {
      const written = labelKey(label);
      if (written === '') return false;
      const found = find(written);
      return found !== undefined;
    },
    resolve(label, line) {
      const written = labelKey(label);
      if (written === '') throw new ImportError(file, line, 'expected a speaker label, found an empty one');
      const format = describeFormatCharacters(written);
      if (format) {
        const hidden = find(labelParts(written).name);
        throw new ImportError(
          file,
          line,
          `Unexpected format character in speaker label: ${format}; expected visible characters only` +
            (hidden && !Array.isArray(hidden)
              ? ` (without it the label would name ${hidden.speaker.id}: remove it from the transcript if that is right)`
              : ' (remove it from the transcript)'),
        );
      }
      const found = find(written);
      if (Array.isArray(found)) {
        throw new ImportError(
          file,
          line,
          `Unexpected speaker label ${showLabel(written)}: expected it to name one speaker, found ${found.length} (${found.join(', ')}) once titles, brackets and case are set aside;` +
            ` pass --speaker ${showLabel(written)}=<speaker-id> to say which`,
        );
      }
      if (found) {
        if (found.talkLabel !== undefined) talkLabelsUsed.add(found.talkLabel);
        return use(found.speaker, written);
      }
      if (isRoleLabel(written)) {
        throw new ImportError(
          file,
          line,
          `Unexpected speaker label ${showLabel(written)}: it names a role, not a person; expected this talk to say who it is:` +
            ` pass --speaker ${showLabel(written)}=<speaker-id> (kept in talk.yaml's labels for re-imports)`,
        );
      }
      if (options.createSpeakers) return use(makeStub(written, line, undefined), written);
      const near = similarLabels(labelParts(written).name, candidates);
      const known = [...new Set(options.speakers.map((speaker) => speaker.id))].sort();
      const hint =
        near.length > 0
          ? `did you mean ${near.map((entry) => `${showLabel(entry.label)} (${entry.id})`).join(', or ')}?`
          : `no known name is close (${known.length <= 12 ? known.join(', ') : `${known.length} speakers`}).`;
      throw new ImportError(
        file,
        line,
        `Unexpected speaker label ${showLabel(written)}: expected a name or alias from content/speakers or a label of this talk; ${hint}` +
          ` Add the person to content/speakers (or run with --create-speakers), add the label to their aliases, or pass --speaker ${showLabel(written)}=<speaker-id>`,
      );
    },
  };
}
