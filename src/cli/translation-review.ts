/**
 * `npm run translation:review -- <slug> <lang>`: prints a talk and its translation paragraph by
 * paragraph (original, then translation, with the notes each references), then every problem
 * the checks find, so a reviewer reads the two line by line. Exits 1 when there are problems.
 */
import { formatProblem } from '../lib/content/catalog';
import { checkTranslation } from '../lib/translation/check-translation';
import { loadTranslation, type LoadedTranslation } from '../lib/translation/load-translation';
import type { TranslationProblem } from '../lib/translation/problems';
import { contentDir } from '../lib/content/content-dir';

const USAGE = 'usage: npm run translation:review -- <talk-slug> <lang>   (e.g. waic-2023-roundtable en)';

const notesOf = (labels: string[] | undefined) =>
  labels && labels.length > 0 ? `   [${labels.map((label) => `^${label}`).join(' ')}]` : '';

/** The side-by-side text: for each original turn, each paragraph in both languages. */
export function reviewText(loaded: LoadedTranslation, problems: TranslationProblem[]): string {
  const translated = new Map(loaded.translation.turns.map((turn) => [turn.anchor, turn]));
  const lines = [
    `${loaded.slug} → ${loaded.lang}: ${loaded.original.turns.length} turns, ${loaded.translation.turns.length} translated`,
  ];
  for (const turn of loaded.original.turns) {
    const other = translated.get(turn.anchor);
    lines.push('', `## ${turn.position} ${turn.anchor} · ${turn.speaker}`);
    const count = Math.max(turn.paragraphs.length, other?.paragraphs.length ?? 0);
    for (let index = 0; index < count; index += 1) {
      lines.push(`¶${index + 1} zh ${turn.paragraphs[index] ?? '(none)'}${notesOf(turn.references[index])}`);
      lines.push(`   ${loaded.lang} ${other?.paragraphs[index] ?? '(none)'}${notesOf(other?.references[index])}`);
    }
  }
  lines.push(
    '',
    problems.length === 0 ? 'No problems.' : `${problems.length} problem(s):`,
    ...problems.map(formatProblem),
  );
  return `${lines.join('\n')}\n`;
}

export async function runTranslationReview(
  args: string[],
  write = (text: string) => process.stdout.write(text),
): Promise<number> {
  const [slug, lang] = args.filter((arg) => arg !== '--');
  if (!slug || !lang) {
    write(`${USAGE}\n`);
    return 2;
  }
  const loaded = await loadTranslation(contentDir(), slug, lang);
  const problems = [...loaded.problems, ...checkTranslation(loaded.input)];
  write(reviewText(loaded, problems));
  return problems.length === 0 ? 0 : 1;
}
