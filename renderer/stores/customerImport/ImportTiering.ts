// The import's tiering step: S/A/B/C by rule over the rows about to be
// written (ranked by potential or by any number column of the file), alone or
// together with the plan's other customers; the preview of counts, potential
// and tier changes; and the import's edits with those tiers — still one batch,
// so the import and its tiers undo in one step. While the rule has problems
// (shares over 100 %, text in the number column…) the import waits.
// A rule on potential can be kept in the plan (plan-format v2 `tiering`);
// when the plan has one, turning tiering on starts from it over the whole
// list — the plan's rule re-applied after the import.
import { action, computed, makeObservable, observable } from 'mobx';
import type { Edit } from '../../../shared/api/contract';
import { buildImportEdits, isTypedCell, type SourceRow, type ValidationSummary } from '../../../shared/import';
import type { Customer, Tier } from '../../../shared/plan/types';
import {
  itemsFromImport,
  itemsWithExisting,
  previewTiering,
  tieredImportEdits,
  type TieringItem,
  type TieringPreview,
  type TieringProblem,
  type TieringRule,
} from '../../../shared/tiering';
import { sameRule } from '../customers/TieringDraft';
import { TieringDraft } from '../customers/TieringDraft';

/** Which customers the rule ranks: the imported rows, or the whole list after the import. */
export type TieringOver = 'import' | 'list';

/** What the tiering step reads of the import session. */
export interface TieringSource {
  readonly summary: ValidationSummary;
  readonly rows: readonly SourceRow[];
  readonly width: number;
  readonly decimalComma: boolean;
  readonly customers: readonly Customer[];
  currency(): string;
  /** The tier rows get when their cell is empty (the rule needs one to start from). */
  setDefaultTier(tier: Tier | null): void;
  readonly defaultTier: Tier | null;
}

export class ImportTiering {
  on = false;
  /** The source column to rank by; null: the customer's potential. */
  column: number | null = null;
  over: TieringOver = 'import';
  /** Keep the rule as the plan's (only a rule on potential: the plan's rule ranks by potential). */
  keep = false;
  readonly draft: TieringDraft;
  private tierBefore: Tier | null = null;

  constructor(
    private readonly source: TieringSource,
    private readonly planRule: () => TieringRule | null,
  ) {
    const rule = planRule();
    this.draft = new TieringDraft(() => source.currency(), rule);
    if (rule) {
      this.over = 'list';
      this.keep = true;
    }
    makeObservable<ImportTiering, 'tierBefore'>(this, {
      on: observable,
      column: observable,
      over: observable,
      keep: observable,
      tierBefore: observable,
      ruleToKeep: computed,
      setKeep: action,
      items: computed,
      preview: computed,
      problems: computed,
      numberColumns: computed,
      setOn: action,
      setColumn: action,
      setOver: action,
    });
  }

  /** Columns with at least one number in them (a column with text cells is still offered: its text is named). */
  get numberColumns(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.source.width; c++) if (this.source.rows.some((r) => isTypedCell(r.cells[c] ?? ''))) out.push(c);
    return out;
  }

  get items(): TieringItem[] {
    const s = this.source;
    const imported = itemsFromImport(s.summary, s.rows, this.column, { currency: s.currency(), decimalComma: s.decimalComma });
    return this.over === 'list' ? itemsWithExisting(imported, s.customers) : imported;
  }

  /** null while off or while a rule text is not a number (see problems). */
  get preview(): TieringPreview | null {
    if (!this.on) return null;
    const rule = this.draft.rule;
    if (!rule) return null;
    return previewTiering(this.items, rule);
  }

  /** Why the rule cannot be applied (empty: it can, or tiering is off). */
  get problems(): TieringProblem[] {
    if (!this.on) return [];
    if (this.draft.problems.length > 0) return this.draft.problems;
    const p = this.preview;
    return p && !p.ok ? p.problems : [];
  }

  setOn(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    if (on) {
      // Rows without a tier of their own start at C; the rule then places them.
      this.tierBefore = this.source.defaultTier;
      this.source.setDefaultTier('C');
    } else this.source.setDefaultTier(this.tierBefore);
  }

  /** The plan's rule, when the import starts from it. */
  get planRuleNow(): TieringRule | null {
    return this.planRule();
  }

  /** The rule to store in the plan with this import (null: none, or the plan has it already). */
  get ruleToKeep(): TieringRule | null {
    const rule = this.draft.rule;
    if (!this.on || !this.keep || this.column !== null || !rule || this.problems.length > 0) return null;
    const stored = this.planRule();
    return stored && sameRule(stored, rule) ? null : rule;
  }

  setKeep(keep: boolean): void {
    this.keep = keep;
  }

  setColumn(column: number | null): void {
    this.column = column;
  }

  setOver(over: TieringOver): void {
    this.over = over;
  }

  /** The batch: the import with the rule's tiers (and the list's changes), or the import alone. */
  edits(summary: ValidationSummary): Edit[] {
    if (!this.on) return buildImportEdits(summary);
    const preview = this.preview;
    if (!preview?.ok) throw new Error('the tiering rule has problems: nothing to apply');
    return tieredImportEdits(summary, preview, new Map(this.source.customers.map((c) => [c.id, c])));
  }
}
