/**
 * Per-talk labels: who a role (主持人, MODERATOR) or a diarization id (SPEAKER_00) is in one
 * talk. Given on the command line as `--speaker LABEL=id`, kept in the talk's talk.yaml as
 * `labels:` so a re-import reads them back, and never added to the speaker's aliases: the
 * moderator of one talk is not the moderator of every talk.
 */
import { parseDocument } from 'yaml';
import { ImportError } from './transcript';
import { labelKey, type TalkLabel } from './label-resolver';

/** `主持人=xu-li` → { label: 主持人, id: xu-li }; the last `=` splits (ids hold none). */
export function parseSpeakerOption(value: string): { label: string; id: string } | string {
  const at = value.lastIndexOf('=');
  const label = at === -1 ? '' : labelKey(value.slice(0, at));
  const id = at === -1 ? '' : value.slice(at + 1).trim();
  if (label === '' || id === '')
    return `--speaker: expected LABEL=speaker-id (e.g. --speaker 主持人=xu-li), found ${JSON.stringify(value)}`;
  return { label, id };
}

/**
 * The `labels:` of an existing talk.yaml (text), as TalkLabels naming the file and field.
 * A talk.yaml that is not valid YAML, or whose labels are not a map of text to text, stops
 * the import here; every other field is the build's to check.
 */
export function readTalkLabels(talkYaml: string, file: string): TalkLabel[] {
  const doc = parseDocument(talkYaml);
  if (doc.errors.length > 0)
    throw new ImportError(file, undefined, `expected valid YAML, found: ${doc.errors[0]!.message}`);
  const data: unknown = doc.toJS();
  const labels = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['labels'] : undefined;
  if (labels === undefined || labels === null) return [];
  if (typeof labels !== 'object' || Array.isArray(labels)) {
    throw new ImportError(
      file,
      undefined,
      'field "labels": expected a mapping of labels to speaker ids (e.g. 主持人: xu-li), found something else',
    );
  }
  return Object.entries(labels).map(([label, id]) => {
    if (typeof id !== 'string')
      throw new ImportError(
        file,
        undefined,
        `field "labels.${label}": expected a speaker id, found ${JSON.stringify(id)}`,
      );
    return { label, id: id.trim(), origin: `${file} field "labels.${label}"` };
  });
}

/**
 * The labels to keep in talk.yaml after this import: those given with --speaker that the
 * transcript used and that do not already name that speaker by name or alias (a name needs
 * no per-talk label).
 */
export function labelsToKeep(
  given: readonly { label: string; id: string }[],
  used: ReadonlySet<string>,
  namesSpeaker: (label: string, id: string) => boolean,
): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const { label, id } of given) {
    if (used.has(label) && !namesSpeaker(label, id)) keep[label] = id;
  }
  return keep;
}
