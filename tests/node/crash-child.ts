// The writer the crash test kills: opens a plan through the store and commits
// edits through the services' commit path in a loop, printing each committed
// revision after its commit returns. Bundled to plain .mjs by crash.test.ts
// so each spawn costs a Node start-up, not a TypeScript compile.
import { writeSync } from 'node:fs';
import { commitEdits } from '../../electron/services/edits/commit';
import type { PlanEdit } from '../../electron/services/edits/types';
import { openPlanFile, readRevision } from '../../electron/store';
import { crashCustomer, FILLERS_EVERY, FILLER_COUNT } from './crash-plan';

const path = process.argv[2]!;
const file = openPlanFile(path, { appVersion: 'crash-test' });
writeSync(1, 'open\n');
for (let n = readRevision(file.db) + 1; ; n++) {
  const edits: PlanEdit[] = [
    { kind: 'customers', op: 'create', value: crashCustomer(`k-${n}`) },
    { kind: 'plan', op: 'update', patch: { name: `commit ${n}` } },
  ];
  // Now and then a much larger transaction, and the next one takes it back out.
  if (n % FILLERS_EVERY === 0)
    for (let i = 0; i < FILLER_COUNT; i++) edits.push({ kind: 'customers', op: 'create', value: crashCustomer(`f-${n}-${i}`), index: 0 });
  if (n % FILLERS_EVERY === 1 && n > 1)
    for (let i = 0; i < FILLER_COUNT; i++) edits.push({ kind: 'customers', op: 'delete', id: `f-${n - 1}-${i}` });
  commitEdits(file, edits, { actor: 'crash-test', method: 'crash.loop' });
  writeSync(1, `${n}\n`);
}
