// The live what-if: multipliers on leads, conversion, deal size and stage
// days, per funnel stage on its conversion and per segment on its lead
// volume (the workshop's sliders), on
// top of the chosen scenario, answered by `simulation.expected`
// (expected values, a few milliseconds in the host; without the per-customer
// entries, which no what-if view shows: 50,000 of them would be most of each
// answer). Slider moves are
// throttled, and an answer overtaken by a newer request is dropped.
import { action, computed, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { ApiClient } from '../../../shared/api/client';
import type { ScenarioAdjust, StageAdjust } from '../../../shared/plan/types';
import type { ExpectedResult } from '../../../shared/simulation/types';

export const WHAT_IF_FACTORS = ['leads', 'conversion', 'dealSize', 'days'] as const;
export type WhatIfFactor = (typeof WHAT_IF_FACTORS)[number];
export const WHAT_IF_MIN = 0.5;
export const WHAT_IF_MAX = 1.5;
export const WHAT_IF_STEP = 0.05;
/** While a slider is dragged, at most one request per this many ms (the totals follow the drag). */
const THROTTLE_MS = 50;

export function stageKeyOf(funnelId: string, stageKey: string): string {
  return JSON.stringify([funnelId, stageKey]);
}

export class WhatIfStore {
  factors: Record<WhatIfFactor, number> = { leads: 1, conversion: 1, dealSize: 1, days: 1 };
  /** Per-stage conversion multipliers, keyed by stageKeyOf(funnelId, stageKey); 1 = unchanged. */
  stages = new Map<string, number>();
  /** Per-segment lead-volume multipliers by segment id; 1 = unchanged. What-if only: a scenario cannot hold them. */
  segments = new Map<string, number>();
  /** The scenario as it stands (all factors 1). */
  base: ExpectedResult | null = null;
  /** With the factors applied. */
  current: ExpectedResult | null = null;
  error: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly scenarioId: () => string | null,
  ) {
    makeObservable(this, {
      factors: observable,
      stages: observable,
      segments: observable,
      setStage: action,
      setSegment: action,
      adjust: computed,
      base: observableRef,
      current: observableRef,
      error: observable,
      setFactor: action,
      reset: action,
      changed: computed,
    });
  }

  get changed(): boolean {
    return (
      WHAT_IF_FACTORS.some((f) => this.factors[f] !== 1) ||
      [...this.stages.values()].some((v) => v !== 1) ||
      [...this.segments.values()].some((v) => v !== 1)
    );
  }

  /** The segment sliders that differ from 1, as `simulation.expected` takes them. */
  get segmentLeads(): Record<string, number> | undefined {
    const moved = [...this.segments].filter(([, v]) => v !== 1);
    return moved.length > 0 ? Object.fromEntries(moved) : undefined;
  }

  /**
   * The sliders as a scenario can hold them, or null when they cannot be: a
   * scenario has one lead multiplier for every segment, so segment sliders
   * kept must all sit at the same value (it then joins the lead-volume one).
   */
  scenarioAdjust(segmentIds: readonly string[]): ScenarioAdjust | null {
    const values = new Set(segmentIds.map((id) => this.segment(id)));
    if (values.size > 1) return null;
    const common = values.size === 1 ? [...values][0]! : 1;
    const out = { ...this.adjust };
    const leads = (out.leads ?? 1) * common;
    if (leads === 1) delete out.leads;
    else out.leads = leads;
    return out;
  }

  segment(segmentId: string): number {
    return this.segments.get(segmentId) ?? 1;
  }

  setSegment(segmentId: string, value: number): void {
    this.segments.set(segmentId, Math.min(WHAT_IF_MAX, Math.max(WHAT_IF_MIN, value)));
    this.schedule();
  }

  /** The sliders as a scenario adjustment (only what differs from 1). */
  get adjust(): ScenarioAdjust {
    const out: ScenarioAdjust = Object.fromEntries(WHAT_IF_FACTORS.filter((f) => this.factors[f] !== 1).map((f) => [f, this.factors[f]]));
    const stages: StageAdjust[] = [];
    for (const [key, conversion] of this.stages) {
      if (conversion === 1) continue;
      const [funnelId, stageKey] = JSON.parse(key) as [string, string];
      stages.push({ funnelId, stageKey, conversion });
    }
    if (stages.length > 0) out.stages = stages;
    return out;
  }

  stage(funnelId: string, stageKey: string): number {
    return this.stages.get(stageKeyOf(funnelId, stageKey)) ?? 1;
  }

  setStage(funnelId: string, stageKey: string, value: number): void {
    this.stages.set(stageKeyOf(funnelId, stageKey), Math.min(WHAT_IF_MAX, Math.max(WHAT_IF_MIN, value)));
    this.schedule();
  }

  setFactor(f: WhatIfFactor, value: number): void {
    this.factors[f] = Math.min(WHAT_IF_MAX, Math.max(WHAT_IF_MIN, value));
    this.schedule();
  }

  reset(): void {
    for (const f of WHAT_IF_FACTORS) this.factors[f] = 1;
    this.stages.clear();
    this.segments.clear();
    this.schedule();
  }

  /** The plan or the scenario changed: recompute both now. */
  refresh(): void {
    this.schedule(0);
  }

  private schedule(delay = THROTTLE_MS): void {
    // A request already due soon will read the newest values; a refresh (delay 0) goes at once.
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.fetch();
    }, delay);
  }

  private async fetch(): Promise<void> {
    const seq = ++this.seq;
    const scenarioId = this.scenarioId();
    const adjust = this.adjust;
    const segmentLeads = this.segmentLeads;
    try {
      const [base, current] = await Promise.all([
        this.client.invoke('simulation.expected', { scenarioId, perCustomer: false }),
        this.client.invoke('simulation.expected', segmentLeads ? { scenarioId, adjust, segmentLeads, perCustomer: false } : { scenarioId, adjust, perCustomer: false }),
      ]);
      if (seq !== this.seq) return;
      runInAction(() => {
        this.base = base;
        this.current = current;
        this.error = null;
      });
    } catch (e) {
      if (seq !== this.seq) return;
      runInAction(() => {
        this.base = null;
        this.current = null;
        this.error = e instanceof Error ? e.message : String(e);
      });
    }
  }
}
