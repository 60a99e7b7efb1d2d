// Entry of the spreadsheet worker when the app runs from TypeScript sources
// (tests, the CLI, `npm run web`): loader hooks are per thread, so the worker
// registers tsx before loading spreadsheet-worker.ts. The built app starts
// out/main/spreadsheet-worker.cjs instead (see spreadsheet-isolated.ts).
import { register } from 'tsx/esm/api';

register();
await import('./spreadsheet-worker.ts');
