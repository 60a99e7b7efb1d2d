// Entry of a file-work worker when the app runs from TypeScript sources
// (tests): module loader hooks are per thread, so the worker registers tsx
// for itself before loading worker.ts. The built app starts
// out/main/file-worker.cjs instead (see runner.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
