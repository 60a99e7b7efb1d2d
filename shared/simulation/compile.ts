// Turns a Plan (+ scenario, + what-if factors) into the flat numeric model
// the samplers and expected-value mode run on: scaled Range samplers, the
// month each lead entry covers, month-offset distributions of every event
// relative to a lead cohort's month, and each segment's sampling mode.
// Compilation is deterministic and cheap (~1 ms), so callers recompile per
// run instead of caching.

import type { Plan, TargetMetric } from '../plan/types';
import { horizonMonthList, monthIndex } from '../plan/months';
import { RangeDist } from './distributions';
import type { GridDist, MonthOffsets } from './discretize';
import {
  POINT_ZERO,
  cohortMonthOffsets,
  convolve,
  discretize,
  exactCohortOffsets,
  monthOffsetsPlus,
  randomWidth,
} from './discretize';
import { readiness } from './readiness';

/** Days per month, as simulation-model.md defines it. */
export const L = 365.25 / 12;
/** Expected per-deal events per trial and segment above which cohorts are sampled instead. */
export const DEFAULT_TRACKED_EVENT_BUDGET = 6000;
/** Finest grid step (days) of the delay distributions; coarser only for very long delays. */
const MIN_GRID_STEP = 0.25;
const MAX_GRID_POINTS = 2000;

/** One what-if change, on top of the scenario (sensitivity analysis). */
export type Perturbation =
  | { kind: 'conversion'; funnel: number; stage: number; factor: number }
  | { kind: 'days'; funnel: number; stage: number; factor: number }
  | { kind: 'leads'; segment: number; factor: number }
  | { kind: 'dealSize'; funnel: number; factor: number };

export interface CompileOptions {
  scenarioId?: string | null;
  /** Multiplies every lead volume (reverse funnel). */
  leadMultiplier?: number;
  perturbation?: Perturbation | null;
  /** Simulate only the first n months (a target's window ends there). */
  horizonMonths?: number;
  trackedEventBudget?: number;
  /** Pin each segment's sampling mode (common random numbers across what-ifs). */
  trackFrom?: readonly number[];
  /**
   * false: leave the named customers out (`named` empty, every goal's `named`
   * −1). Expected-value mode groups them itself (expected-named.ts): on
   * 50,000 customers one object each is most of a live what-if's time.
   */
  named?: boolean;
}

export interface CompiledFunnel {
  id: string;
  /** Number of stages; "stage k" stands for the win. */
  k: number;
  conv: RangeDist[];
  days: RangeDist[];
  value: RangeDist;
  delivery: RangeDist;
  payShare: number[];
  payDays: RangeDist[];
  /** E[min(1, p_i)] per stage. */
  meanConv: number[];
  /** Σ_j share_j·E[days_j]: expected value-weighted days from signing to cash. */
  cashCycleMean: number;
  /** Var(Σ_j share_j·days_j) of one deal (payments drawn independently). */
  cashCycleVar: number;
  /** Grid step (days) and the grids of the stage days, for expected-value mode. */
  h: number;
  dayGrids: GridDist[];
  /** Month offsets from a lead's cohort month to entering stage i (i = 0…k; k = win). */
  entry: MonthOffsets[];
  /** The same for stage 1, exact (closed form, no grid): drives the exact sampler. */
  stage1Exact: Float64Array;
  /** Grid distribution of Σ stage days (signing time − funnel entry). */
  stageSum: GridDist;
  revenue: Float64Array;
  payments: Float64Array[];
}

export interface CompiledSegment {
  id: string;
  funnel: number;
  /** Leads/month per lead-plan entry, scaled. */
  entries: RangeDist[];
  /** Lead entry applying in each month, −1 for none (no leads). */
  monthEntry: Int32Array;
  /**
   * First stage whose entrants are sampled deal by deal (0 = everything
   * exact); earlier stages' series come from the Poisson cohort sampler.
   * k + 1 = wins and money from cohorts too.
   */
  trackFrom: number;
  /** Aggregated-mode kernels of entering stage 1 (Kernel). */
  kOpp: Kernel | null;
  /**
   * Losses from cohorts: kLoss[i − 1] are the kernels of leaving stage i
   * (i = 1 … min(trackFrom, k) − 1), i.e. of entering stage i + 1.
   */
  kLoss: Kernel[];
  /** Money channels' kernels: [wins, revenue events, payment 1 receipts, …]. */
  kMoney: Kernel[] | null;
  /** E[S·1] and E[S²·1] kernels of the sales cycle S of wins landing in each month. */
  kCycle: Kernel | null;
  kCycle2: Kernel | null;
}

/**
 * Cohort kernels, entry-major in one flat array: K[e·H + w] = Σ over the
 * months m of lead entry e of offset(w − m), so that a month's mean is
 * Σ_e λ_e·K[e·H + w] (cohort.ts sums them one entry at a time, over all
 * months in a row). Entry e's row is 0 outside months lo[e] … hi[e] − 1 (a
 * phase's entry reaches only the months after it and a few beyond): adding
 * those zeros would change no sum, so they are skipped.
 */
export interface Kernel {
  readonly K: Float64Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

export interface CompiledNamed {
  id: string;
  segment: number;
  funnel: number;
  entryStage: number;
  startMonth: number;
  /** Readiness with the planned levels of the pursuit's phase (relationshipPlan), else today's. */
  readiness: number;
  /** Readiness with today's levels. */
  readinessToday: number;
  /** Whether a relationshipPlan entry for the pursuit's phase replaced today's levels. */
  usesPlan: boolean;
  phaseId: string;
  /** Won by the end of its phase (clipped to the horizon): signing time < deadline (days). */
  deadline: number;
  value: RangeDist;
}

/** A firstContract goal: the pursuit of its customer won before `deadline` (days). */
export interface CompiledGoal {
  id: string;
  customerId: string | null;
  /** Index into CompiledModel.named, −1 when its customer is not pursued within the horizon. */
  named: number;
  /** Month index of the deadline month (due, or the goal's phase end), may lie past the horizon. */
  month: number;
  deadline: number;
}

/** Scope 0 = every funnel pooled, 1 + f = funnel f, 1 + F + s = segment s. */
export interface CompiledScope {
  kind: 'all' | 'funnel' | 'segment';
  id: string | null;
  /** Segments whose deals count in this scope. */
  segments: number[];
  /** Deals of more than one funnel count here (a pooled ratio: the app says so). */
  pooled: boolean;
  /** The first scope with the same segments (itself if none earlier): its statistics are these. */
  sameAs: number;
}

export interface CompiledPhase {
  id: string;
  /** Inclusive month window, clipped to the horizon; empty when start > end. */
  start: number;
  end: number;
}

export interface CompiledTarget {
  id: string;
  phase: number;
  metric: TargetMetric;
  value: number;
  /** Index into CompiledModel.scopes. */
  scope: number;
  funnelId: string | null;
  segmentId: string | null;
}

export interface CompiledModel {
  H: number;
  HL: number;
  months: string[];
  phases: CompiledPhase[];
  targets: CompiledTarget[];
  funnels: CompiledFunnel[];
  segments: CompiledSegment[];
  named: CompiledNamed[];
  goals: CompiledGoal[];
  scopes: CompiledScope[];
  scenarioId: string | null;
}

function factorOf(p: Perturbation | null | undefined, kind: Perturbation['kind'], a: number, b = -1): number {
  if (!p || p.kind !== kind) return 1;
  if (p.kind === 'leads') return p.segment === a ? p.factor : 1;
  if (p.kind === 'dealSize') return p.funnel === a ? p.factor : 1;
  return p.funnel === a && p.stage === b ? p.factor : 1;
}

function compileFunnel(plan: Plan, fi: number, opts: CompileOptions): CompiledFunnel {
  const f = plan.funnels[fi]!;
  const scenario = opts.scenarioId ? plan.scenarios.find((s) => s.id === opts.scenarioId) : undefined;
  const adj = scenario?.adjust ?? {};
  const pert = opts.perturbation;
  const k = f.stages.length;
  const conv = f.stages.map((st, i) => {
    let factor = (adj.conversion ?? 1) * factorOf(pert, 'conversion', fi, i);
    for (const sa of adj.stages ?? []) {
      if (sa.funnelId === f.id && sa.stageKey === st.key) factor *= sa.conversion;
    }
    return new RangeDist(st.conversion, factor);
  });
  const days = f.stages.map((st, i) => new RangeDist(st.days, (adj.days ?? 1) * factorOf(pert, 'days', fi, i)));
  const value = new RangeDist(f.dealSize, (adj.dealSize ?? 1) * factorOf(pert, 'dealSize', fi));
  const delivery = new RangeDist(f.deliveryDays);
  const payShare = f.payments.map((p) => p.share);
  const payDays = f.payments.map((p) => new RangeDist(p.days));

  const tail = Math.max(randomWidth(delivery), ...payDays.map(randomWidth), 0);
  const width = days.reduce((s, d) => s + randomWidth(d), 0) + tail;
  const h = Math.max(MIN_GRID_STEP, width / MAX_GRID_POINTS);
  const dayGrids = days.map((d) => discretize(d, h));

  const entry: MonthOffsets[] = [cohortMonthOffsets(POINT_ZERO, h, L)];
  let sum: GridDist = POINT_ZERO;
  for (let i = 0; i < k; i++) {
    sum = convolve(sum, dayGrids[i]!);
    entry.push(cohortMonthOffsets(sum, h, L));
  }
  // Stage 1 follows a single delay: use its exact offsets (the grid is only
  // needed for sums of delays).
  const stage1Exact = exactCohortOffsets(days[0]!, L);
  entry[1] = { ...entry[1]!, p: stage1Exact };
  return {
    id: f.id,
    k,
    conv,
    days,
    value,
    delivery,
    payShare,
    payDays,
    meanConv: conv.map((c) => c.cappedMean()),
    cashCycleMean: payDays.reduce((s, d, j) => s + payShare[j]! * d.mean, 0),
    cashCycleVar: payDays.reduce((s, d, j) => s + payShare[j]! ** 2 * d.variance, 0),
    h,
    dayGrids,
    entry,
    stage1Exact,
    stageSum: sum,
    revenue: monthOffsetsPlus(sum, delivery, h, L, true),
    payments: payDays.map((y) => monthOffsetsPlus(sum, y, h, L, true)),
  };
}

/** K[e·H + w] = Σ over months m of entry e of offsets[w − m], w < H, and where each entry's row is not 0 (see Kernel). */
function kernels(offsets: Float64Array, monthEntry: Int32Array, entryCount: number, H: number): Kernel {
  const K = new Float64Array(entryCount * H);
  for (let m = 0; m < H; m++) {
    const e = monthEntry[m]!;
    if (e < 0) continue;
    const top = Math.min(offsets.length, H - m);
    for (let o = 0; o < top; o++) K[e * H + m + o]! += offsets[o]!;
  }
  const lo = new Int32Array(entryCount);
  const hi = new Int32Array(entryCount);
  for (let e = 0; e < entryCount; e++) {
    let a = 0;
    let b = H;
    while (a < b && K[e * H + a] === 0) a++;
    while (b > a && K[e * H + b - 1] === 0) b--;
    lo[e] = a;
    hi[e] = b;
  }
  return { K, lo, hi };
}

/** Smallest stage from which per-deal tracking fits the event budget. */
function chooseTrackFrom(f: CompiledFunnel, leadsPerTrial: number, budget: number): number {
  const k = f.k;
  const reach = [1];
  for (let i = 0; i < k; i++) reach.push(reach[i]! * f.meanConv[i]!);
  const winCost = reach[k]! * (2 + f.payShare.length);
  for (let j = 0; j <= k; j++) {
    let perLead = winCost + (j === 0 ? 0 : reach[j]! * (j + 1));
    for (let i = Math.max(1, j + 1); i <= k; i++) perLead += reach[i]!;
    if (leadsPerTrial * perLead <= budget) return j;
  }
  return k + 1;
}

export function compile(plan: Plan, opts: CompileOptions = {}): CompiledModel {
  const H = Math.min(plan.plan.horizonMonths, opts.horizonMonths ?? Infinity);
  const start = plan.plan.startMonth;
  const scenario = opts.scenarioId ? plan.scenarios.find((s) => s.id === opts.scenarioId) : undefined;
  const adj = scenario?.adjust ?? {};
  const phaseIndex = new Map(plan.phases.map((p, i) => [p.id, i]));
  const phases: CompiledPhase[] = plan.phases.map((p) => ({
    id: p.id,
    start: Math.max(0, monthIndex(start, p.start)),
    end: Math.min(H - 1, monthIndex(start, p.end)),
  }));
  const funnels = plan.funnels.map((_, fi) => compileFunnel(plan, fi, opts));
  const funnelIndex = new Map(plan.funnels.map((f, i) => [f.id, i]));
  const budget = opts.trackedEventBudget ?? DEFAULT_TRACKED_EVENT_BUDGET;

  const segments = plan.segments.map((seg, si): CompiledSegment => {
    const fi = funnelIndex.get(seg.funnelId)!;
    const f = funnels[fi]!;
    const scale = (adj.leads ?? 1) * (opts.leadMultiplier ?? 1) * factorOf(opts.perturbation, 'leads', si);
    const entries = seg.leads.map((e) => new RangeDist(e.perMonth, scale));
    const monthEntry = new Int32Array(H).fill(seg.leads.findIndex((e) => e.phaseId === undefined));
    seg.leads.forEach((e, ei) => {
      if (e.phaseId === undefined) return;
      const ph = phases[phaseIndex.get(e.phaseId)!]!;
      for (let m = ph.start; m <= ph.end; m++) monthEntry[m] = ei;
    });
    let leadsPerTrial = 0;
    for (let m = 0; m < H; m++) leadsPerTrial += monthEntry[m]! >= 0 ? entries[monthEntry[m]!]!.mean : 0;
    const pinned = opts.trackFrom?.[si];
    const trackFrom = pinned !== undefined ? Math.min(pinned, f.k + 1) : chooseTrackFrom(f, leadsPerTrial, budget);
    const k = f.k;
    const n = entries.length;
    const K = (o: Float64Array) => kernels(o, monthEntry, n, H);
    const allCohort = trackFrom === k + 1;
    const kLoss: Kernel[] = [];
    for (let i = 1; i < Math.min(trackFrom, k); i++) kLoss.push(K(f.entry[i + 1]!.p));
    return {
      id: seg.id,
      funnel: fi,
      entries,
      monthEntry,
      trackFrom,
      kOpp: k >= 2 && trackFrom > 1 ? K(f.entry[1]!.p) : null,
      kLoss,
      kMoney: allCohort ? [f.entry[k]!.p, f.revenue, ...f.payments].map(K) : null,
      kCycle: allCohort ? K(f.entry[k]!.delayMass) : null,
      kCycle2: allCohort ? K(f.entry[k]!.delayMass2) : null,
    };
  });

  const segmentIndex = new Map(plan.segments.map((s, i) => [s.id, i]));
  const named: CompiledNamed[] = [];
  for (const c of opts.named === false ? [] : plan.customers) {
    if (c.breakthroughPhaseId === undefined) continue;
    const si = segmentIndex.get(c.segmentId)!;
    const fi = segments[si]!.funnel;
    const f = funnels[fi]!;
    const phase = phases[phaseIndex.get(c.breakthroughPhaseId)!]!;
    const startMonth = phase.start;
    if (startMonth >= H) continue;
    const planned = c.relationshipPlan?.[c.breakthroughPhaseId];
    named.push({
      id: c.id,
      segment: si,
      funnel: fi,
      entryStage: Math.min(c.entryStage ?? 1, f.k - 1),
      startMonth,
      readiness: readiness(planned ? { ...c, relationship: planned } : c),
      readinessToday: readiness(c),
      usesPlan: planned !== undefined,
      phaseId: phase.id,
      deadline: (Math.max(phase.end, startMonth - 1) + 1) * L,
      value:
        c.firstDeal !== undefined
          ? new RangeDist(c.firstDeal, adj.dealSize ?? 1) // a customer's own figure: no funnel what-if
          : f.value,
    });
  }

  const F = funnels.length;
  const funnelsOf = (segs: number[]) => new Set(segs.map((si) => segments[si]!.funnel)).size;
  const allSegments = segments.map((_, si) => si);
  const scopes: Omit<CompiledScope, 'sameAs'>[] = [
    { kind: 'all', id: null, segments: allSegments, pooled: funnelsOf(allSegments) > 1 },
    ...plan.funnels.map((f, fi) => ({
      kind: 'funnel' as const,
      id: f.id,
      segments: allSegments.filter((si) => segments[si]!.funnel === fi),
      pooled: false,
    })),
    ...plan.segments.map((s, si) => ({ kind: 'segment' as const, id: s.id, segments: [si], pooled: false })),
  ];
  // A funnel with one segment (or a plan with one funnel) has identical scopes: summarise each once.
  const key = (sc: Omit<CompiledScope, 'sameAs'>) => sc.segments.join(',');
  const scoped: CompiledScope[] = scopes.map((sc, z) => ({ ...sc, sameAs: scopes.findIndex((o, y) => y <= z && key(o) === key(sc)) }));
  const namedIndex = new Map(named.map((c, i) => [c.id, i]));
  const goals: CompiledGoal[] = plan.goals
    .filter((g) => g.metric === 'firstContract')
    .map((g) => {
      const month = g.due ? monthIndex(start, g.due) : monthIndex(start, plan.phases[phaseIndex.get(g.phaseId)!]!.end);
      return {
        id: g.id,
        customerId: g.customerId,
        named: g.customerId === null ? -1 : (namedIndex.get(g.customerId) ?? -1),
        month,
        deadline: Math.min(H, Math.max(0, month + 1)) * L,
      };
    });

  return {
    H,
    HL: H * L,
    months: horizonMonthList(start, H),
    phases,
    targets: plan.targets.map((t) => ({
      id: t.id,
      phase: phaseIndex.get(t.phaseId)!,
      metric: t.metric,
      value: t.value,
      scope:
        t.funnelId !== undefined
          ? 1 + funnelIndex.get(t.funnelId)!
          : t.segmentId !== undefined
            ? 1 + F + segmentIndex.get(t.segmentId)!
            : 0,
      funnelId: t.funnelId ?? null,
      segmentId: t.segmentId ?? null,
    })),
    funnels,
    segments,
    named,
    goals,
    scopes: scoped,
    scenarioId: opts.scenarioId ?? null,
  };
}
