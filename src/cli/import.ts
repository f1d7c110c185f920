/** Entry point of `npm run import` (run by vite-node): see import-command.ts and `--help`. */
import { runImport } from './import-command';

process.exitCode = await runImport(process.argv.slice(2));
