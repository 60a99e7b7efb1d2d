// An independent, deliberately simple implementation of
// shared/docs/simulation-model.md: every lead and every deal is sampled one
// by one, with its own random generator, sharing no code with the engine.
// The readiness function is re-implemented from its documentation
// (docs/simulation-engine.md). Slow, obvious, and the yardstick the engine's
// tests measure against.

import type { Plan, Range } from '../../../shared/plan/types';

const L = 365.25 / 12;
export const SERIES = ['leads', 'opportunities', 'wins', 'bookings', 'revenue', 'cash', 'newKeyCustomers'] as const;
export const KPIS = ['winRate', 'conversion', 'salesCycleDays', 'cashCycleDays'] as const;
type Series = (typeof SERIES)[number];

/** sfc32 seeded through a string hash: a different generator from the engine's. */
export function makeRng(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88;
  let c = 0xb7e15162 ^ (seed * 31);
  let d = 1;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}

/** Triangular by the textbook inverse CDF. */
function draw(r: Range, rand: () => number, scale = 1): number {
  if (typeof r === 'number') return r * scale;
  const { min, mode, max } = r;
  if (max === min) return min * scale;
  const u = rand();
  const fc = (mode - min) / (max - min);
  const x = u < fc ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  return x * scale;
}

/** Knuth's product method (fine for the small means of test plans). */
function poisson(lambda: number, rand: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 200) throw new Error('reference sampler: mean too large for Knuth');
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

/** The documented readiness function, written out again. */
export function referenceReadiness(c: Plan['customers'][number]): number {
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  const rel = clamp(c.relationship.key, 0, 4) + clamp(c.relationship.broad, 0, 4) + clamp(c.relationship.organizational, 0, 4);
  const names = ['transactionPath', 'customerExperience', 'productValue', 'customerTrust', 'customerRelationship', 'salesSkill', 'pricePerformance'] as const;
  let fac = 0;
  for (const n of names) fac += clamp(c.factors?.[n] ?? 3, 1, 5);
  return 2 ** (((rel - 6) / 6 + (fac - 21) / 14) / 2);
}

function monthIdx(start: string, month: string): number {
  const o = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
  return o(month) - o(start);
}

export interface TrialOutcome {
  series: Record<Series, number[]>;
  /** Per window (0 = horizon, 1 + p = phase p): phase totals and KPIs (NaN when undefined). */
  totals: Record<Series, number>[];
  kpis: Record<(typeof KPIS)[number], number>[];
  /** Attainment per plan target, in plan order. */
  attained: boolean[];
}

export function referenceTrial(plan: Plan, rand: () => number, scenarioId: string | null = null): TrialOutcome {
  const H = plan.plan.horizonMonths;
  const HL = H * L;
  const adj = scenarioId ? plan.scenarios.find((s) => s.id === scenarioId)!.adjust : {};
  const zero = () => new Array<number>(H).fill(0);
  const s: Record<Series, number[]> = {
    leads: zero(), opportunities: zero(), wins: zero(), bookings: zero(), revenue: zero(), cash: zero(), newKeyCustomers: zero(),
  };
  const last = zero();
  const cycle = zero();
  const cashNum = zero();
  const cashDen = zero();
  const month = (t: number) => Math.floor(t / L);

  // Trial-level draws.
  const conv = new Map<string, number[]>();
  for (const f of plan.funnels) {
    conv.set(
      f.id,
      f.stages.map((st) => {
        let factor = adj.conversion ?? 1;
        for (const a of adj.stages ?? []) if (a.funnelId === f.id && a.stageKey === st.key) factor *= a.conversion;
        return Math.min(1, draw(st.conversion, rand, factor));
      }),
    );
  }
  const phaseRange = new Map(plan.phases.map((p) => [p.id, [monthIdx(plan.plan.startMonth, p.start), monthIdx(plan.plan.startMonth, p.end)]]));

  const runDeal = (fid: string, rates: number[], stage: number, t: number, value: Range, named: boolean) => {
    const f = plan.funnels.find((x) => x.id === fid)!;
    const k = f.stages.length;
    const t0 = t;
    for (let i = stage; i < k; i++) {
      if (t < HL) {
        if (i === 0) s.leads[month(t)]! += 1;
        if (i === 1) s.opportunities[month(t)]! += 1;
        if (i === k - 1) last[month(t)]! += 1;
      }
      if (rand() >= rates[i]!) return;
      t += draw(f.stages[i]!.days, rand, adj.days ?? 1);
    }
    if (t >= HL) return;
    const v = draw(value, rand, adj.dealSize ?? 1);
    const m = month(t);
    s.wins[m]! += 1;
    s.bookings[m]! += v;
    if (named) s.newKeyCustomers[m]! += 1;
    cycle[m]! += t - t0;
    const rt = t + draw(f.deliveryDays, rand);
    if (rt < HL) s.revenue[month(rt)]! += v;
    let days = 0;
    for (const p of f.payments) {
      const d = draw(p.days, rand);
      days += p.share * d;
      if (t + d < HL) s.cash[month(t + d)]! += p.share * v;
    }
    cashNum[m]! += v * days;
    cashDen[m]! += v;
  };

  for (const seg of plan.segments) {
    const f = plan.funnels.find((x) => x.id === seg.funnelId)!;
    const lam = seg.leads.map((e) => draw(e.perMonth, rand, adj.leads ?? 1));
    for (let m = 0; m < H; m++) {
      let e = seg.leads.findIndex((x) => x.phaseId !== undefined && m >= phaseRange.get(x.phaseId)![0]! && m <= phaseRange.get(x.phaseId)![1]!);
      if (e < 0) e = seg.leads.findIndex((x) => x.phaseId === undefined);
      if (e < 0) continue;
      const n = poisson(lam[e]!, rand);
      for (let j = 0; j < n; j++) runDeal(f.id, conv.get(f.id)!, 0, (m + rand()) * L, f.dealSize, false);
    }
  }
  for (const c of plan.customers) {
    if (c.breakthroughPhaseId === undefined) continue;
    const seg = plan.segments.find((x) => x.id === c.segmentId)!;
    const f = plan.funnels.find((x) => x.id === seg.funnelId)!;
    const r = referenceReadiness(c);
    const rates = conv.get(f.id)!.map((p) => Math.min(1, p * r));
    const start = phaseRange.get(c.breakthroughPhaseId)![0]!;
    runDeal(f.id, rates, Math.min(c.entryStage ?? 1, f.stages.length - 1), start * L, c.firstDeal ?? f.dealSize, true);
  }

  const windows = [[0, H - 1], ...plan.phases.map((p) => phaseRange.get(p.id)!)] as [number, number][];
  const sum = (a: number[], [lo, hi]: [number, number]) => a.slice(Math.max(0, lo), Math.min(H - 1, hi) + 1).reduce((x, y) => x + y, 0);
  const totals = windows.map((w) => Object.fromEntries(SERIES.map((k) => [k, sum(s[k], w)])) as Record<Series, number>);
  const kpis = windows.map((w) => {
    const wins = sum(s.wins, w);
    const lastN = sum(last, w);
    const leads = sum(s.leads, w);
    const den = sum(cashDen, w);
    return {
      winRate: lastN > 0 ? wins / lastN : NaN,
      conversion: leads > 0 ? wins / leads : NaN,
      salesCycleDays: wins > 0 ? sum(cycle, w) / wins : NaN,
      cashCycleDays: den > 0 ? sum(cashNum, w) / den : NaN,
    };
  });
  const attained = plan.targets.map((t) => {
    const w = 1 + plan.phases.findIndex((p) => p.id === t.phaseId);
    const v = (SERIES as readonly string[]).includes(t.metric) ? totals[w]![t.metric as Series] : kpis[w]![t.metric as (typeof KPIS)[number]];
    if (Number.isNaN(v)) return false;
    return t.metric === 'salesCycleDays' || t.metric === 'cashCycleDays' ? v <= t.value : v >= t.value;
  });
  return { series: s, totals, kpis, attained };
}

export function referenceRun(plan: Plan, trials: number, seed: number, scenarioId: string | null = null): TrialOutcome[] {
  const rand = makeRng(seed);
  return Array.from({ length: trials }, () => referenceTrial(plan, rand, scenarioId));
}
