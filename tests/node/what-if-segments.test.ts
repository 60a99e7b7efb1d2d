// The live what-if's per-segment lead volume (`simulation.expected`
// `segmentLeads`, the workshop's segment sliders) through the API on a real
// plan file: every segment at ×f is exactly the scenario multiplier leads ×f;
// one segment moved moves only its own funnel's numbers; an unknown segment
// is refused by name; the plan file is not touched.
import { describe, expect, it } from 'vitest';
import type { ExpectedResult } from '../../shared/simulation/types';
import { startApp } from './store-helpers';

const same = (r: ExpectedResult) => JSON.stringify({ ...r, elapsedMs: 0 });

describe('simulation.expected with segmentLeads', () => {
  it('all segments ×1.2 equals leads ×1.2; on top of a scenario too', async () => {
    const t = startApp();
    const { plan } = await t.call('plan.get', {});
    const all = Object.fromEntries(plan.segments.map((s) => [s.id, 1.2]));
    expect(same(await t.call('simulation.expected', { segmentLeads: all }))).toBe(same(await t.call('simulation.expected', { adjust: { leads: 1.2 } })));
    // On top of a scenario the two multiply in another order (x·1.2·0.8 against x·0.96): equal up to rounding.
    const a = await t.call('simulation.expected', { scenarioId: 'pessimistic', segmentLeads: all });
    const b = await t.call('simulation.expected', { scenarioId: 'pessimistic', adjust: { leads: 1.2 } });
    a.phases.forEach((p, i) => {
      for (const m of ['leads', 'wins', 'bookings', 'revenue', 'cash'] as const) expect(p.totals[m].mean).toBeCloseTo(b.phases[i]!.totals[m].mean, 6);
    });
  });

  it('one segment moved changes only its funnel’s scope', async () => {
    const t = startApp();
    const { plan } = await t.call('plan.get', {});
    const seg = plan.segments[0]!;
    expect((await t.call('plan.get', {})).revision).toBe(0);
    const base = await t.call('simulation.expected', {});
    const moved = await t.call('simulation.expected', { segmentLeads: { [seg.id]: 1.5 } });
    const scope = (r: ExpectedResult, id: string) => r.scopes.find((s) => s.kind === 'segment' && s.id === id)!.totals.bookings.mean;
    expect(scope(moved, seg.id)).toBeGreaterThan(scope(base, seg.id) * 1.2);
    for (const other of plan.segments.slice(1)) expect(scope(moved, other.id)).toBe(scope(base, other.id));
    // A what-if, not an edit: the plan file's revision has not moved.
    expect((await t.call('plan.get', {})).revision).toBe(0);
  });

  it('refuses an unknown segment by name, and a negative factor by the schema', async () => {
    const t = startApp();
    const err = await t.fail('simulation.expected', { segmentLeads: { nowhere: 1.1 } });
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toContain('"nowhere"');
    expect((await t.fail('simulation.expected', { segmentLeads: { fin: -1 } })).code).toBe('invalid_argument');
  });
});
