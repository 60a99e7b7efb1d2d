// One calibration from deal history (issue #12, item 1; semantics in
// simulation-model.md "Calibration from deal history"): a CRM export read
// into a grid, its columns mapped (guessed from the header, changeable),
// the file's own outcome values mapped to won / lost / open, the date order
// chosen when the dates do not say, then the history's figures and the
// suggested Ranges from shared/calibration — and the accepted ones written
// as one undoable edit. Nothing of the file itself is stored.
import { action, computed, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { ApiClient } from '../../../shared/api/client';
import {
  actualsFromDeals,
  calibrate,
  calibrationEdits,
  DEAL_COLUMNS,
  DEAL_HISTORY_LIMITS,
  dealsOfSegment,
  outcomeValues,
  readDeals,
  stageIndex,
  type DealActual,
  REQUIRED_DEAL_COLUMNS,
  type CalibrationResult,
  type DateOrder,
  type DealColumn,
  type Outcome,
} from '../../../shared/calibration';
import { readCustomerFile, type FileReadError } from '../customerImport/readCustomerFile';
import type { PlanStore } from '../PlanStore';
import { attempt, type WriteOutcome } from '../refusals';
import type { UiStore } from '../UiStore';

/** Header words CRMs and spreadsheets use for each field (lower case), in both languages. */
const HEADER_WORDS: Record<DealColumn, readonly string[]> = {
  id: ['id', 'opportunity id', 'deal id', 'record id', '商机编号', '编号', '商机id'],
  created: ['created date', 'created', 'create date', 'createdate', 'created on', 'created time', '创建日期', '创建时间'],
  closed: ['close date', 'closed date', 'closedate', 'closed', 'actual close date', 'closed on', '关闭日期', '成交日期', '结束日期'],
  outcome: ['stage', 'stagename', 'deal stage', 'dealstage', 'outcome', 'status', 'state', '结果', '阶段', '状态', '商机阶段'],
  value: ['amount', 'value', 'deal value', 'deal amount', 'estimated revenue', '金额', '商机金额', '合同金额'],
  stage: ['last stage', 'last stage reached', 'furthest stage', '最后阶段'],
  segment: ['segment', '细分市场'],
  owner: ['owner', 'opportunity owner', 'deal owner', '负责人', '销售'],
};

/** The column each field's header most likely is (exact words first), never one column for two fields. */
export function guessDealColumns(header: readonly string[]): Partial<Record<DealColumn, number>> {
  const norm = header.map((h) => h.trim().toLowerCase());
  const out: Partial<Record<DealColumn, number>> = {};
  const taken = new Set<number>();
  for (const exact of [true, false]) {
    for (const field of DEAL_COLUMNS) {
      if (out[field] !== undefined) continue;
      const i = norm.findIndex((h, c) => !taken.has(c) && HEADER_WORDS[field].some((w) => (exact ? h === w : h.includes(w))));
      if (i >= 0) {
        out[field] = i;
        taken.add(i);
      }
    }
  }
  return out;
}

export class CalibrationSession {
  fileName: string | null = null;
  fileError: FileReadError | null = null;
  grid: string[][] = [];
  columns: Partial<Record<DealColumn, number>> = {};
  funnelId: string;
  segmentId: string | null = null;
  outcomeMap: Record<string, Outcome> = {};
  dateOrder: DateOrder | null = null;
  accepted = new Set<string>();
  busy = false;

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
    funnelId: string,
  ) {
    this.funnelId = funnelId;
    makeObservable(this, {
      fileName: observable,
      fileError: observableRef,
      grid: observableRef,
      columns: observableRef,
      funnelId: observable,
      segmentId: observable,
      outcomeMap: observableRef,
      dateOrder: observable,
      accepted: observable,
      busy: observable,
      setColumn: action,
      setFunnel: action,
      setSegment: action,
      setOutcome: action,
      setDateOrder: action,
      toggle: action,
      header: computed,
      missing: computed,
      outcomes: computed,
      result: computed,
      historyActuals: computed,
    });
  }

  async chooseFile(file: File): Promise<void> {
    const read = await readCustomerFile(file, this.client, DEAL_HISTORY_LIMITS);
    runInAction(() => {
      this.fileError = null;
      if ('error' in read) {
        this.fileError = read.error;
        return;
      }
      this.fileName = read.fileName;
      this.grid = read.sheets.find((s) => s.rows.length > 0)?.rows ?? [];
      this.columns = guessDealColumns(this.grid[0] ?? []);
      this.outcomeMap = {};
      this.dateOrder = null;
      this.accepted = new Set();
    });
  }

  get header(): string[] {
    return this.grid[0] ?? [];
  }

  /** Required fields without a column. */
  get missing(): DealColumn[] {
    return REQUIRED_DEAL_COLUMNS.filter((c) => this.columns[c] === undefined);
  }

  setColumn(field: DealColumn, column: number | null): void {
    const next = { ...this.columns };
    if (column === null) delete next[field];
    else next[field] = column;
    this.columns = next;
    this.accepted = new Set();
  }

  setFunnel(id: string): void {
    this.funnelId = id;
    this.segmentId = null;
    this.accepted = new Set();
  }

  setSegment(id: string | null): void {
    this.segmentId = id;
    this.accepted = new Set();
  }

  setOutcome(value: string, outcome: Outcome | null): void {
    const next = { ...this.outcomeMap };
    if (outcome === null) delete next[value];
    else next[value] = outcome;
    this.outcomeMap = next;
  }

  setDateOrder(order: DateOrder | null): void {
    this.dateOrder = order;
  }

  toggle(id: string): void {
    if (this.accepted.has(id)) this.accepted.delete(id);
    else this.accepted.add(id);
  }

  /** The file's distinct outcome values, how many deals have each, and what each means now. */
  get outcomes(): { value: string; count: number; outcome: Outcome | null }[] {
    const c = this.columns.outcome;
    return c === undefined || this.grid.length === 0 ? [] : outcomeValues(this.grid, c, this.outcomeMap);
  }

  /** The figures and suggestions; null until a file with the required columns is mapped. */
  get result(): CalibrationResult | null {
    const funnel = this.plan.collections.funnels.plainList.find((f) => f.id === this.funnelId);
    if (!funnel || this.grid.length === 0 || this.missing.length > 0) return null;
    const segment = this.segmentId === null ? null : (this.plan.collections.segments.plainList.find((s) => s.id === this.segmentId) ?? null);
    return calibrate(
      this.grid,
      { columns: this.columns, outcomes: this.outcomeMap, dateOrder: this.dateOrder, currency: this.plan.settings?.currency ?? 'CNY' },
      funnel,
      segment,
    );
  }

  /**
   * Monthly actuals aggregated from the same history (leads by created month,
   * wins and bookings by closed month) inside the plan's horizon, for the
   * chosen segment or the whole plan; null while the history has errors.
   */
  get historyActuals(): { actuals: DealActual[]; outsideHorizon: number } | null {
    const r = this.result;
    const s = this.plan.settings;
    const funnel = this.plan.collections.funnels.plainList.find((f) => f.id === this.funnelId);
    if (!r?.ok || !s || !funnel) return null;
    const read = readDeals(this.grid, {
      columns: this.columns,
      outcomes: this.outcomeMap,
      dateOrder: this.dateOrder,
      currency: s.currency,
      isStage: (t) => stageIndex(funnel, t) !== null,
    });
    if (!read.ok) return null;
    const segment = this.segmentId === null ? null : (this.plan.collections.segments.plainList.find((x) => x.id === this.segmentId) ?? null);
    return actualsFromDeals(dealsOfSegment(read.deals, segment), s.startMonth, s.horizonMonths, segment?.id);
  }

  /** Those actuals into the plan (Tracking): one undoable edit; months already entered are overwritten. */
  async addHistoryActuals(): Promise<WriteOutcome> {
    const h = this.historyActuals;
    if (!h || h.actuals.length === 0) return null;
    return attempt(this.ui.tr, () => this.plan.setActuals(h.actuals.map((a) => ({ ...a }))));
  }

  /** The accepted suggestions as one undoable edit. */
  async apply(): Promise<WriteOutcome> {
    const r = this.result;
    const funnel = this.plan.collections.funnels.plainList.find((f) => f.id === this.funnelId);
    if (!r || !r.ok || !funnel || this.accepted.size === 0) return null;
    const segment = this.segmentId === null ? null : (this.plan.collections.segments.plainList.find((s) => s.id === this.segmentId) ?? null);
    const edits = calibrationEdits(funnel, segment, r.suggestions, this.accepted);
    runInAction(() => (this.busy = true));
    const tr = this.ui.tr;
    const outcome = await attempt(tr, () => this.plan.batch(edits, tr.t('calibration.ui.editLabel', { funnel: funnel.name })));
    runInAction(() => (this.busy = false));
    return outcome;
  }
}

/** Whether the calibration dialog is open, and its session. */
export class CalibrationStore {
  session: CalibrationSession | null = null;

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
  ) {
    makeObservable(this, { session: observableRef, open: action, close: action });
  }

  /** Opens the dialog for a funnel (default: the plan's first). */
  open(funnelId?: string): void {
    const id = funnelId ?? this.plan.collections.funnels.plainList[0]?.id;
    if (id === undefined) return;
    this.session = new CalibrationSession(this.client, this.plan, this.ui, id);
  }

  close(): void {
    this.session = null;
  }
}
