// Plain-JS entry of the Monte-Carlo worker: registers tsx in this thread
// (loader hooks are per thread) and loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./mc-worker.ts');
