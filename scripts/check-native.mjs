// After install: prove better-sqlite3's Node build loads, so a broken native
// build fails here with a fix to try rather than deep inside a test. The
// Electron build of it is not made here: `npm install` must work offline (CI),
// and that build downloads Electron's headers. `npm start` makes it
// (scripts/electron-binding.mjs); this only says so when it is missing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bindingPath, projectRoot } from './electron-binding.mjs';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').prepare('select 1').get();
} catch (e) {
  console.error(`better-sqlite3 does not load in Node ${process.version}: ${e.message}`);
  console.error('Try: npm rebuild better-sqlite3');
  process.exit(1);
}
if (!existsSync(bindingPath(projectRoot, process.arch))) {
  console.log('note: the Electron build of better-sqlite3 is made on the first `npm start` (needs internet and a C++ toolchain)');
}
