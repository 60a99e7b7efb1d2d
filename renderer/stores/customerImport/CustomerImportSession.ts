// The state of one customer-import dialog, from pasted text or a file to the batch
// written. Everything the steps show is a computed getter over the source
// grid, the user's choices and the open plan; the pure work is shared/import.
// Steps: rows → columns (header and column guesses with their reasons, the
// factor for potential) → values (a column's values to segments, tiers,
// statuses or owners) → tiers (by rule, ImportTiering.ts) → check and import.
// The choices are remembered per kind of file (a recipe) once the import is written.
import { action, computed, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { SpreadsheetSheet } from '../../../shared/api/methods/import';
import {
  applyRecipe,
  createImportContext,
  dataRows,
  distinctValues,
  duplicateFields,
  gridWidth,
  guessColumns,
  guessMapping,
  parseClipboardText,
  parseFactor,
  recipeKey,
  recipeOf,
  rowOfEdit,
  suggestValueMap,
  unmappedValues,
  validateRows,
  VALUE_MAP_FIELDS,
  type CellProblem,
  type ColumnGuess,
  type ColumnMapping,
  type DistinctValue,
  type ExistingIdPolicy,
  type HeaderGuess,
  type ImportContext,
  type ImportDefaults,
  type ImportField,
  type ImportSettings,
  type Reason,
  type SourceRow,
  type ValidationSummary,
  type ValueMap,
  type ValueMapField,
} from '../../../shared/import';
import type { ApiError } from '../../../shared/api/result';
import type { Customer, Segment, Tier } from '../../../shared/plan/types';
import { ImportTiering, type TieringSource } from './ImportTiering';
import type { ImportRecipe } from '../../../shared/api/methods/import';
import type { RootStore } from '../RootStore';
import { toApiError } from '../PlanStore';
import { readCustomerFile, type FileReadError, type ReadFile } from './readCustomerFile';

export type ImportStep = 'source' | 'mapping' | 'values' | 'tiering' | 'preview';
export const IMPORT_STEPS: readonly ImportStep[] = ['source', 'mapping', 'values', 'tiering', 'preview'];

export type MappingProblem = { kind: 'nameMissing' } | { kind: 'duplicate'; field: ImportField } | { kind: 'badFactor'; text: string };

/** A values map as the values step shows it: every distinct value, and those still without a target. */
export interface ValueMapView {
  index: number;
  map: ValueMap;
  values: DistinctValue[];
  unmapped: DistinctValue[];
}

export interface Rejection {
  line: number | null;
  message: string;
}

/** Problems listed under the preview; the grid marks them all. */
const LISTED_PROBLEMS = 100;

export class CustomerImportSession implements TieringSource {
  step: ImportStep = 'source';
  pasteText: string;
  /** The file read, when the rows come from one (null: the pasted text). */
  file: ReadFile | null = null;
  sheetIndex = 0;
  fileError: FileReadError | null = null;
  reading = false;

  hasHeader = false;
  /** Why the first row was taken for a header or for data (the checkbox overrules it). */
  headerGuess: HeaderGuess | null = null;
  /** The guess for each column with its reason, for the current header choice. */
  guesses: ColumnGuess[] = [];
  /** Columns whose field came from the last import of this kind of file. */
  remembered: ReadonlySet<number> = new Set();
  mapping: ColumnMapping = [];
  valueMaps: ValueMap[] = [];
  /** Potential = the "number for potential" column × this factor ('' = 1). */
  factorText = '';
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
  readonly tiering: ImportTiering;

  constructor(
    private readonly root: RootStore,
    initialText = '',
  ) {
    this.pasteText = initialText;
    this.tiering = new ImportTiering(this, () => root.plan.tiering);
    makeObservable<CustomerImportSession, 'settings' | 'frozen'>(this, {
      step: observable,
      pasteText: observable,
      file: observableRef,
      sheetIndex: observable,
      fileError: observableRef,
      reading: observable,
      hasHeader: observable,
      headerGuess: observableRef,
      guesses: observableRef,
      remembered: observableRef,
      mapping: observableRef,
      valueMaps: observableRef,
      factorText: observable,
      potentialFactor: computed,
      valueMapViews: computed,
      unmappedCount: computed,
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
      setFactorText: action,
      toValues: action,
      addValueMap: action,
      addValueMapFor: action,
      valueMapSuggestions: computed,
      setValueMap: action,
      setValueTarget: action,
      removeValueMap: action,
      toTiering: action,
      applyRemembered: action,
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

  get customers(): readonly Customer[] {
    return this.root.plan.collections.customers.plainList;
  }

  currency(): string {
    return this.context.currency;
  }

  get defaultTier(): Tier | null {
    return this.defaults.tier;
  }

  setDefaultTier(tier: Tier | null): void {
    this.setDefaults({ tier });
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

  /** The factor typed for potential: 1 when empty, null when it is not a number. */
  get potentialFactor(): number | null {
    return this.factorText.trim() === '' ? 1 : parseFactor(this.factorText);
  }

  private get settings(): ImportSettings {
    return {
      hasHeader: this.hasHeader,
      mapping: this.mapping,
      defaults: this.defaults,
      existing: this.existing,
      decimalComma: this.decimalComma,
      potentialFactor: this.potentialFactor ?? 1,
      valueMaps: this.valueMaps,
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

  get mappingProblems(): MappingProblem[] {
    const out: MappingProblem[] = [];
    if (!this.mapping.includes('name') && !this.mapping.includes('id')) out.push({ kind: 'nameMissing' });
    for (const field of duplicateFields(this.mapping)) out.push({ kind: 'duplicate', field });
    if (this.potentialFactor === null) out.push({ kind: 'badFactor', text: this.factorText });
    return out;
  }

  /** Why column `c` feeds its field: the guess's reason, the last import of this kind, or the user's choice. */
  columnReason(c: number): Reason {
    const field = this.mapping[c] ?? null;
    if (this.remembered.has(c) && field !== null) return { key: 'import.reason.remembered', params: { field } };
    const guess = this.guesses[c];
    if (guess && guess.field === field) return guess.reason;
    return field === null ? { key: 'import.reason.ignoredByHand', params: {} } : { key: 'import.reason.byHand', params: { field } };
  }

  // ---- values ----

  get valueMapViews(): ValueMapView[] {
    const rows = this.rows;
    return this.valueMaps.map((map, index) => ({ index, map, values: distinctValues(rows, map.column), unmapped: unmappedValues(rows, map) }));
  }

  /** Values still without a target over all maps: the import waits while any is left. */
  get unmappedCount(): number {
    return this.valueMapViews.reduce((n, v) => n + v.unmapped.length, 0);
  }

  /** What a values map's field can take: [value, label] pairs (labels of tiers and statuses are translated by the view). */
  targetsFor(field: ValueMapField): { value: string; label: string }[] {
    const c = this.root.plan.collections;
    if (field === 'segment') return c.segments.plainList.map((s) => ({ value: s.id, label: s.name }));
    if (field === 'tier' || field === 'status') return [];
    return c.people.plainList.map((p) => ({ value: p.id, label: p.name }));
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

  /** Guesses the header and the columns, then lays on the choices remembered for this kind of file. */
  async toMapping(): Promise<void> {
    runInAction(() => {
      const guess = guessMapping(this.grid, this.width, this.context);
      this.headerGuess = guess.header;
      this.hasHeader = guess.hasHeader;
      this.guesses = guess.guesses;
      this.mapping = guess.mapping;
      this.remembered = new Set();
      this.valueMaps = [];
      this.excludedLines = new Set();
      this.fixes = new Map();
      this.step = 'mapping';
    });
    await this.loadRemembered();
  }

  private get recipeKeyNow(): string {
    return this.hasHeader ? recipeKey(this.grid[0] ?? []) : '';
  }

  private async loadRemembered(): Promise<void> {
    const key = this.recipeKeyNow;
    if (!key) return;
    try {
      const recipe = await this.root.client.invoke('import.getRecipe', { key });
      if (recipe && this.recipeKeyNow === key) this.applyRemembered(recipe);
    } catch {
      // Nothing remembered can be read: the guesses stand (the user sees their reasons).
    }
  }

  applyRemembered(recipe: ImportRecipe): void {
    const applied = applyRecipe(this.grid[0] ?? [], recipe);
    if (!applied) return;
    const remembered = new Set<number>();
    const taken = new Set(applied.mapping.filter((f): f is ImportField => f !== null));
    this.mapping = this.mapping.map((guess, c) => {
      const field = applied.mapping[c] ?? null;
      if (field !== null) {
        remembered.add(c);
        return field;
      }
      return guess !== null && taken.has(guess) ? null : guess;
    });
    this.remembered = remembered;
    this.valueMaps = applied.valueMaps.map((m) => ({ ...m, values: { ...m.values } }));
    if (applied.potentialFactor !== undefined) this.factorText = String(applied.potentialFactor);
  }

  // ---- mapping ----

  setHasHeader(hasHeader: boolean): void {
    this.hasHeader = hasHeader;
    this.guesses = guessColumns(this.grid, hasHeader, this.width, this.context);
    this.mapping = this.guesses.map((g) => g.field);
    this.remembered = new Set();
  }

  setField(column: number, field: ImportField | null): void {
    const next = [...this.mapping];
    while (next.length < this.width) next.push(null);
    next[column] = field;
    this.mapping = next;
    if (this.remembered.has(column)) {
      const rest = new Set(this.remembered);
      rest.delete(column);
      this.remembered = rest;
    }
  }

  setFactorText(text: string): void {
    this.factorText = text;
  }

  toValues(): void {
    this.rejection = null;
    this.step = 'values';
  }

  /**
   * Columns fed to a segment, tier, status or owner whose values do not all
   * name one, and that have no values map yet: offered as "map its values"
   * (not opened by themselves: a typo is also fine to fix or exclude in the preview).
   */
  get valueMapSuggestions(): { column: number; field: ValueMapField; unresolved: number }[] {
    const rows = this.rows;
    const out: { column: number; field: ValueMapField; unresolved: number }[] = [];
    this.mapping.forEach((field, column) => {
      if (!field || !isValueMapField(field) || this.valueMaps.some((m) => m.field === field)) return;
      const unresolved = unmappedValues(rows, suggestValueMap(rows, column, field, this.context)).length;
      if (unresolved > 0) out.push({ column, field, unresolved });
    });
    return out;
  }

  /** A values map for `column` → `field`, values that already name one filled in. */
  addValueMapFor(column: number, field: ValueMapField): void {
    this.valueMaps = [...this.valueMaps, suggestValueMap(this.rows, column, field, this.context)];
  }

  /** A new values map: the first column not mapped yet, to the first field without a map. */
  addValueMap(): void {
    const used = new Set(this.valueMaps.map((m) => m.column));
    const column = Math.max(0, Array.from({ length: this.width }, (_, c) => c).find((c) => !used.has(c) && this.mapping[c] === null) ?? 0);
    const field = VALUE_MAP_FIELDS.find((f) => !this.valueMaps.some((m) => m.field === f)) ?? 'segment';
    this.valueMaps = [...this.valueMaps, suggestValueMap(this.rows, column, field, this.context)];
  }

  /** Another column or field for map `index`: its values are suggested afresh. */
  setValueMap(index: number, patch: { column?: number; field?: ValueMapField }): void {
    const old = this.valueMaps[index];
    if (!old) return;
    const next = suggestValueMap(this.rows, patch.column ?? old.column, patch.field ?? old.field, this.context);
    this.valueMaps = this.valueMaps.map((m, i) => (i === index ? next : m));
  }

  /** `target` null leaves the value without one (listed; the import waits). */
  setValueTarget(index: number, value: string, target: string | null): void {
    this.valueMaps = this.valueMaps.map((m, i) => {
      if (i !== index) return m;
      const values = { ...m.values };
      if (target === null) delete values[value];
      else values[value] = target;
      return { ...m, values };
    });
  }

  removeValueMap(index: number): void {
    this.valueMaps = this.valueMaps.filter((_, i) => i !== index);
  }

  toTiering(): void {
    this.rejection = null;
    this.step = 'tiering';
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
    this.step = IMPORT_STEPS[Math.max(0, IMPORT_STEPS.indexOf(this.step) - 1)]!;
  }

  /** Why the import cannot be written yet, apart from the rows' own problems. */
  get waitsFor(): 'unmappedValues' | 'tieringRule' | null {
    if (this.unmappedCount > 0) return 'unmappedValues';
    if (this.tiering.problems.length > 0 || (this.tiering.on && !this.tiering.preview?.ok)) return 'tieringRule';
    return null;
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
    if (summary.withErrors > 0 || summary.ready === 0 || this.busy || this.waitsFor !== null) return false;
    const edits = this.tiering.edits(summary);
    const tr = this.root.ui.tr;
    runInAction(() => {
      this.busy = true;
      this.rejection = null;
      this.frozen = summary;
    });
    const keep = this.tiering.ruleToKeep;
    const previousRule = this.root.plan.tiering;
    try {
      // The rule first, so the import stays the newest edit: one undo takes the import back.
      if (keep) await this.root.plan.setTiering(keep);
      try {
        await this.root.plan.batch(edits, tr.t('import.historyLabel', { count: edits.length }));
      } catch (e) {
        // All or nothing: the refused import leaves the plan's rule as it was.
        if (keep) await this.root.plan.setTiering(previousRule).catch(() => undefined);
        throw e;
      }
      this.root.ui.toast(tr.t('import.done', { creates: summary.creates, updates: summary.updates }));
      await this.remember();
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

  /** Keeps this import's choices for the next file with the same header (not an edit of the plan). */
  private async remember(): Promise<void> {
    const key = this.recipeKeyNow;
    if (!key) return;
    const recipe = recipeOf(this.grid[0] ?? [], this.mapping, this.valueMaps, this.factorText.trim() === '' ? undefined : (this.potentialFactor ?? undefined));
    try {
      await this.root.client.invoke('import.saveRecipe', { key, recipe });
    } catch {
      // The rows are written; only the choices are not kept — say so, the next import asks again.
      this.root.ui.toast(this.root.ui.tr.t('import.recipe.notSaved'));
    }
  }
}

const isValueMapField = (f: ImportField): f is ValueMapField => (VALUE_MAP_FIELDS as readonly string[]).includes(f);

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
