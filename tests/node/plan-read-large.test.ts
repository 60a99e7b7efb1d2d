// Reading a large plan back (readPlan's batched child rows, see
// electron/store/entities/repository.ts): a generated plan of thousands of
// varied customers comes back byte for byte, and child rows stored out of
// their usual order still come back in position order.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Customer, Plan } from '../../shared/plan/types';
import { readPlan } from '../../electron/store';
import { appWithPlan, demoJson } from './store-helpers';

const COUNT = 3_000;
const PHASES = ['p1', 'p2', 'p3', 'p4'];

/** The demo plan with `COUNT` customers that differ in every optional field, text and number form. */
function largePlan(): Plan {
  const demo = demoJson('en');
  const template = demo.customers[0]!;
  const customers: Customer[] = Array.from({ length: COUNT }, (_, i) => {
    // Every key in plan-format order (the template's), then some taken out.
    const c: Customer = {
      ...template,
      id: `gen-${i}`,
      name: i % 7 === 0 ? `客户 ${i} — "quoted" \\ tab\t😀` : `Generated customer ${i}`,
      tier: (['S', 'A', 'B', 'C'] as const)[i % 4]!,
      relationship: { key: i % 5, broad: (i >> 1) % 5, organizational: (i >> 2) % 5 },
      potential: i % 3 === 0 ? i * 1234.5678 + 0.1 : i * 1000,
      firstDeal: i % 2 === 0 ? { min: i, mode: i * 1.5 + 0.3, max: i * 3 + 1 + 1e-7 } : (i + 0.2) * 1e6,
      needs: i % 5 === 0 ? '' : `Needs ${i}\nsecond line`,
      // Phases in varied orders and counts: the object keeps the order it was written in.
      relationshipPlan: Object.fromEntries(
        PHASES.slice(0, i % 5).map((_p, k) => [PHASES[(k + i) % 4]!, { key: k % 5, broad: (k + i) % 5, organizational: i % 5 }]),
      ),
    };
    const optional = ['region', 'industry', 'factors', 'breakthroughPhaseId', 'entryStage', 'firstDeal', 'needs', 'relationshipPlan'] as const;
    optional.forEach((key, k) => {
      if ((i + k) % 3 === 0) delete c[key];
    });
    if (c.factors && i % 4 === 1) c.factors = { salesSkill: 5 };
    return c;
  });
  return { ...demo, customers: [...demo.customers, ...customers] };
}

describe('reading a large plan', () => {
  it(`gives back ${COUNT.toLocaleString('en')} varied customers byte for byte (plan.get and file.exportJson)`, async () => {
    const plan = largePlan();
    const t = await appWithPlan(plan);
    const { json } = await t.call('file.exportJson', {});
    expect(json).toBe(`${JSON.stringify(plan, null, 2)}\n`);
    const { plan: got } = await t.call('plan.get', {});
    expect(JSON.stringify(got)).toBe(JSON.stringify(plan));
  });

  it('keeps position order for child rows stored with gaps and out of their usual order', async () => {
    const plan = largePlan();
    const t = await appWithPlan(plan);
    t.app.close();
    const db = new Database(t.path);
    try {
      // Positions 0,1,2,3 become 30,20,10,0 reversed then renumbered with gaps: the order read must follow them.
      db.exec('UPDATE customer_relationship_plan SET position = 1000 - position');
      db.exec('UPDATE customer_relationship_plan SET position = (position - 996) * 10');
      const got = readPlan(db);
      const reversed = plan.customers.map((c) =>
        c.relationshipPlan ? { ...c, relationshipPlan: Object.fromEntries(Object.entries(c.relationshipPlan).reverse()) } : c,
      );
      expect(JSON.stringify(got.customers)).toBe(JSON.stringify(reversed));
    } finally {
      db.close();
    }
  });
});
