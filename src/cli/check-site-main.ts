/** Entry point of `npm run check:site [dir]` (run by vite-node): see check-site.ts. */
import { runCheckSite } from './check-site';

process.exitCode = await runCheckSite(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  return 2;
});
