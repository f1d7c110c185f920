/**
 * A LabelResolver for reader tests: knows exactly the labels it is given (as written, spaces
 * normalised), records every call to resolve(), and throws an ImportError naming the line and
 * the label for any other label, as the real resolver does.
 */
import { ImportError, type SpeakerRecord } from '../../src/lib/import/transcript';
import { labelKey, type LabelResolver } from '../../src/lib/import/label-resolver';

export interface FakeResolver extends LabelResolver {
  /** Every resolve() call, as [label, line]. */
  calls: [string, number][];
}

/** `labels` maps a label as written to a speaker id; the speaker's name is the id. */
export function fakeResolver(labels: Record<string, string>, file = 't.txt'): FakeResolver {
  const calls: [string, number][] = [];
  return {
    calls,
    knows: (label) => Object.hasOwn(labels, labelKey(label)),
    resolve(label, line): SpeakerRecord {
      calls.push([label, line]);
      const id = labels[labelKey(label)];
      if (id === undefined)
        throw new ImportError(file, line, `Unexpected speaker label ${JSON.stringify(labelKey(label))}`);
      return { id, name: id, aliases: [] };
    },
  };
}
