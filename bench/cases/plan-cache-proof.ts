// The proof of tests/node/plan-cache-sequences.test.ts at scale: random edit,
// undo and redo steps on a 50,000-customer plan, after each the kept plan
// (electron/services/plan-cache.ts) and a window's customers brought up to
// date by plan.load's changes since compared with a fresh whole read
// (tests/node/proofs/plan-cache-steps.ts). The figure is 1 when a step
// differed (the proof stops there and prints it), else 0; the steps and how
// many were read whole (a rename that reaches every customer) are printed
// beside it. About a minute: a whole read and two comparisons per step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handlers } from '../../electron/services/handlers';
import { PlannerSession } from '../../electron/services/session';
import { createDispatcher } from '../../shared/api/dispatch';
import { planCacheSteps } from '../../tests/node/proofs/plan-cache-steps';
import { demoRepeated } from '../plans/demo-repeated';
import type { BenchCase } from './types';

const CUSTOMERS = 50_000;
const STEPS = 12;
const SEED = 14;

export const planCacheProofCases: BenchCase[] = [
  {
    name: `Host plan read: ${STEPS} random edit, undo and redo steps on ${CUSTOMERS.toLocaleString('en')} customers, the kept plan or a window's changes since differing from a fresh read (1: a step did, 0: none)`,
    unit: 'count',
    budget: 0,
    async run() {
      const dir = mkdtempSync(join(tmpdir(), 'plan-cache-proof-'));
      const session = new PlannerSession({ dataDir: dir, lang: 'en', actor: 'bench', appVersion: 'bench' });
      try {
        const dispatch = createDispatcher(handlers);
        const call = (method: string, arg: unknown) => dispatch(method, arg, session);
        const plan = demoRepeated(CUSTOMERS);
        const imported = await call('file.importJson', { json: JSON.stringify(plan), path: join(dir, 'proof.salesplan') });
        if (!imported.ok) throw new Error(imported.error.message);
        const result = await planCacheSteps(call, session.requireFile(), SEED, STEPS);
        process.stderr.write(
          `  plan cache proof (seed ${SEED}): ${result.log.join('; ')}; read whole after ${result.readWhole}, whole list for a window after ${result.wholeLists}\n`,
        );
        if (result.mismatch) process.stderr.write(`  ${result.mismatch}\n`);
        return result.mismatch ? 1 : 0;
      } finally {
        await session.backupsIdle();
        session.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
