// Pure edits of funnels and segments: each takes the stored entity and gives
// the full next value for PlanStore.update (the store checks it again).
import { rangeMean } from '../../../shared/plan/range';
import type { Funnel, LeadEntry, Phase, Process, Range, Segment, Stage } from '../../../shared/plan/types';

export const MAX_STAGES = 12;
export const MIN_STAGES = 1;
const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** `base`, or `base-2`, `base-3`… — the first not in `taken`, within the 64-character id limit. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 64) || 'item';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = clean.slice(0, 64 - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The id of a copy: "<id>-copy", numbered when that is taken. */
export function copyId(id: string, taken: ReadonlySet<string>): string {
  return uniqueId(`${id.slice(0, 59)}-copy`, taken);
}

/** The name of a copy: `format()` ("X (copy)"), else `format(2)`, `format(3)`… — the first not in `taken`. */
export function copyName(format: (n?: number) => string, taken: ReadonlySet<string>): string {
  const first = format().slice(0, 200);
  if (!taken.has(first)) return first;
  for (let n = 2; ; n++) {
    const candidate = format(n).slice(0, 200);
    if (!taken.has(candidate)) return candidate;
  }
}

export type KeyProblem = 'empty' | 'format' | 'duplicate';

/** Why `key` cannot be the key of stage `index` of `funnel`, or null. */
export function stageKeyProblem(key: string, funnel: Funnel, index: number): KeyProblem | null {
  if (key.trim() === '') return 'empty';
  if (!ID_PATTERN.test(key)) return 'format';
  if (funnel.stages.some((s, i) => i !== index && s.key === key)) return 'duplicate';
  return null;
}

export function setStage(funnel: Funnel, index: number, patch: Partial<Stage>): Funnel {
  return { ...funnel, stages: funnel.stages.map((s, i) => (i === index ? { ...s, ...patch } : s)) };
}

/** Stage `index` measured on `ownerId` (null: no owner; the key is left out, as the format wants). */
export function setStageOwner(funnel: Funnel, index: number, ownerId: string | null): Funnel {
  return {
    ...funnel,
    stages: funnel.stages.map((s, i) => {
      if (i !== index) return s;
      const { ownerId: _old, ...rest } = s;
      return ownerId === null ? rest : { ...rest, ownerId };
    }),
  };
}

/** A new last stage (or after `after`) with a fresh key; at most 12 stages. */
export function addStage(funnel: Funnel, name: string, after = funnel.stages.length - 1): Funnel {
  if (funnel.stages.length >= MAX_STAGES) return funnel;
  const key = uniqueId(`stage-${funnel.stages.length + 1}`, new Set(funnel.stages.map((s) => s.key)));
  const stage: Stage = { key, name, conversion: 0.5, days: 14 };
  const stages = [...funnel.stages];
  stages.splice(after + 1, 0, stage);
  return { ...funnel, stages };
}

export function removeStage(funnel: Funnel, index: number): Funnel {
  if (funnel.stages.length <= MIN_STAGES) return funnel;
  return { ...funnel, stages: funnel.stages.filter((_, i) => i !== index) };
}

/** Stage `index` moved by `delta` places (−1 up, +1 down); unchanged at the ends. */
export function moveStage(funnel: Funnel, index: number, delta: -1 | 1): Funnel {
  const to = index + delta;
  if (to < 0 || to >= funnel.stages.length) return funnel;
  const stages = [...funnel.stages];
  [stages[index], stages[to]] = [stages[to]!, stages[index]!];
  return { ...funnel, stages };
}

/**
 * Expected deals entering each stage per `leads` leads, using each stage's
 * mean conversion, and the last entry the expected wins: n + 1 numbers.
 */
export function expectedVolumes(funnel: Funnel, leads = 100): number[] {
  const out = [leads];
  let v = leads;
  for (const s of funnel.stages) {
    v *= rangeMean(s.conversion);
    out.push(v);
  }
  return out;
}

export interface FunnelSummary {
  /** Expected deals entering each stage per 100 leads; the last entry is the expected wins. */
  volumes: number[];
  /** Conversion rate (转化率), lead to contract: the product of the mean stage conversions. */
  conversion: number;
  /**
   * Win rate (成功率): wins ÷ decided opportunities (won or lost after entering
   * stage 1), i.e. the product of the mean conversions from stage 1 on (1 for a one-stage funnel).
   */
  winRate: number;
  /** Sales cycle (销售周期): mean days from lead to contract, the sum of the mean stage days. */
  salesCycleDays: number;
  /** Delivery cycle (交付周期): mean days from signing to revenue. */
  deliveryCycleDays: number;
  /** Capital-occupation cycle (资金占用周期): mean days from signing to cash, weighted by payment share. */
  cashCycleDays: number;
}

export function summarizeFunnel(funnel: Funnel): FunnelSummary {
  const volumes = expectedVolumes(funnel, 100);
  return {
    volumes,
    conversion: volumes[volumes.length - 1]! / 100,
    winRate: funnel.stages.slice(1).reduce((p, s) => p * rangeMean(s.conversion), 1),
    salesCycleDays: funnel.stages.reduce((sum, s) => sum + rangeMean(s.days), 0),
    deliveryCycleDays: rangeMean(funnel.deliveryDays),
    cashCycleDays: funnel.payments.reduce((sum, p) => sum + p.share * rangeMean(p.days), 0),
  };
}

/** Sum of the shares in percent, rounded against binary noise (0.3 + 0.6 + 0.1 → 100). */
export function sharesTotalPercent(shares: readonly number[]): number {
  return Math.round(shares.reduce((a, b) => a + b, 0) * 100 * 1e6) / 1e6;
}

/** The store's tolerance: shares sum to 1 within 1e-9. */
export function sharesComplete(shares: readonly number[]): boolean {
  return Math.abs(shares.reduce((a, b) => a + b, 0) - 1) <= 1e-9;
}

export interface StageNames {
  ltc: string[];
  mtc: string[];
}

/** A new funnel of `process` with the method's stages and neutral numbers to edit from. */
export function newFunnel(id: string, name: string, process: Process, names: StageNames): Funnel {
  const keys = process === 'ltc' ? ['lead', 'opportunity', 'guide', 'solution', 'contract'] : ['trend', 'intent', 'visit', 'compare', 'purchase'];
  const stageNames = names[process];
  const stages: Stage[] = keys.map((key, i) => ({ key, name: stageNames[i] ?? key, conversion: 0.5, days: process === 'ltc' ? 30 : 5 }));
  return process === 'ltc'
    ? { id, name, process, stages, dealSize: 1_000_000, deliveryDays: 60, payments: [{ share: 1, days: 90 }] }
    : { id, name, process, stages, dealSize: 5_000, deliveryDays: 7, payments: [{ share: 1, days: 7 }] };
}

// ---- segments ----

/** The lead entry for `phaseId` (undefined: the default entry). */
export function leadEntryIndex(segment: Segment, phaseId: string | undefined): number {
  return segment.leads.findIndex((e) => e.phaseId === phaseId);
}

export function setLeadEntry(segment: Segment, index: number, perMonth: Range): Segment {
  return { ...segment, leads: segment.leads.map((e, i) => (i === index ? { ...e, perMonth } : e)) };
}

/** Adds an entry for `phaseId` (undefined: the default), starting from the default's volume. */
export function addLeadEntry(segment: Segment, phaseId: string | undefined): Segment {
  if (leadEntryIndex(segment, phaseId) >= 0) return segment;
  const fallback = segment.leads.find((e) => e.phaseId === undefined)?.perMonth ?? 0;
  const entry: LeadEntry = phaseId === undefined ? { perMonth: fallback } : { phaseId, perMonth: fallback };
  return { ...segment, leads: [...segment.leads, entry] };
}

export function removeLeadEntry(segment: Segment, index: number): Segment {
  return { ...segment, leads: segment.leads.filter((_, i) => i !== index) };
}

/** Entries in reading order: the default first, then phases in plan order. */
export function orderedLeadEntries(segment: Segment, phases: readonly Phase[]): { entry: LeadEntry; index: number }[] {
  const rank = (e: LeadEntry) => (e.phaseId === undefined ? -1 : phases.findIndex((p) => p.id === e.phaseId));
  return segment.leads.map((entry, index) => ({ entry, index })).sort((a, b) => rank(a.entry) - rank(b.entry));
}

export interface LeadCell {
  phaseId: string;
  /** Mean leads per month in that phase; null when neither a phase entry nor a default exists. */
  mean: number | null;
  /** Whether the value comes from the segment's default entry. */
  fromDefault: boolean;
}

/** Leads per month in each phase: the phase's own entry, else the default. */
export function leadsByPhase(segment: Segment, phases: readonly Phase[]): LeadCell[] {
  const fallback = segment.leads.find((e) => e.phaseId === undefined);
  return phases.map((p) => {
    const own = segment.leads.find((e) => e.phaseId === p.id);
    const entry = own ?? fallback;
    return { phaseId: p.id, mean: entry ? rangeMean(entry.perMonth) : null, fromDefault: !own && !!fallback };
  });
}
