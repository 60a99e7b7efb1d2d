// A benchmark case: one figure, measured by run(), compared with a budget.
// Add a case by exporting it from a file in bench/cases/ and listing it in
// bench/cases/index.ts; bench/run.ts prints them all in order.

export interface BenchCase {
  /** The figure's name as printed, e.g. "Monte Carlo, 10,000 trials". */
  name: string;
  unit: 'ms' | 'MB' | 'count';
  /** Pass when measured <= budget; null when the figure is informational. */
  budget: number | null;
  /**
   * Measures the figure (in `unit`). May be async. Repeated measurements
   * come back as `{ runs }`: the median is the figure, and min/median/max
   * are printed as the run's noise.
   */
  run(): Measurement | Promise<Measurement>;
  /** Called once after the chosen cases ran: closes what a case left open for the next (a browser, a host). */
  cleanup?(): Promise<void>;
}

export type Measurement = number | { runs: number[] };
