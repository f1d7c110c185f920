/** Entry point of `npm run translation:review -- <slug> <lang>` (run by vite-node): see translation-review.ts. */
import { runTranslationReview } from './translation-review';

process.exitCode = await runTranslationReview(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 2;
});
