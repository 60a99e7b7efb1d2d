// An independent, deliberately simple implementation of
// shared/docs/simulation-model.md: every lead and every deal is sampled one
// by one, with its own random generator, sharing no code with the engine.
// The readiness function is re-implemented from its documentation
// (docs/simulation-engine.md). Slow, obvious, and the yardstick the engine's
// tests measure against.

import type { Plan, Range } from '../../../shared/plan/types';

const L = 365.25 / 12;
export const SERIES = ['leads', 'opportunities', 'wins', 'bookings', 'revenue', 'cash', 'newKeyCustomers'] as const;
export const KPIS = ['winRate', 'conversion', 'salesCycleDays', 'deliveryCycleDays', 'cashCycleDays'] as const;
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

/** Knuth's product method; a large mean is split into parts of at most 100 (a sum of Poissons is Poisson). */
function poisson(lambda: number, rand: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 100) {
    const parts = Math.ceil(lambda / 100);
    let n = 0;
    for (let i = 0; i < parts; i++) n += poisson(lambda / parts, rand);
    return n;
  }
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

type Kpis = Record<(typeof KPIS)[number], number>;

export interface TrialOutcome {
  series: Record<Series, number[]>;
  /** Per window (0 = horizon, 1 + p = phase p), all funnels pooled: totals and KPIs (NaN when undefined). */
  totals: Record<Series, number>[];
  kpis: Kpis[];
  /** The same per scope: all, each funnel, each segment (plan order); [scope][window]. */
  scopes: { totals: Record<Series, number>[]; kpis: Kpis[] }[];
  /** Attainment per plan target, in plan order. */
  attained: boolean[];
  /** Per pursued customer (plan order): won by the end of its phase, with planned levels / with today's. */
  pursuits: { won: boolean; wonToday: boolean }[];
  /** Per firstContract goal (plan order): won by the end of its due month; null when not pursued. */
  goals: { won: boolean; wonToday: boolean }[] | null[];
}

/** What one segment's deals add up to, month by month. */
interface SegmentSums {
  series: Record<Series, number[]>;
  lost: number[];
  sales: number[];
  delivery: number[];
  cashNum: number[];
  cashDen: number[];
}

export function referenceTrial(plan: Plan, rand: () => number, scenarioId: string | null = null): TrialOutcome {
  const H = plan.plan.horizonMonths;
  const HL = H * L;
  const adj = scenarioId ? plan.scenarios.find((s) => s.id === scenarioId)!.adjust : {};
  const zero = () => new Array<number>(H).fill(0);
  const bySegment = new Map<string, SegmentSums>(
    plan.segments.map((seg) => [
      seg.id,
      {
        series: { leads: zero(), opportunities: zero(), wins: zero(), bookings: zero(), revenue: zero(), cash: zero(), newKeyCustomers: zero() },
        lost: zero(), sales: zero(), delivery: zero(), cashNum: zero(), cashDen: zero(),
      },
    ]),
  );
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

  /** Follows one deal; returns its signing time (Infinity if lost or beyond the horizon). `into` null: counted nowhere. */
  const runDeal = (fid: string, rates: number[], stage: number, t: number, value: Range, named: boolean, into: SegmentSums | null): number => {
    const f = plan.funnels.find((x) => x.id === fid)!;
    const k = f.stages.length;
    const t0 = t;
    const s = into?.series;
    for (let i = stage; i < k; i++) {
      if (t < HL && s) {
        if (i === 0) s.leads[month(t)]! += 1;
        if (i === 1) s.opportunities[month(t)]! += 1;
      }
      const advances = rand() < rates[i]!;
      if (!advances && i === 0) return Infinity;
      t += draw(f.stages[i]!.days, rand, adj.days ?? 1);
      if (!advances) {
        // A lost opportunity, counted when it leaves the stage.
        if (t < HL && into) into.lost[month(t)]! += 1;
        return Infinity;
      }
    }
    if (t >= HL) return Infinity;
    if (!into || !s) return t;
    const v = draw(value, rand, adj.dealSize ?? 1);
    const m = month(t);
    s.wins[m]! += 1;
    s.bookings[m]! += v;
    if (named) s.newKeyCustomers[m]! += 1;
    into.sales[m]! += t - t0;
    const delivery = draw(f.deliveryDays, rand);
    into.delivery[m]! += delivery;
    if (t + delivery < HL) s.revenue[month(t + delivery)]! += v;
    let days = 0;
    for (const p of f.payments) {
      const d = draw(p.days, rand);
      days += p.share * d;
      if (t + d < HL) s.cash[month(t + d)]! += p.share * v;
    }
    into.cashNum[m]! += v * days;
    into.cashDen[m]! += v;
    return t;
  };

  for (const seg of plan.segments) {
    const f = plan.funnels.find((x) => x.id === seg.funnelId)!;
    const lam = seg.leads.map((e) => draw(e.perMonth, rand, adj.leads ?? 1));
    for (let m = 0; m < H; m++) {
      let e = seg.leads.findIndex((x) => x.phaseId !== undefined && m >= phaseRange.get(x.phaseId)![0]! && m <= phaseRange.get(x.phaseId)![1]!);
      if (e < 0) e = seg.leads.findIndex((x) => x.phaseId === undefined);
      if (e < 0) continue;
      const n = poisson(lam[e]!, rand);
      for (let j = 0; j < n; j++) runDeal(f.id, conv.get(f.id)!, 0, (m + rand()) * L, f.dealSize, false, bySegment.get(seg.id)!);
    }
  }
  const won = new Map<string, { t: number; today: number }>();
  const pursuits: TrialOutcome['pursuits'] = [];
  for (const c of plan.customers) {
    if (c.breakthroughPhaseId === undefined) continue;
    const [start, end] = phaseRange.get(c.breakthroughPhaseId)! as [number, number];
    if (start >= H) continue;
    const seg = plan.segments.find((x) => x.id === c.segmentId)!;
    const f = plan.funnels.find((x) => x.id === seg.funnelId)!;
    const planned = c.relationshipPlan?.[c.breakthroughPhaseId];
    const rates = (r: number) => conv.get(f.id)!.map((p) => Math.min(1, p * r));
    const entry = Math.min(c.entryStage ?? 1, f.stages.length - 1);
    const t = runDeal(f.id, rates(referenceReadiness(planned ? { ...c, relationship: planned } : c)), entry, start * L, c.firstDeal ?? f.dealSize, true, bySegment.get(seg.id)!);
    // Today's levels: a second, independent pursuit that counts nowhere.
    const today = planned ? runDeal(f.id, rates(referenceReadiness(c)), entry, start * L, c.firstDeal ?? f.dealSize, true, null) : t;
    won.set(c.id, { t, today });
    const deadline = (Math.min(end, H - 1) + 1) * L;
    pursuits.push({ won: t < deadline, wonToday: today < deadline });
  }
  const goals = plan.goals
    .filter((g) => g.metric === 'firstContract')
    .map((g) => {
      const w = g.customerId === null ? undefined : won.get(g.customerId);
      if (!w) return null;
      const due = g.due ? monthIdx(plan.plan.startMonth, g.due) : phaseRange.get(g.phaseId)![1]!;
      const deadline = Math.min(H, Math.max(0, due + 1)) * L;
      return { won: w.t < deadline, wonToday: w.today < deadline };
    }) as TrialOutcome['goals'];

  const windows = [[0, H - 1], ...plan.phases.map((p) => phaseRange.get(p.id)!)] as [number, number][];
  const sum = (a: number[], [lo, hi]: [number, number]) => a.slice(Math.max(0, lo), Math.min(H - 1, hi) + 1).reduce((x, y) => x + y, 0);
  const scopeOf = (segs: SegmentSums[]) => {
    const add = (pick: (x: SegmentSums) => number[]) => {
      const out = zero();
      for (const x of segs) pick(x).forEach((v, m) => (out[m]! += v));
      return out;
    };
    const series = Object.fromEntries(SERIES.map((k) => [k, add((x) => x.series[k])])) as Record<Series, number[]>;
    const lost = add((x) => x.lost);
    const sales = add((x) => x.sales);
    const delivery = add((x) => x.delivery);
    const cashNum = add((x) => x.cashNum);
    const cashDen = add((x) => x.cashDen);
    return {
      series,
      totals: windows.map((w) => Object.fromEntries(SERIES.map((k) => [k, sum(series[k], w)])) as Record<Series, number>),
      kpis: windows.map((w): Kpis => {
        const wins = sum(series.wins, w);
        const decided = wins + sum(lost, w);
        const leads = sum(series.leads, w);
        const den = sum(cashDen, w);
        return {
          winRate: decided > 0 ? wins / decided : NaN,
          conversion: leads > 0 ? wins / leads : NaN,
          salesCycleDays: wins > 0 ? sum(sales, w) / wins : NaN,
          deliveryCycleDays: wins > 0 ? sum(delivery, w) / wins : NaN,
          cashCycleDays: den > 0 ? sum(cashNum, w) / den : NaN,
        };
      }),
    };
  };
  const segs = (ids: string[]) => ids.map((id) => bySegment.get(id)!);
  const all = scopeOf(segs(plan.segments.map((x) => x.id)));
  const scopes = [
    all,
    ...plan.funnels.map((f) => scopeOf(segs(plan.segments.filter((x) => x.funnelId === f.id).map((x) => x.id)))),
    ...plan.segments.map((x) => scopeOf(segs([x.id]))),
  ];
  const attained = plan.targets.map((t) => {
    const w = 1 + plan.phases.findIndex((p) => p.id === t.phaseId);
    const z = t.funnelId !== undefined
      ? 1 + plan.funnels.findIndex((f) => f.id === t.funnelId)
      : t.segmentId !== undefined
        ? 1 + plan.funnels.length + plan.segments.findIndex((x) => x.id === t.segmentId)
        : 0;
    const sc = scopes[z]!;
    const v = (SERIES as readonly string[]).includes(t.metric) ? sc.totals[w]![t.metric as Series] : sc.kpis[w]![t.metric as (typeof KPIS)[number]];
    if (Number.isNaN(v)) return false;
    return ['salesCycleDays', 'deliveryCycleDays', 'cashCycleDays'].includes(t.metric) ? v <= t.value : v >= t.value;
  });
  return {
    series: all.series,
    totals: all.totals,
    kpis: all.kpis,
    scopes: scopes.map(({ totals, kpis }) => ({ totals, kpis })),
    attained,
    pursuits,
    goals,
  };
}

export function referenceRun(plan: Plan, trials: number, seed: number, scenarioId: string | null = null): TrialOutcome[] {
  const rand = makeRng(seed);
  return Array.from({ length: trials }, () => referenceTrial(plan, rand, scenarioId));
}
