// After install: prove better-sqlite3's Node build loads, so a broken native
// build fails here with a fix to try rather than deep inside a test.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').prepare('select 1').get();
} catch (e) {
  console.error(`better-sqlite3 does not load in Node ${process.version}: ${e.message}`);
  console.error('Try: npm rebuild better-sqlite3');
  process.exit(1);
}
