/**
 * "Did you mean …" for a label nobody answers to: the known names, aliases and per-talk labels
 * closest to it. A typo (Jane Doh), a missing or extra character (王五 for 王武) or a part of a
 * name (Okafor) should point the editor at the person, not at the whole list of speakers.
 */
import { distance } from 'fastest-levenshtein';
import { nameKey } from './label-text';

export interface LabelCandidate {
  /** The name, alias or per-talk label as written. */
  label: string;
  /** The speaker it names. */
  id: string;
}

/**
 * Close enough to suggest: edit distance (Levenshtein, over code units of the comparison keys)
 * at most a third of the longer key, and at least 1; or one key holding the other whole (at
 * least two characters).
 */
export function isSimilar(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  const longer = Math.max([...a].length, [...b].length);
  if (distance(a, b) <= Math.max(1, Math.floor(longer / 3))) return true;
  const shorter = [...a].length <= [...b].length ? a : b;
  return [...shorter].length >= 2 && (a.includes(b) || b.includes(a));
}

/** Up to `limit` candidates similar to `label`, closest first, one per speaker. */
export function similarLabels(label: string, candidates: readonly LabelCandidate[], limit = 3): LabelCandidate[] {
  const key = nameKey(label);
  const scored = candidates
    .map((candidate) => ({ candidate, key: nameKey(candidate.label) }))
    .filter((entry) => entry.key !== key && isSimilar(key, entry.key))
    .map((entry) => ({ ...entry, score: distance(key, entry.key) }))
    .sort((a, b) => a.score - b.score || a.candidate.label.localeCompare(b.candidate.label));
  const seen = new Set<string>();
  const picked: LabelCandidate[] = [];
  for (const { candidate } of scored) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    picked.push(candidate);
    if (picked.length === limit) break;
  }
  return picked;
}
