// Calibration from deal history (issue #12): 100,000 deals of a CRM export
// (US dates, grouped amounts, Salesforce stage names), from the parsed CSV
// text to the figures and suggested Ranges (shared/calibration, median of 5).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { calibrate, DEAL_HISTORY_LIMITS } from '../../shared/calibration';
import { parseCsvText } from '../../shared/import';
import type { Plan } from '../../shared/plan/types';
import type { BenchCase } from './types';

const ROOT = resolve(import.meta.dirname, '../..');
const DEALS = 100_000;

function history(segmentName: string): string {
  const lines = ['Opportunity ID,Created Date,Close Date,Stage,Amount,Segment'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const start = Date.UTC(2021, 0, 1);
  for (let i = 0; i < DEALS; i++) {
    const created = new Date(start + Math.floor(rnd() * 1000) * 86_400_000);
    const r = rnd();
    const stage = r < 0.3 ? 'Closed Won' : r < 0.85 ? 'Closed Lost' : 'Negotiation';
    const closed = stage === 'Negotiation' ? null : new Date(created.getTime() + Math.floor(10 + rnd() * 200) * 86_400_000);
    const us = (d: Date) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
    const amount = Math.round(50_000 + rnd() * 2_000_000).toLocaleString('en');
    lines.push(`o${i},${us(created)},${closed ? us(closed) : ''},${stage},"${amount}",${rnd() < 0.5 ? segmentName : 'Other'}`);
  }
  return lines.join('\n');
}

export const calibrationCases: BenchCase[] = [
  {
    name: `Calibration from ${DEALS.toLocaleString('en')} deals (CSV text → figures and suggestions, median of 5)`,
    unit: 'ms',
    budget: 2000,
    run() {
      const demo = JSON.parse(readFileSync(join(ROOT, 'resources/demo/demo.en.plan.json'), 'utf8')) as Plan;
      const funnel = demo.funnels.find((f) => f.id === 'ltc')!;
      const segment = demo.segments.find((s) => s.id === 'fin')!;
      const text = history(segment.name);
      const times: number[] = [];
      for (let k = 0; k < 5; k++) {
        const t0 = performance.now();
        const { rows } = parseCsvText(text, DEAL_HISTORY_LIMITS);
        const r = calibrate(rows, { columns: { id: 0, created: 1, closed: 2, outcome: 3, value: 4, segment: 5 }, currency: 'CNY', outcomes: { Negotiation: 'open' } }, funnel, segment);
        times.push(performance.now() - t0);
        if (!r.ok || r.used < DEALS * 0.4) throw new Error(`calibration bench: unexpected result ${JSON.stringify(r.problems.slice(0, 3))}`);
      }
      return times.sort((a, b) => a - b)[2]!;
    },
  },
];
