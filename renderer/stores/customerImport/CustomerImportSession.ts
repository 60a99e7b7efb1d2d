// The state of one customer-import dialog, from pasted text or a file to the batch
// written. Everything the steps show is a computed getter over the source
// grid, the user's choices and the open plan; the pure work is shared/import.
// Steps: rows → columns (header and column guesses with their reasons, the
// factor for potential) → values (a column's values to segments, tiers,
// statuses or owners, ImportValueMaps.ts) → tiers (by rule, ImportTiering.ts)
// → check and import (previewRows.ts, writeImport.ts); the columns step's
// logic is mappingChoices.ts. The choices are remembered per kind of file (a
// recipe, rememberedChoices.ts) once the import is written.
import { action, computed, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { SpreadsheetSheet } from '../../../shared/api/methods/import';
import {
  createImportContext,
  dataRows,
  gridWidth,
  guessColumns,
  guessMapping,
  parseClipboardText,
  parseFactor,
  validateRows,
  type CellProblem,
  type ColumnGuess,
  type ColumnMapping,
  type ExistingIdPolicy,
  type HeaderGuess,
  type ImportContext,
  type ImportDefaults,
  type ImportField,
  type ImportSettings,
  type Reason,
  type SourceRow,
  type ValidationSummary,
} from '../../../shared/import';
import type { ImportRecipe } from '../../../shared/api/methods/import';
import type { Customer, Person, Segment, Tier } from '../../../shared/plan/types';
import type { RootStore } from '../RootStore';
import { toApiError } from '../PlanStore';
import { ImportTiering, type TieringSource } from './ImportTiering';
import { columnReason, mappedColumns, mappingProblems, withField, withRecipe, type MappingProblem } from './mappingChoices';
import { excludedIndexes, fixKey, listedProblems, rowsWithFixes, visibleRows } from './previewRows';
import { ImportValueMaps, type ValueMapsSource } from './ImportValueMaps';
import { rejectionOf, writeImport, type Rejection } from './writeImport';
import { keepRecipe, readRecipe, recipeKeyOf } from './rememberedChoices';
import { readCustomerFile, type FileReadError, type ReadFile } from './readCustomerFile';

export type ImportStep = 'source' | 'mapping' | 'values' | 'tiering' | 'preview';
export const IMPORT_STEPS: readonly ImportStep[] = ['source', 'mapping', 'values', 'tiering', 'preview'];

export class CustomerImportSession implements TieringSource, ValueMapsSource {
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
  /** The values step: a column's values to segments, tiers, statuses or owners. */
  readonly values: ImportValueMaps;

  constructor(
    private readonly root: RootStore,
    initialText = '',
  ) {
    this.pasteText = initialText;
    this.tiering = new ImportTiering(this, () => root.plan.tiering);
    this.values = new ImportValueMaps(this);
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
      factorText: observable,
      potentialFactor: computed,
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

  get people(): readonly Person[] {
    return this.root.plan.collections.people.plainList;
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
    return rowsWithFixes(dataRows(this.grid, this.hasHeader), this.fixes, this.width);
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
      valueMaps: this.values.maps,
    };
  }

  get summary(): ValidationSummary {
    if (this.frozen) return this.frozen;
    return validateRows(this.rows, this.settings, this.context, excludedIndexes(this.rows, this.excludedLines));
  }

  /** Indexes (into the data rows) the grid shows. */
  get visibleRows(): number[] {
    return visibleRows(this.summary, this.onlyProblems);
  }

  /** The first problems of included rows (errors before notes), and how many more there are. */
  get listedProblems(): { items: CellProblem[]; more: number } {
    return listedProblems(this.summary);
  }

  /** Columns that feed a field, in source order (the preview's data columns). */
  get mappedColumns(): { column: number; field: ImportField }[] {
    return mappedColumns(this.mapping);
  }

  get mappingProblems(): MappingProblem[] {
    return mappingProblems(this.mapping, this.potentialFactor, this.factorText);
  }

  /** Why column `c` feeds its field: the guess's reason, the last import of this kind, or the user's choice. */
  columnReason(c: number): Reason {
    return columnReason(c, this.mapping, this.guesses, this.remembered);
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
      this.values.replace([]);
      this.excludedLines = new Set();
      this.fixes = new Map();
      this.step = 'mapping';
    });
    await this.loadRemembered();
  }

  private get recipeKeyNow(): string {
    return recipeKeyOf(this.grid, this.hasHeader);
  }

  private async loadRemembered(): Promise<void> {
    const key = this.recipeKeyNow;
    const recipe = key ? await readRecipe(this.root.client, key) : null;
    if (recipe && this.recipeKeyNow === key) this.applyRemembered(recipe);
  }

  applyRemembered(recipe: ImportRecipe): void {
    const applied = withRecipe(this.grid[0] ?? [], this.mapping, recipe);
    if (!applied) return;
    this.mapping = applied.mapping;
    this.remembered = applied.remembered;
    this.values.replace(applied.valueMaps);
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
    const next = withField(this.mapping, this.remembered, this.width, column, field);
    this.mapping = next.mapping;
    if (next.remembered !== this.remembered) this.remembered = next.remembered;
  }

  setFactorText(text: string): void {
    this.factorText = text;
  }

  toValues(): void {
    this.rejection = null;
    this.step = 'values';
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
    if (this.values.unmappedCount > 0) return 'unmappedValues';
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
    this.fixes.set(fixKey(row.line, column), value);
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
    try {
      await writeImport(this.root.plan, edits, tr.t('import.historyLabel', { count: edits.length }), this.tiering.ruleToKeep);
      this.root.ui.toast(tr.t('import.done', { creates: summary.creates, updates: summary.updates }));
      await this.remember();
      return true; // the dialog closes; the frozen summary stays until it does
    } catch (e) {
      const rejection = rejectionOf(toApiError(e), summary);
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
    const choices = { header: this.grid[0] ?? [], mapping: this.mapping, valueMaps: this.values.maps, factorText: this.factorText, potentialFactor: this.potentialFactor };
    // The rows are written; only the choices are not kept — say so, the next import asks again.
    if (!(await keepRecipe(this.root.client, key, choices))) this.root.ui.toast(this.root.ui.tr.t('import.recipe.notSaved'));
  }
}
