// The calibration dialog's state over the real services on a real plan file
// (the demo): columns guessed from English and Chinese CRM headers, an
// outcome value the user maps, the suggestions accepted as one undoable
// edit, and the same history's monthly actuals added as one more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import { guessDealColumns } from '../../renderer/stores/calibration/CalibrationSession';
import { realHost } from './harness';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function start() {
  const dataDir = mkdtempSync(join(tmpdir(), 'calibration-session-'));
  const app: PlannerApp = createPlannerApp({ dataDir, actor: 'tester', lang: 'en' });
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }), () => app.close());
  const { store } = realHost(app, { events: true });
  await store.start();
  return store;
}

// Deals closing inside the demo plan's horizon (2027-01 …), US dates, a stage word of the user's own.
const DEALS = [
  '商机编号,创建日期,关闭日期,阶段,金额',
  'o1,1/2/2027,3/15/2027,赢单,"1,200,000"',
  'o2,1/20/2027,4/25/2027,赢单,800000',
  'o3,2/1/2027,,Qualifying,',
  'o4,2/10/2027,5/9/2027,输单,',
  'o5,3/1/2027,6/30/2027,Closed Won,90万',
  'o6,3/18/2027,4/1/2027,Closed Lost,',
].join('\n');

describe('guessing the columns of a CRM export', () => {
  it('reads Salesforce, HubSpot and Chinese headers, one column per field', () => {
    expect(guessDealColumns(['Opportunity ID', 'Opportunity Owner', 'Created Date', 'Close Date', 'Stage', 'Amount'])).toEqual({
      id: 0,
      owner: 1,
      created: 2,
      closed: 3,
      outcome: 4,
      value: 5,
    });
    expect(guessDealColumns(['Deal ID', 'Deal Stage', 'Create Date', 'Close Date', 'Amount'])).toMatchObject({ id: 0, outcome: 1, created: 2, closed: 3, value: 4 });
    expect(guessDealColumns(['商机编号', '创建日期', '关闭日期', '阶段', '金额', '细分市场', '负责人'])).toEqual({
      id: 0,
      created: 1,
      closed: 2,
      outcome: 3,
      value: 4,
      segment: 5,
      owner: 6,
    });
  });
});

describe('CalibrationSession', () => {
  it('maps, suggests, and writes the accepted suggestions as one undoable edit', async () => {
    const store = await start();
    store.calibration.open('ltc');
    const s = store.calibration.session!;
    s.setSegment('fin');
    await s.chooseFile(new File([DEALS], 'deals.csv', { type: 'text/csv' }));
    expect(s.missing).toEqual([]);
    expect(s.result!.ok).toBe(false); // "Qualifying" means nothing yet
    expect(s.outcomes.find((o) => o.value === 'Qualifying')).toMatchObject({ count: 1, outcome: null });
    s.setOutcome('Qualifying', 'open');
    const r = s.result!;
    expect(r.ok).toBe(true);
    expect(r.figures!.deals).toEqual({ total: 6, won: 3, lost: 2, open: 1 });
    expect(r.figures!.dealSize).toMatchObject({ p10: 820_000, p50: 900_000, p90: 1_140_000, evidence: { n: 3 } });

    const before = store.plan.collections.funnels.plain('ltc')!;
    s.toggle('dealSize');
    s.toggle('stages.4.conversion');
    expect(await s.apply()).toBeNull();
    const after = store.plan.collections.funnels.plain('ltc')!;
    expect(after.dealSize).toEqual({ min: 820_000, mode: 900_000, max: 1_140_000 });
    expect(after.stages[4]!.conversion).not.toEqual(before.stages[4]!.conversion);
    await store.history.undo();
    expect(store.plan.collections.funnels.plain('ltc')).toEqual(before);

    // The same history as monthly actuals of segment fin: leads by created month, wins and bookings by closed month.
    const h = s.historyActuals!;
    expect(h.outsideHorizon).toBe(0);
    expect(h.actuals.filter((a) => a.month === '2027-04')).toEqual([
      { month: '2027-04', metric: 'wins', value: 1, segmentId: 'fin' },
      { month: '2027-04', metric: 'bookings', value: 800_000, segmentId: 'fin' },
    ]);
    expect(await s.addHistoryActuals()).toBeNull();
    expect(store.plan.actuals.filter((a) => a.month === '2027-04' && a.segmentId === 'fin' && a.metric === 'bookings')).toEqual([
      { month: '2027-04', metric: 'bookings', value: 800_000, segmentId: 'fin' },
    ]);
  });
});
