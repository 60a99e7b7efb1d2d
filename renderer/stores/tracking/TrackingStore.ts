// The Tracking screen's state: which scope (the whole plan or one segment)
// the actuals grid shows, the grid's writes (a cell, a pasted block, an
// imported sheet — each one undoable edit), and the plan vs actual and the
// reforecast of the latest stored run of the plan as entered, recomputed in
// the host's worker pool whenever the plan moves.
import { action, computed, makeObservable, observable, observableRef, reaction, runInAction } from 'mobx';
import type { ApiClient } from '../../../shared/api/client';
import type { ActualCell } from '../../../shared/api/methods/tracking';
import { readActualsGrid } from '../../../shared/actuals';
import type { CalibrationProblem } from '../../../shared/calibration/problems';
import { horizonMonthList } from '../../../shared/plan/months';
import { ACTUAL_METRICS, type ActualMetric } from '../../../shared/plan/types';
import type { ReforecastResult } from '../../../shared/simulation/reforecast-types';
import type { SimulationResult } from '../../../shared/simulation/types';
import { readCustomerFile, type FileReadError } from '../customerImport/readCustomerFile';
import { toApiError, type PlanStore } from '../PlanStore';
import { attempt, type WriteOutcome } from '../refusals';
import type { UiStore } from '../UiStore';
import { pasteGrid } from './pasteGrid';

export type ReforecastState =
  | { kind: 'idle' }
  | { kind: 'noRun' }
  | { kind: 'loading' }
  | { kind: 'ready'; run: SimulationResult; result: ReforecastResult; stale: boolean }
  | { kind: 'failed'; message: string };

export class TrackingStore {
  /** null: the whole plan. */
  segmentId: string | null = null;
  metric: ActualMetric = 'bookings';
  reforecast: ReforecastState = { kind: 'idle' };
  /** The last import's problems (nothing was imported), or its file error. */
  importProblems: CalibrationProblem[] | null = null;
  importFileError: FileReadError | null = null;
  importedCount: number | null = null;
  private opened = false;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
  ) {
    makeObservable(this, {
      segmentId: observable,
      metric: observable,
      reforecast: observableRef,
      importProblems: observableRef,
      importFileError: observableRef,
      importedCount: observable,
      setSegment: action,
      setMetric: action,
      dismissImport: action,
      months: computed,
      grid: computed,
    });
    // Actuals entered here, in another window or by the CLI all change the reforecast.
    reaction(
      () => [this.plan.revision, this.plan.file?.path],
      () => {
        if (this.opened) this.scheduleReforecast();
      },
    );
  }

  open(): void {
    this.opened = true;
    void this.loadReforecast();
  }

  close(): void {
    this.opened = false;
    if (this.timer) clearTimeout(this.timer);
  }

  setSegment(id: string | null): void {
    this.segmentId = id;
  }

  setMetric(m: ActualMetric): void {
    this.metric = m;
  }

  dismissImport(): void {
    this.importProblems = null;
    this.importFileError = null;
    this.importedCount = null;
  }

  get months(): string[] {
    const s = this.plan.settings;
    return s ? horizonMonthList(s.startMonth, s.horizonMonths) : [];
  }

  /** The actuals of the chosen scope: grid[month][metric], null where none. */
  get grid(): Map<string, Map<ActualMetric, number>> {
    const out = new Map<string, Map<ActualMetric, number>>();
    for (const a of this.plan.actuals) {
      if ((a.segmentId ?? null) !== this.segmentId) continue;
      let row = out.get(a.month);
      if (!row) out.set(a.month, (row = new Map()));
      row.set(a.metric, a.value);
    }
    return out;
  }

  /** Set (or, with null, remove) one cell of the chosen scope. */
  setCell(month: string, metric: ActualMetric, value: number | null): Promise<WriteOutcome> {
    return this.write([{ month, metric, value, ...(this.segmentId !== null ? { segmentId: this.segmentId } : {}) }]);
  }

  /** A block pasted from a spreadsheet, from the cell it landed on: one edit, or a refusal naming the cell. */
  paste(text: string, month: string, metric: ActualMetric): Promise<WriteOutcome> {
    const tr = this.ui.tr;
    const r = pasteGrid(
      text,
      { month: this.months.indexOf(month), metric: ACTUAL_METRICS.indexOf(metric) },
      this.months,
      ACTUAL_METRICS,
      this.segmentId,
      this.plan.settings?.currency ?? 'CNY',
    );
    if (!r.ok) return Promise.resolve(tr.t(`tracking.paste.${r.problem}`, { row: r.row, column: r.column, text: r.text }));
    return this.write(r.cells);
  }

  /** A CSV/XLSX sheet of month, metric, value[, segment]: all of it as one edit, or nothing with the problems listed. */
  async importFile(file: File): Promise<void> {
    this.dismissImport();
    const read = await readCustomerFile(file, this.client);
    if ('error' in read) {
      runInAction(() => (this.importFileError = read.error));
      return;
    }
    const s = this.plan.settings;
    if (!s) return;
    const sheet = read.sheets.find((x) => x.rows.length > 0) ?? read.sheets[0]!;
    const result = readActualsGrid(sheet.rows, {
      startMonth: s.startMonth,
      horizonMonths: s.horizonMonths,
      currency: s.currency,
      segments: this.plan.collections.segments.plainList,
    });
    if (!result.ok) {
      runInAction(() => (this.importProblems = result.problems));
      return;
    }
    const refusal = await this.write(result.actuals.map((a) => ({ ...a })));
    runInAction(() => {
      if (refusal === null) this.importedCount = result.actuals.length;
      else this.importProblems = [{ severity: 'error', key: 'tracking.import.refused', params: { message: refusal }, lines: [], count: 0 }];
    });
  }

  private write(cells: ActualCell[]): Promise<WriteOutcome> {
    return attempt(this.ui.tr, () => this.plan.setActuals(cells));
  }

  private scheduleReforecast(): void {
    if (this.timer) clearTimeout(this.timer);
    // Typing a column of actuals makes one edit per cell: reforecast once they settle.
    this.timer = setTimeout(() => void this.loadReforecast(), 400);
  }

  /** The reforecast of the newest stored Monte-Carlo run of the plan as entered. */
  async loadReforecast(): Promise<void> {
    const seq = ++this.seq;
    const prev = this.reforecast;
    runInAction(() => (this.reforecast = prev.kind === 'ready' ? { ...prev, stale: true } : { kind: 'loading' }));
    try {
      const latest = await this.client.invoke('simulation.latest', { scenarioId: null });
      if (seq !== this.seq) return;
      if (!latest || latest.run.mode !== 'monte-carlo') {
        runInAction(() => (this.reforecast = { kind: 'noRun' }));
        return;
      }
      const result = await this.client.invoke('simulation.reforecast', { runId: latest.run.id });
      if (seq !== this.seq) return;
      runInAction(() => (this.reforecast = { kind: 'ready', run: latest.run.result as SimulationResult, result, stale: false }));
    } catch (e) {
      if (seq !== this.seq) return;
      const err = toApiError(e);
      runInAction(() => (this.reforecast = { kind: 'failed', message: err.message }));
    }
  }
}
