// The command-line entry: `npx tsx electron/cli/main.ts <command> …`
// (`npm run cli -- <command> …`). Runs the app's own services on plan files;
// no Electron.
import { runCli } from './run';
import { trace } from '../services/trace';

trace('CLI loaded');
process.on('exit', () => trace('exit'));

runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
