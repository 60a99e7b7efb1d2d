// The demo plan as an import context, and a one-call pipeline for tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  autoMap,
  createImportContext,
  dataRows,
  parseClipboardText,
  validateRows,
  type ImportSettings,
  type ValidationSummary,
} from '../../../shared/import';
import type { Plan } from '../../../shared/plan/types';

export function demoPlan(lang: 'en' | 'zh-CN' = 'en'): Plan {
  return JSON.parse(readFileSync(join(import.meta.dirname, `../../../resources/demo/demo.${lang}.plan.json`), 'utf8')) as Plan;
}

export function demoContext(lang: 'en' | 'zh-CN' = 'en') {
  const p = demoPlan(lang);
  return createImportContext({ currency: p.plan.currency, ...p });
}

/** Pasted TSV → auto mapping → validation, with optional setting overrides. */
export function importText(
  tsv: string,
  overrides: Partial<ImportSettings> = {},
  lang: 'en' | 'zh-CN' = 'en',
  excluded?: Set<number>,
): ValidationSummary & { settings: ImportSettings } {
  const ctx = demoContext(lang);
  const grid = parseClipboardText(tsv);
  const auto = autoMap(grid, ctx);
  const settings: ImportSettings = {
    hasHeader: auto.hasHeader,
    mapping: auto.mapping,
    defaults: { segmentId: null, tier: null, status: 'target' },
    existing: 'error',
    decimalComma: false,
    ...overrides,
  };
  return { ...validateRows(dataRows(grid, settings.hasHeader), settings, ctx, excluded), settings };
}

export const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
