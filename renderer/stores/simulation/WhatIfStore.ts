// The live what-if: multipliers on leads, conversion, deal size and stage
// days, on top of the chosen scenario, answered by `simulation.expected`
// (expected values, a few milliseconds in the host). Slider moves are
// debounced, and an answer overtaken by a newer request is dropped.
import { action, computed, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { ApiClient } from '../../../shared/api/client';
import type { ExpectedResult } from '../../../shared/simulation/types';

export const WHAT_IF_FACTORS = ['leads', 'conversion', 'dealSize', 'days'] as const;
export type WhatIfFactor = (typeof WHAT_IF_FACTORS)[number];
export const WHAT_IF_MIN = 0.5;
export const WHAT_IF_MAX = 1.5;
export const WHAT_IF_STEP = 0.05;
const DEBOUNCE_MS = 150;

export class WhatIfStore {
  factors: Record<WhatIfFactor, number> = { leads: 1, conversion: 1, dealSize: 1, days: 1 };
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
      base: observableRef,
      current: observableRef,
      error: observable,
      setFactor: action,
      reset: action,
      changed: computed,
    });
  }

  get changed(): boolean {
    return WHAT_IF_FACTORS.some((f) => this.factors[f] !== 1);
  }

  setFactor(f: WhatIfFactor, value: number): void {
    this.factors[f] = Math.min(WHAT_IF_MAX, Math.max(WHAT_IF_MIN, value));
    this.schedule();
  }

  reset(): void {
    for (const f of WHAT_IF_FACTORS) this.factors[f] = 1;
    this.schedule();
  }

  /** The plan or the scenario changed: recompute both now. */
  refresh(): void {
    this.schedule(0);
  }

  private schedule(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.fetch();
    }, delay);
  }

  private async fetch(): Promise<void> {
    const seq = ++this.seq;
    const scenarioId = this.scenarioId();
    const adjust = Object.fromEntries(WHAT_IF_FACTORS.filter((f) => this.factors[f] !== 1).map((f) => [f, this.factors[f]]));
    try {
      const [base, current] = await Promise.all([
        this.client.invoke('simulation.expected', { scenarioId }),
        this.client.invoke('simulation.expected', { scenarioId, adjust }),
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
