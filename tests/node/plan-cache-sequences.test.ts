// The kept plan brought up to date from the change log (electron/services/
// plan-cache.ts) and plan.load's changes since a revision, after every step
// of random edit sequences on a real plan file (the demo plan), against a
// fresh whole read: exactly the same plan (values, key order, customers'
// order), the customers no step touched reused rather than read again, and
// no whole list for a window (tests/node/proofs/plan-cache-steps.ts; the
// bench runs it on 50,000 customers).
import { describe, expect, it } from 'vitest';
import { demoJson, harness } from './store-helpers';
import { planCacheSteps } from './proofs/plan-cache-steps';

const STEPS = 40;

describe('the kept plan after random edit sequences', () => {
  for (const seed of [1, 2, 3]) {
    it(`equals a fresh whole read after every step, reusing untouched customers (seed ${seed})`, async () => {
      const h = await harness(demoJson());
      const result = await planCacheSteps(h.raw, h.session.requireFile(), seed, STEPS, (kept, fresh, where) =>
        expect(kept, where).toStrictEqual(fresh),
      );
      const log = result.log.join('; ');
      expect(result.mismatch, log).toBeNull();
      expect(result.log).toHaveLength(STEPS);
      // Every step was patched into the kept plan and fit plan.load's changes since.
      expect(result.readWhole, log).toBe(0);
      expect(result.wholeLists, log).toBe(0);
      // The sequence did what it is for: creates, deletes, renames elsewhere, undo and redo all took effect.
      for (const what of [/^create/, /^delete [^g]/, /^rename (segments|people|phases)/, /^undo$/, /^redo$/])
        expect(result.log.some((s) => what.test(s)), `${what} in ${log}`).toBe(true);
    });
  }
});
