// Entry of the export worker when the app runs from TypeScript sources
// (tests, the CLI, `npm run web`); the built app starts
// out/main/export-worker.cjs instead (see job.ts). Same pattern as the
// simulation worker: module loader hooks are per thread.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
