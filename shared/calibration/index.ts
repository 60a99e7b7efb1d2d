// Calibration from deal history (simulation-model.md): a CRM opportunities
// export → deals (deals.ts, dates.ts) → the history's figures (estimate.ts,
// beta.ts) → suggested Ranges and the accepted ones as one batch (suggest.ts).
// Pure: the CLI and the screen read the file and call calibrate().
import type { Funnel, Segment } from '../plan/types';
import { readDeals, type DealReadOptions, type DealReadResult } from './deals';
import { dealsOfSegment, estimateFigures, stageIndex, type HistoryFigures } from './estimate';
import type { CalibrationProblem } from './problems';
import { suggestRanges, type Suggestion } from './suggest';

export * from './actuals';
export * from './beta';
export * from './dates';
export * from './deals';
export * from './estimate';
export * from './problems';
export * from './suggest';

export interface CalibrationResult {
  read: Omit<DealReadResult, 'deals'>;
  /** Deals used for the figures (of the segment, when one is chosen and the file has a segment column). */
  used: number;
  figures: HistoryFigures | null;
  suggestions: Suggestion[];
  problems: CalibrationProblem[];
  /** False when a problem is an error: the screen shows the problems, nothing can be applied. */
  ok: boolean;
}

/** The whole calibration of a grid (header first) against a funnel and optional segment. */
export function calibrate(
  grid: readonly (readonly string[])[],
  opts: Omit<DealReadOptions, 'isStage'>,
  funnel: Funnel,
  segment: Segment | null,
): CalibrationResult {
  const read = readDeals(grid, { ...opts, isStage: (t) => stageIndex(funnel, t) !== null });
  const { deals, ...readRest } = read;
  if (!read.ok) return { read: readRest, used: 0, figures: null, suggestions: [], problems: read.problems, ok: false };
  const mine = dealsOfSegment(deals, segment);
  const stageColumn = read.columnNames.stage;
  const { figures, problems } = estimateFigures(mine, funnel, stageColumn !== undefined ? { stageColumn } : {});
  const all = [...read.problems, ...problems];
  const ok = !all.some((p) => p.severity === 'error');
  return { read: readRest, used: mine.length, figures, suggestions: ok ? suggestRanges(figures, funnel, segment) : [], problems: all, ok };
}
