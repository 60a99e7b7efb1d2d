// The pure edits behind the Funnels screen: ids of new entities and copies,
// stage list changes within 1..12, payment totals, expected volumes, and
// lead volume per phase with the default as fallback.
import { describe, expect, it } from 'vitest';
import type { Funnel, Phase, Segment } from '../../shared/plan/types';
import {
  addLeadEntry,
  addStage,
  copyId,
  copyName,
  leadsByPhase,
  moveStage,
  newFunnel,
  orderedLeadEntries,
  removeStage,
  setStageOwner,
  sharesComplete,
  sharesTotalPercent,
  stageKeyProblem,
  summarizeFunnel,
  uniqueId,
} from '../../renderer/stores/funnels/funnelEdits';

const funnel: Funnel = {
  id: 'ltc',
  name: 'LTC',
  process: 'ltc',
  stages: [
    { key: 'lead', name: 'Lead', conversion: { min: 0.3, mode: 0.4, max: 0.5 }, days: 10 },
    { key: 'bid', name: 'Bid', conversion: 0.5, days: { min: 10, mode: 20, max: 30 } },
  ],
  dealSize: 100,
  deliveryDays: 30,
  payments: [
    { share: 0.3, days: 30 },
    { share: 0.7, days: { min: 60, mode: 90, max: 120 } },
  ],
};

describe('ids and names of new entities', () => {
  it('takes the base, else the next free number, within 64 characters', () => {
    expect(uniqueId('ltc', new Set())).toBe('ltc');
    expect(uniqueId('ltc', new Set(['ltc', 'ltc-2']))).toBe('ltc-3');
    expect(uniqueId('a b/c', new Set())).toBe('a-b-c');
    const long = 'x'.repeat(64);
    expect(uniqueId(long, new Set([long]))).toHaveLength(64);
    expect(copyId('pessimistic', new Set(['pessimistic', 'pessimistic-copy']))).toBe('pessimistic-copy-2');
    expect(copyId('x'.repeat(64), new Set()).length).toBeLessThanOrEqual(64);
  });

  it('numbers copy names so two copies can be told apart', () => {
    const format = (n?: number) => (n ? `A (copy ${n})` : 'A (copy)');
    expect(copyName(format, new Set(['A']))).toBe('A (copy)');
    expect(copyName(format, new Set(['A', 'A (copy)', 'A (copy 2)']))).toBe('A (copy 3)');
  });
});

describe('stages', () => {
  it('adds a stage with a fresh key, at most 12', () => {
    const added = addStage(funnel, 'New');
    expect(added.stages.map((s) => s.key)).toEqual(['lead', 'bid', 'stage-3']);
    let f = funnel;
    for (let i = 0; i < 20; i++) f = addStage(f, 'New');
    expect(f.stages).toHaveLength(12);
    expect(new Set(f.stages.map((s) => s.key)).size).toBe(12);
  });

  it('removes down to one stage and moves within the ends', () => {
    expect(removeStage(funnel, 0).stages.map((s) => s.key)).toEqual(['bid']);
    const single = removeStage(funnel, 0);
    expect(removeStage(single, 0)).toBe(single);
    expect(moveStage(funnel, 1, -1).stages.map((s) => s.key)).toEqual(['bid', 'lead']);
    expect(moveStage(funnel, 0, -1)).toBe(funnel);
    expect(moveStage(funnel, 1, 1)).toBe(funnel);
  });

  it('checks a key: not empty, id characters, unique in the funnel', () => {
    expect(stageKeyProblem('', funnel, 0)).toBe('empty');
    expect(stageKeyProblem('bad key', funnel, 0)).toBe('format');
    expect(stageKeyProblem('bid', funnel, 0)).toBe('duplicate');
    expect(stageKeyProblem('bid', funnel, 1)).toBeNull();
    expect(stageKeyProblem('lead-2', funnel, 0)).toBeNull();
  });

  it('starts a new funnel from the method’s five stages', () => {
    const f = newFunnel('x', 'X', 'ltc', { ltc: ['A', 'B', 'C', 'D', 'E'], mtc: [] });
    expect(f.stages.map((s) => s.name)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(sharesComplete(f.payments.map((p) => p.share))).toBe(true);
  });
});

describe('what a funnel expects', () => {
  it('sums shares to a clean percentage and accepts only 100 %', () => {
    expect(sharesTotalPercent([0.3, 0.6, 0.1])).toBe(100);
    expect(sharesComplete([0.3, 0.6, 0.1])).toBe(true);
    expect(sharesTotalPercent([0.2, 0.6, 0.1])).toBe(90);
    expect(sharesComplete([0.2, 0.6, 0.1])).toBe(false);
  });

  it('uses the mean of each range for volumes, conversion, win rate and the three cycles', () => {
    const s = summarizeFunnel(funnel);
    expect(s.volumes.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([100, 40, 20]);
    // Conversion: lead to contract; win rate: of the opportunities (stage 1 on) that are decided.
    expect(s.conversion).toBeCloseTo(0.2, 12);
    expect(s.winRate).toBeCloseTo(0.5, 12);
    expect(s.salesCycleDays).toBe(30);
    expect(s.deliveryCycleDays).toBe(30);
    expect(s.cashCycleDays).toBeCloseTo(0.3 * 30 + 0.7 * 90, 9);
  });
});

describe('lead volume per phase', () => {
  const phases: Phase[] = [
    { id: 'p1', name: 'P1', stage: 'entry', start: '2027-01', end: '2027-06' },
    { id: 'p2', name: 'P2', stage: 'breakthrough', start: '2027-07', end: '2027-12' },
  ];
  const segment: Segment = { id: 's', name: 'S', funnelId: 'ltc', leads: [{ phaseId: 'p2', perMonth: { min: 10, mode: 20, max: 30 } }, { perMonth: 5 }] };

  it('falls back to the default where a phase has no entry of its own', () => {
    expect(leadsByPhase(segment, phases)).toEqual([
      { phaseId: 'p1', mean: 5, fromDefault: true },
      { phaseId: 'p2', mean: 20, fromDefault: false },
    ]);
    const none: Segment = { ...segment, leads: [] };
    expect(leadsByPhase(none, phases)[0]).toEqual({ phaseId: 'p1', mean: null, fromDefault: false });
  });

  it('adds an entry from the default once per phase, and lists the default first', () => {
    const added = addLeadEntry(segment, 'p1');
    expect(added.leads.at(-1)).toEqual({ phaseId: 'p1', perMonth: 5 });
    expect(addLeadEntry(added, 'p1')).toBe(added);
    expect(orderedLeadEntries(added, phases).map((e) => e.entry.phaseId)).toEqual([undefined, 'p1', 'p2']);
  });
});

describe('stage owners', () => {
  it('sets an owner on one stage and clears it by leaving the key out', () => {
    const owned = setStageOwner(funnel, 1, 'zhou');
    expect(owned.stages[1]).toMatchObject({ key: 'bid', ownerId: 'zhou' });
    expect('ownerId' in owned.stages[0]!).toBe(false);
    const cleared = setStageOwner(owned, 1, null);
    expect('ownerId' in cleared.stages[1]!).toBe(false);
    expect(cleared.stages[1]).toEqual(funnel.stages[1]);
  });
});
