// Entry of a simulation worker when the app runs from TypeScript sources
// (tests, the CLI, `npm run web`): module loader hooks are per thread, so the
// worker registers tsx for itself before loading worker.ts. The built app
// starts out/main/simulation-worker.cjs instead (see pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
