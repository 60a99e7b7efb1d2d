// The data of the workbook's live funnel model: the engine's expected-value
// mode (simulation-model.md) laid out so a spreadsheet can recompute it.
// For each segment, a month's expected events are
//   opportunities[w] = reachOpp · Σ_m leads[m] · timingOpp[w − m]
//   wins[w]          = reachWin · Σ_m leads[m] · timingWin[w − m]
//   bookings[w]      = wins[w] · dealSize
//   cash[w]          = reachWin · dealSize · Σ_m leads[m] · timingCash[w − m]
// with reach = the product of the stages' mean conversions. The inputs
// (leads per month per lead-plan entry, mean conversion per stage, mean deal
// size) become editable cells; the timing rows (from the stage-day
// distributions) are constants. Breakthrough customers' own deals depend on
// their readiness and first deal, so they are one constant row per metric.
import type { Plan } from '../plan/types';
import { compile } from '../simulation/compile';
import { expectedValue } from '../simulation';

export const MODEL_METRICS = ['leads', 'opportunities', 'wins', 'bookings', 'cash'] as const;
export type ModelMetric = (typeof MODEL_METRICS)[number];
export type ModelSeries = Record<ModelMetric, number[]>;

export interface ModelFunnel {
  name: string;
  stages: { name: string; conversion: number }[];
  dealSize: number;
}

export interface ModelSegment {
  name: string;
  funnel: number;
  /** Lead-plan entries: mean leads per month, and the phase (null = the default). */
  entries: { phase: string | null; leads: number }[];
  /** Entry applying in each month, −1 for none. */
  monthEntry: number[];
  /** null when the funnel has a single stage (no opportunity event). */
  timingOpp: number[] | null;
  timingWin: number[];
  timingCash: number[];
}

export interface FunnelModel {
  months: string[];
  phases: { name: string; start: number; end: number }[];
  funnels: ModelFunnel[];
  segments: ModelSegment[];
  /** Breakthrough customers' own deals (constants). */
  named: ModelSeries;
  /** The engine's expected values, for checking the sheet. */
  expected: ModelSeries;
}

function pad(a: ArrayLike<number>, H: number): number[] {
  return Array.from({ length: H }, (_, i) => a[i] ?? 0);
}

function convolve(leads: number[], timing: number[], scale: number): number[] {
  const H = leads.length;
  const out = new Array<number>(H).fill(0);
  for (let w = 0; w < H; w++) {
    let s = 0;
    for (let m = 0; m <= w; m++) s += leads[m]! * timing[w - m]!;
    out[w] = s * scale;
  }
  return out;
}

export function reachOf(f: ModelFunnel, stages: number): number {
  return f.stages.slice(0, stages).reduce((p, s) => p * s.conversion, 1);
}

export function segmentLeads(seg: ModelSegment): number[] {
  return seg.monthEntry.map((e) => (e >= 0 ? seg.entries[e]!.leads : 0));
}

/** A segment's series, computed exactly as the sheet's formulas compute them. */
export function segmentSeries(model: FunnelModel, seg: ModelSegment): ModelSeries {
  const f = model.funnels[seg.funnel]!;
  const leads = segmentLeads(seg);
  const k = f.stages.length;
  const wins = convolve(leads, seg.timingWin, reachOf(f, k));
  return {
    leads,
    opportunities: seg.timingOpp ? convolve(leads, seg.timingOpp, reachOf(f, 1)) : leads.map(() => 0),
    wins,
    bookings: wins.map((w) => w * f.dealSize),
    cash: convolve(leads, seg.timingCash, reachOf(f, k) * f.dealSize),
  };
}

export function buildFunnelModel(plan: Plan, scenarioId: string | null): FunnelModel {
  const ev = expectedValue(plan, { scenarioId });
  const c = compile(plan, { scenarioId });
  const H = c.H;
  const phaseName = new Map(plan.phases.map((p) => [p.id, p.name]));
  const funnels: ModelFunnel[] = c.funnels.map((f, fi) => ({
    name: plan.funnels[fi]!.name,
    stages: plan.funnels[fi]!.stages.map((s, i) => ({ name: s.name, conversion: f.meanConv[i]! })),
    dealSize: f.value.mean,
  }));
  const segments: ModelSegment[] = c.segments.map((s, si) => {
    const f = c.funnels[s.funnel]!;
    const cash = new Array<number>(H).fill(0);
    f.payments.forEach((p, j) => {
      for (let o = 0; o < H; o++) cash[o]! += f.payShare[j]! * (p[o] ?? 0);
    });
    return {
      name: plan.segments[si]!.name,
      funnel: s.funnel,
      entries: plan.segments[si]!.leads.map((e, ei) => ({ phase: e.phaseId === undefined ? null : (phaseName.get(e.phaseId) ?? e.phaseId), leads: s.entries[ei]!.mean })),
      monthEntry: Array.from(s.monthEntry),
      timingOpp: f.k >= 2 ? pad(f.entry[1]!.p, H) : null,
      timingWin: pad(f.entry[f.k]!.p, H),
      timingCash: cash,
    };
  });
  const expected = Object.fromEntries(MODEL_METRICS.map((m) => [m, ev.series[m].mean])) as ModelSeries;
  const model: FunnelModel = {
    months: c.months,
    phases: c.phases.map((p, i) => ({ name: plan.phases[i]!.name, start: p.start, end: p.end })),
    funnels,
    segments,
    named: Object.fromEntries(MODEL_METRICS.map((m) => [m, new Array<number>(H).fill(0)])) as ModelSeries,
    expected,
  };
  // What the segments do not explain is the breakthrough customers' own deals.
  const bySegments = segments.map((s) => segmentSeries(model, s));
  for (const m of MODEL_METRICS)
    for (let w = 0; w < H; w++) {
      const rest = expected[m][w]! - bySegments.reduce((sum, s) => sum + s[m][w]!, 0);
      model.named[m][w] = Math.abs(rest) < 1e-9 * Math.max(1, Math.abs(expected[m][w]!)) ? 0 : rest;
    }
  return model;
}
