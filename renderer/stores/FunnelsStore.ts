// The Funnels screen's state and writes: which funnel is open, which tab, the
// derived numbers the screen shows (expected volumes, leads per phase), and
// the edits, each a full-entity update through PlanStore. Writes answer null
// when stored, or the reason the store refused, in the user's language.
import { action, computed, makeObservable, observable } from 'mobx';
import type { Funnel, Process, Segment } from '../../shared/plan/types';
import { attempt, type WriteOutcome } from './refusals';
import {
  copyId,
  copyName,
  leadsByPhase,
  newFunnel,
  summarizeFunnel,
  uniqueId,
  type FunnelSummary,
  type LeadCell,
} from './funnels/funnelEdits';
import type { PlanStore } from './PlanStore';
import type { UiStore } from './UiStore';

export type FunnelsTab = 'funnels' | 'segments';

export interface SegmentLeadsRow {
  segment: Segment;
  cells: LeadCell[];
}

export class FunnelsStore {
  selectedId: string | null = null;
  tab: FunnelsTab = 'funnels';

  constructor(
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
  ) {
    makeObservable(this, {
      selectedId: observable,
      tab: observable,
      select: action,
      setTab: action,
      funnels: computed,
      selected: computed,
      summaries: computed,
      leadsTable: computed,
      segmentsPerFunnel: computed,
    });
  }

  get funnels(): Funnel[] {
    return this.plan.collections.funnels.list;
  }

  /** The open funnel: the one chosen, else the first. */
  get selected(): Funnel | undefined {
    const chosen = this.selectedId ? this.plan.collections.funnels.get(this.selectedId) : undefined;
    return chosen ?? this.funnels[0];
  }

  select(id: string): void {
    this.selectedId = id;
  }

  setTab(tab: FunnelsTab): void {
    this.tab = tab;
  }

  /** Expected volumes, win rate and cycles, per funnel id. */
  get summaries(): Map<string, FunnelSummary> {
    return new Map(this.funnels.map((f) => [f.id, summarizeFunnel(f)]));
  }

  get leadsTable(): SegmentLeadsRow[] {
    const phases = this.plan.collections.phases.list;
    return this.plan.collections.segments.list.map((segment) => ({ segment, cells: leadsByPhase(segment, phases) }));
  }

  get segmentsPerFunnel(): Map<string, number> {
    const out = new Map<string, number>();
    for (const s of this.plan.collections.segments.list) out.set(s.funnelId, (out.get(s.funnelId) ?? 0) + 1);
    return out;
  }

  // ---- writes ----

  saveFunnel(id: string, value: Funnel): Promise<WriteOutcome> {
    return attempt(this.ui.tr, async () => {
      const saved = await this.plan.update('funnels', id, toPlain(value));
      if (saved.id !== id) this.select(saved.id);
    });
  }

  async createFunnel(process: Process): Promise<WriteOutcome> {
    const tr = this.ui.tr;
    const taken = new Set(this.plan.collections.funnels.ids);
    const id = uniqueId(process, taken);
    const name = tr.t(process === 'ltc' ? 'funnels.newLtcName' : 'funnels.newMtcName');
    const value = newFunnel(id, name, process, {
      ltc: (['ltc.manageLeads', 'ltc.validateOpportunity', 'ltc.guideCustomer', 'ltc.buildSolution', 'ltc.signContract'] as const).map((k) => tr.t(k)),
      mtc: (['funnels.mtcStage.trend', 'funnels.mtcStage.intent', 'funnels.mtcStage.visit', 'funnels.mtcStage.compare', 'funnels.mtcStage.purchase'] as const).map((k) =>
        tr.t(k),
      ),
    });
    return attempt(tr, async () => {
      await this.plan.create('funnels', value);
      this.select(id);
    });
  }

  async duplicateFunnel(id: string): Promise<WriteOutcome> {
    const source = this.plan.collections.funnels.get(id);
    if (!source) return null;
    const tr = this.ui.tr;
    const copy: Funnel = { ...toPlain(source), id: copyId(id, new Set(this.plan.collections.funnels.ids)) };
    copy.name = copyName(
      (n) => (n ? tr.t('funnels.copyNameN', { name: source.name, n }) : tr.t('funnels.copyName', { name: source.name })),
      new Set(this.funnels.map((f) => f.name)),
    );
    const index = this.plan.collections.funnels.ids.indexOf(id) + 1;
    return attempt(tr, async () => {
      await this.plan.create('funnels', copy, index);
      this.select(copy.id);
    });
  }

  async deleteFunnel(id: string): Promise<WriteOutcome> {
    const ids = this.plan.collections.funnels.ids;
    const next = ids[ids.indexOf(id) + 1] ?? ids[ids.indexOf(id) - 1] ?? null;
    return attempt(this.ui.tr, async () => {
      await this.plan.remove('funnels', id);
      if (next) this.select(next);
    });
  }

  saveSegment(id: string, value: Segment): Promise<WriteOutcome> {
    return attempt(this.ui.tr, () => this.plan.update('segments', id, toPlain(value)));
  }

  async createSegment(): Promise<WriteOutcome> {
    const tr = this.ui.tr;
    const funnel = this.selected ?? this.funnels[0];
    if (!funnel) return tr.t('funnels.segment.needFunnel');
    const id = uniqueId('segment', new Set(this.plan.collections.segments.ids));
    const value: Segment = { id, name: tr.t('funnels.segment.newName'), funnelId: funnel.id, leads: [{ perMonth: 10 }] };
    return attempt(tr, () => this.plan.create('segments', value));
  }

  deleteSegment(id: string): Promise<WriteOutcome> {
    return attempt(this.ui.tr, () => this.plan.remove('segments', id));
  }
}

/** A plain copy of an observable entity (structuredClone refuses proxies). */
export function toPlain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
