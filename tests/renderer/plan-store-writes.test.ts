import { describe, expect, it } from 'vitest';
import { createClient } from '../../shared/api/client';
import { createDispatcher, type Handlers } from '../../shared/api/dispatch';
import { contract } from '../../shared/api/contract';
import { encodeCustomers } from '../../shared/api/customer-columns';
import type { Scenario } from '../../shared/plan/types';
import { PlanStore, rebase } from '../../renderer/stores/PlanStore';

describe('rebase', () => {
  it('lays the fields an edit changed over the latest stored value', () => {
    const base = { id: 's', name: 'S', adjust: {} };
    expect(rebase(base, { ...base, name: 'T' }, { id: 's', name: 'S', adjust: { leads: 0.8 } })).toEqual({
      id: 's',
      name: 'T',
      adjust: { leads: 0.8 },
    });
  });
  it('merges nested objects field by field but takes ranges whole', () => {
    const base = { id: 'c', owners: { AR: null, SR: null }, firstDeal: { min: 1, mode: 2, max: 3 } };
    const next = { ...base, owners: { AR: 'wang', SR: null }, firstDeal: { min: 1, mode: 2, max: 4 } };
    const latest = { ...base, owners: { AR: null, SR: 'li' }, firstDeal: { min: 0, mode: 2, max: 3 } };
    expect(rebase(base, next, latest)).toEqual({ id: 'c', owners: { AR: 'wang', SR: 'li' }, firstDeal: { min: 1, mode: 2, max: 4 } });
  });
  it('merges the items of an array the edit kept the length of, and takes an array that changed length whole', () => {
    // A stage picked, then quickly its factor, both built on the state before the pick.
    const base = { id: 's', adjust: { stages: [{ funnelId: 'ltc', stageKey: 'lead', conversion: 1 }] } };
    const latest = { id: 's', adjust: { stages: [{ funnelId: 'ltc', stageKey: 'solution', conversion: 1 }] } };
    const factor = { id: 's', adjust: { stages: [{ funnelId: 'ltc', stageKey: 'lead', conversion: 0.75 }] } };
    expect(rebase(base, factor, latest)).toEqual({ id: 's', adjust: { stages: [{ funnelId: 'ltc', stageKey: 'solution', conversion: 0.75 }] } });
    const added = { id: 's', adjust: { stages: [...base.adjust.stages, { funnelId: 'ltc', stageKey: 'bid', conversion: 0.8 }] } };
    expect(rebase(base, added, latest)).toEqual(added);
  });
  it('removes a field the edit removed', () => {
    expect(rebase({ id: 'c', region: 'X' }, { id: 'c' }, { id: 'c', region: 'X', tier: 'A' })).toEqual({ id: 'c', tier: 'A' });
  });
});

// A host that answers slowly, in whatever order the requests complete.
function slowHost(initial: Scenario) {
  let stored: Scenario = initial;
  let revision = 1;
  const handlers = {} as Record<string, unknown>;
  for (const name of Object.keys(contract)) handlers[name] = () => ({});
  handlers['plan.load'] = () => ({
    customers: { kind: 'all', columns: encodeCustomers([]) },
    file: { path: '/p.salesplan', name: 'p', sizeBytes: 1, schemaVersion: 1 },
    revision,
    plan: { format: 'sales-strategy-plan', formatVersion: 1, plan: { name: 'P', currency: 'CNY', startMonth: '2027-01', horizonMonths: 12, seed: 1, trials: 100 }, phases: [], funnels: [], segments: [], people: [], customers: [], goals: [], targets: [], scenarios: [stored] },
  });
  handlers['scenarios.update'] = async (arg: { id: string; value: Scenario }) => {
    // The first request takes longer than the second: without ordering, the second lands first.
    await new Promise((r) => setTimeout(r, arg.value.adjust.days === undefined ? 40 : 5));
    stored = arg.value;
    revision += 1;
    return { revision, value: stored };
  };
  const dispatch = createDispatcher(handlers as unknown as Handlers<null>);
  return { client: createClient((m, a) => dispatch(m, a, null)), stored: () => stored };
}

describe('PlanStore writes', () => {
  it('keeps both of two quick edits of one entity, each built from what the editor saw', async () => {
    const host = slowHost({ id: 's', name: 'Downside', adjust: {} });
    const store = new PlanStore(host.client);
    await store.load();
    const seen = store.collections.scenarios.get('s')!;
    // Leave the leads field, then commit days before the first answer arrives:
    // both edits are built from the scenario as shown, without the other one.
    const first = store.update('scenarios', 's', { ...seen, adjust: { leads: 0.8 } });
    const second = store.update('scenarios', 's', { ...seen, adjust: { days: 1.2 } });
    await Promise.all([first, second]);
    expect(host.stored().adjust).toEqual({ leads: 0.8, days: 1.2 });
    expect(store.collections.scenarios.get('s')!.adjust).toEqual({ leads: 0.8, days: 1.2 });
  });
});
