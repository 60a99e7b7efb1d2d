// `node --import ./log-loads.mjs …`: names on stderr ("loaded: URL") each file
// module the process loads (tests/node/cli-helpers.ts: cliLoads).
import { register } from 'node:module';

const hook = `export async function load(url, context, next) {
  if (url.startsWith('file:')) process.stderr.write('loaded: ' + url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
