// The state of one customer-import dialog, from pasted text or a file to the batch
// written. Everything the steps show is a computed getter over the source
// grid, the user's choices and the open plan; the pure work is shared/import.
import { action, computed, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { SpreadsheetSheet } from '../../../shared/api/methods/import';
import {
  autoMap,
  buildImportEdits,
  createImportContext,
  dataRows,
  duplicateFields,
  gridWidth,
  mapFor,
  parseClipboardText,
  rowOfEdit,
  validateRows,
  type CellProblem,
  type ColumnMapping,
  type ExistingIdPolicy,
  type ImportContext,
  type ImportDefaults,
  type ImportField,
  type ImportSettings,
  type SourceRow,
  type ValidationSummary,
} from '../../../shared/import';
import type { ApiError } from '../../../shared/api/result';
import type { Segment } from '../../../shared/plan/types';
import type { RootStore } from '../RootStore';
import { toApiError } from '../PlanStore';
import { readCustomerFile, type FileReadError, type ReadFile } from './readCustomerFile';

export type ImportStep = 'source' | 'mapping' | 'preview';

export interface Rejection {
  line: number | null;
  message: string;
}

/** Problems listed under the preview; the grid marks them all. */
const LISTED_PROBLEMS = 100;

export class CustomerImportSession {
  step: ImportStep = 'source';
  pasteText: string;
  /** The file read, when the rows come from one (null: the pasted text). */
  file: ReadFile | null = null;
  sheetIndex = 0;
  fileError: FileReadError | null = null;
  reading = false;

  hasHeader = false;
  mapping: ColumnMapping = [];
  defaults: ImportDefaults = { segmentId: null, tier: null, status: 'target' };
  existing: ExistingIdPolicy = 'error';
  decimalComma = false;
  /** Rows left out, by source line. */
  excludedLines = new Set<number>();
  /** Cell values fixed in the preview, by `line:column`. */
  fixes = new Map<string, string>();
  onlyProblems = false;

  busy = false;
  rejection: Rejection[] | null = null;
  /** The summary being written: while the batch is in flight (and after), the
   * preview must not re-check the rows against the plan they are landing in. */
  private frozen: ValidationSummary | null = null;

  constructor(
    private readonly root: RootStore,
    initialText = '',
  ) {
    this.pasteText = initialText;
    makeObservable<CustomerImportSession, 'settings' | 'frozen'>(this, {
      step: observable,
      pasteText: observable,
      file: observableRef,
      sheetIndex: observable,
      fileError: observableRef,
      reading: observable,
      hasHeader: observable,
      mapping: observableRef,
      defaults: observableRef,
      existing: observable,
      decimalComma: observable,
      excludedLines: observable,
      fixes: observable,
      onlyProblems: observable,
      busy: observable,
      rejection: observableRef,
      frozen: observableRef,
      context: computed,
      grid: computed,
      width: computed,
      headerRow: computed,
      rows: computed,
      settings: computed,
      summary: computed,
      visibleRows: computed,
      listedProblems: computed,
      mappingProblems: computed,
      mappedColumns: computed,
      setPasteText: action,
      chooseSheet: action,
      toMapping: action,
      setHasHeader: action,
      setField: action,
      setDefaults: action,
      setExisting: action,
      setDecimalComma: action,
      toPreview: action,
      back: action,
      setExcluded: action,
      excludeRowsWithProblems: action,
      includeAll: action,
      setOnlyProblems: action,
      fixCell: action,
    });
  }

  /** The open plan, indexed for lookups; rebuilt only when the plan changes. */
  get context(): ImportContext {
    const { plan } = this.root;
    const c = plan.collections;
    return createImportContext({
      currency: plan.settings?.currency ?? 'CNY',
      customers: c.customers.plainList,
      segments: c.segments.plainList,
      funnels: c.funnels.plainList,
      people: c.people.plainList,
      phases: c.phases.plainList,
    });
  }

  get sheets(): readonly SpreadsheetSheet[] {
    return this.file?.sheets ?? [];
  }

  /** The plan's segments, for the default-segment choice. */
  get segments(): readonly Segment[] {
    return this.root.plan.collections.segments.plainList;
  }

  /** The source as a grid of strings, before the header choice. */
  get grid(): readonly (readonly string[])[] {
    if (this.file) return this.file.sheets[this.sheetIndex]?.rows ?? [];
    return parseClipboardText(this.pasteText);
  }

  get width(): number {
    return gridWidth(this.grid);
  }

  get headerRow(): readonly string[] | null {
    return this.hasHeader ? (this.grid[0] ?? null) : null;
  }

  /** Data rows with the preview's fixes applied. */
  get rows(): SourceRow[] {
    const rows = dataRows(this.grid, this.hasHeader);
    if (this.fixes.size === 0) return rows;
    return rows.map((r) => {
      let cells: string[] | null = null;
      for (let c = 0; c < this.width; c++) {
        const fixed = this.fixes.get(`${r.line}:${c}`);
        if (fixed === undefined) continue;
        cells ??= Array.from({ length: this.width }, (_, i) => r.cells[i] ?? '');
        cells[c] = fixed;
      }
      return cells ? { line: r.line, cells } : r;
    });
  }

  private get settings(): ImportSettings {
    return {
      hasHeader: this.hasHeader,
      mapping: this.mapping,
      defaults: this.defaults,
      existing: this.existing,
      decimalComma: this.decimalComma,
    };
  }

  get summary(): ValidationSummary {
    if (this.frozen) return this.frozen;
    const excluded = new Set<number>();
    this.rows.forEach((r, i) => {
      if (this.excludedLines.has(r.line)) excluded.add(i);
    });
    return validateRows(this.rows, this.settings, this.context, excluded);
  }

  /** Indexes (into the data rows) the grid shows. */
  get visibleRows(): number[] {
    const all = this.summary.rows;
    const out: number[] = [];
    for (let i = 0; i < all.length; i++) {
      if (!this.onlyProblems || all[i]!.problems.some((p) => p.severity === 'error')) out.push(i);
    }
    return out;
  }

  /** The first problems of included rows (errors before notes), and how many more there are. */
  get listedProblems(): { items: CellProblem[]; more: number } {
    const errors: CellProblem[] = [];
    const notes: CellProblem[] = [];
    for (const row of this.summary.rows) {
      if (row.excluded) continue;
      for (const p of row.problems) (p.severity === 'error' ? errors : notes).push(p);
    }
    const all = [...errors, ...notes];
    return { items: all.slice(0, LISTED_PROBLEMS), more: Math.max(0, all.length - LISTED_PROBLEMS) };
  }

  /** Columns that feed a field, in source order (the preview's data columns). */
  get mappedColumns(): { column: number; field: ImportField }[] {
    const out: { column: number; field: ImportField }[] = [];
    this.mapping.forEach((field, column) => {
      if (field) out.push({ column, field });
    });
    return out;
  }

  get mappingProblems(): ({ kind: 'nameMissing' } | { kind: 'duplicate'; field: ImportField })[] {
    const out: ({ kind: 'nameMissing' } | { kind: 'duplicate'; field: ImportField })[] = [];
    if (!this.mapping.includes('name') && !this.mapping.includes('id')) out.push({ kind: 'nameMissing' });
    for (const field of duplicateFields(this.mapping)) out.push({ kind: 'duplicate', field });
    return out;
  }

  // ---- source ----

  setPasteText(text: string): void {
    this.pasteText = text;
    this.file = null;
    this.fileError = null;
  }

  async chooseFile(file: File): Promise<void> {
    runInAction(() => {
      this.reading = true;
      this.fileError = null;
    });
    const result = await readCustomerFile(file, this.root.client);
    runInAction(() => {
      this.reading = false;
      if ('error' in result) {
        this.fileError = result.error;
        return;
      }
      this.file = result;
      this.sheetIndex = Math.max(0, result.sheets.findIndex((s) => s.rows.length > 0));
      this.decimalComma = result.delimiter === ';';
    });
  }

  chooseSheet(index: number): void {
    this.sheetIndex = index;
  }

  get sourceRowCount(): number {
    return this.grid.filter((r) => r.some((c) => c.trim() !== '')).length;
  }

  toMapping(): void {
    const auto = autoMap(this.grid, this.context);
    this.hasHeader = auto.hasHeader;
    this.mapping = auto.mapping;
    this.excludedLines = new Set();
    this.fixes = new Map();
    this.step = 'mapping';
  }

  // ---- mapping ----

  setHasHeader(hasHeader: boolean): void {
    this.hasHeader = hasHeader;
    this.mapping = mapFor(this.grid, hasHeader, this.width, this.context);
  }

  setField(column: number, field: ImportField | null): void {
    const next = [...this.mapping];
    while (next.length < this.width) next.push(null);
    next[column] = field;
    this.mapping = next;
  }

  setDefaults(patch: Partial<ImportDefaults>): void {
    this.defaults = { ...this.defaults, ...patch };
  }

  setExisting(policy: ExistingIdPolicy): void {
    this.existing = policy;
  }

  setDecimalComma(on: boolean): void {
    this.decimalComma = on;
  }

  toPreview(): void {
    this.rejection = null;
    this.step = 'preview';
  }

  back(): void {
    this.rejection = null;
    this.step = this.step === 'preview' ? 'mapping' : 'source';
  }

  // ---- preview ----

  setExcluded(line: number, excluded: boolean): void {
    if (excluded) this.excludedLines.add(line);
    else this.excludedLines.delete(line);
  }

  excludeRowsWithProblems(): void {
    for (const row of this.summary.rows) if (row.problems.some((p) => p.severity === 'error')) this.excludedLines.add(row.line);
  }

  includeAll(): void {
    this.excludedLines.clear();
  }

  setOnlyProblems(on: boolean): void {
    this.onlyProblems = on;
  }

  /** The cell's current text (fixed or as read). */
  cellText(rowIndex: number, column: number): string {
    return this.rows[rowIndex]?.cells[column] ?? '';
  }

  fixCell(rowIndex: number, column: number, value: string): void {
    const row = this.rows[rowIndex];
    if (!row) return;
    this.fixes.set(`${row.line}:${column}`, value);
  }

  /** Writes the included rows in one batch; true when written. Nothing is written on refusal. */
  async commit(): Promise<boolean> {
    const summary = this.summary;
    if (summary.withErrors > 0 || summary.ready === 0 || this.busy) return false;
    const edits = buildImportEdits(summary);
    const tr = this.root.ui.tr;
    runInAction(() => {
      this.busy = true;
      this.rejection = null;
      this.frozen = summary;
    });
    try {
      await this.root.plan.batch(edits, tr.t('import.historyLabel', { count: edits.length }));
      this.root.ui.toast(tr.t('import.done', { creates: summary.creates, updates: summary.updates }));
      return true; // the dialog closes; the frozen summary stays until it does
    } catch (e) {
      const rejection = describeRejection(toApiError(e), summary);
      runInAction(() => {
        this.rejection = rejection;
        this.frozen = null;
      });
      return false;
    } finally {
      runInAction(() => (this.busy = false));
    }
  }
}

interface RejectionDetails {
  edit?: number;
  issues?: { path: string; message: string }[];
}

/** The host's reasons, with the source row where the failing edit says which. */
function describeRejection(error: ApiError, summary: ValidationSummary): Rejection[] {
  const details = (error.details ?? {}) as RejectionDetails;
  const row = details.edit !== undefined ? rowOfEdit(summary, details.edit) : null;
  const line = row !== null ? (summary.rows[row]?.line ?? null) : null;
  const issues = details.issues ?? [];
  if (issues.length === 0) return [{ line, message: error.message }];
  return issues.map((i) => ({ line, message: i.path ? `${i.path}: ${i.message}` : i.message }));
}
