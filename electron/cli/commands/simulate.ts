import { parseArgs } from 'node:util';
import type { ExpectedResult, SimulationResult } from '../../../shared/simulation';
import { KPI_METRICS } from '../../../shared/plan/types';
import { formatPercent } from '../../../shared/i18n/format';
import { UsageError, type CommandRun } from '../command';
import { CLI_INLINE_TRIALS } from '../context';
import { defaultPoolSize, sharedPool } from '../../services/simulation/pool';
import { ESS_WARNING, type ReforecastResult } from '../../../shared/simulation';
import { formatValue, numberOption, table } from './simulation-text';
import { trace } from '../../services/trace';

type AnyResult = SimulationResult | ExpectedResult;
const SHOWN = ['bookings', 'revenue', 'cash'] as const;
const STATS = ['p10', 'p50', 'p90'] as const;

/** `names`: phase names by id; `scopeNames`: funnel and segment names by `funnel:id` / `segment:id`. */
function describe(r: AnyResult, names: Map<string, string>, scopeNames: Map<string, string>, currency: string): string {
  const expected = r.trials === 0;
  const head = expected
    ? `Expected values (no sampling, no uncertainty)`
    : `${r.trials.toLocaleString('en')} trials, seed ${r.seed}`;
  const scenario = r.scenario === null ? 'the plan as entered' : `scenario ${r.scenario}`;
  const lines = [`${head}; ${scenario}; ${(r.elapsedMs / 1000).toFixed(2)} s`, ''];

  const cols = expected ? ['mean'] : [...STATS, 'mean'];
  const totals: string[][] = [['phase', 'metric', ...cols]];
  for (const p of r.phases) {
    SHOWN.forEach((m, i) => {
      const s = p.totals[m] as Record<string, number>;
      totals.push([i === 0 ? `${names.get(p.id) ?? p.id} (${p.id})` : '', m, ...cols.map((c) => formatValue(m, s[c], currency))]);
    });
  }
  lines.push('Phase totals', table(totals, 2), '');

  const targets: string[][] = [['phase', 'target', 'metric', 'value', 'probability']];
  for (const p of r.phases)
    for (const t of p.targets)
      targets.push([
        p.id,
        t.id,
        `${t.metric}${t.funnelId ? ` in funnel ${t.funnelId}` : t.segmentId ? ` in segment ${t.segmentId}` : ''}${t.pooled ? ' (pooled funnels)' : ''}`,
        formatValue(t.metric, t.value, currency),
        t.probability === null ? '—' : formatPercent(t.probability, 'en', 1),
      ]);
  if (targets.length > 1) lines.push(expected ? 'Targets (a probability needs sampling)' : 'Targets: probability of attainment', table(targets, 3), '');

  // KPIs over the horizon per funnel, per segment and pooled; a pooled ratio says so.
  const kpis: string[][] = [['scope', 'KPI (horizon)', ...cols]];
  for (const sc of r.scopes) {
    const scope = sc.kind === 'all' ? `all funnels${sc.pooled ? ' (pooled)' : ''}` : `${sc.kind} ${scopeNames.get(`${sc.kind}:${sc.id}`) ?? sc.id} (${sc.id})`;
    KPI_METRICS.forEach((k, i) => {
      const s = sc.kpis[k] as Record<string, number | null>;
      kpis.push([i === 0 ? scope : '', k, ...cols.map((c) => formatValue(k, s[c], currency))]);
    });
  }
  lines.push(table(kpis, 2), '');

  const odds: string[][] = [['goal / pursuit', 'customer', 'by', 'planned levels', "today's levels"]];
  const pct = (p: number | null) => (p === null ? '—' : formatPercent(p, 'en', 1));
  for (const p of r.pursuits) odds.push([`pursuit (${p.phaseId})`, p.customerId, `end of ${p.phaseId}`, p.usesPlan ? pct(p.probability) : '—', pct(p.probabilityToday)]);
  for (const g of r.goals) odds.push([`goal ${g.id}`, g.customerId ?? '—', g.month, pct(g.probability), pct(g.probabilityToday)]);
  if (odds.length > 1) lines.push('Breakthrough odds: first contract won (not pursued: —)', table(odds, 3), '');
  return lines.join('\n');
}

/** Plan vs actual (each actual's place in the simulated range) and the reforecast of every target. */
function describeActuals(rf: ReforecastResult, currency: string): string {
  const pct = (p: number) => formatPercent(p, 'en', 1);
  const checks: string[][] = [['month', 'metric', 'scope', 'actual', 'p10', 'p50', 'p90', 'percentile', '']];
  for (const c of rf.checks)
    checks.push([
      c.month,
      c.metric,
      c.segmentId ?? 'whole plan',
      ...[c.value, c.p10, c.p50, c.p90].map((v) => formatValue(c.metric, v, currency)),
      pct(c.percentile),
      c.outside === 'below' ? 'below P10' : c.outside === 'above' ? 'above P90' : '',
    ]);
  const odds: string[][] = [['phase', 'target', 'metric', 'value', 'as planned', 'reforecast']];
  for (const t of rf.targets) odds.push([t.phaseId, t.id, t.metric, formatValue(t.metric, t.value, currency), pct(t.probability), pct(t.reforecast)]);
  const lines = [`Plan vs actual (actuals through ${rf.asOf})`, table(checks, 3), ''];
  lines.push(`Reforecast given the actuals: effective sample size ${rf.ess.toFixed(0)} of ${rf.trials.toLocaleString('en')} trials`);
  if (rf.ess < ESS_WARNING) lines.push(`  Below ${ESS_WARNING}: the plan's assumptions no longer explain the actuals; calibrate the funnel (calibrate FILE --history ...).`);
  if (odds.length > 1) lines.push(table(odds, 3));
  return `${lines.join('\n')}\n`;
}

export const simulateCommand: CommandRun = {
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        trials: { type: 'string' },
        seed: { type: 'string' },
        scenario: { type: 'string' },
        expected: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const trials = numberOption('trials', values.trials);
    const seed = numberOption('seed', values.seed);
    if (values.expected && (trials !== undefined || seed !== undefined)) throw new UsageError('--expected takes no --trials or --seed (it does not sample)');
    // A run for the worker pool (without --trials, the plan's count: 10,000 in a new plan): its
    // workers boot now, while this thread opens the file and reads the plan.
    // This thread runs a share of the chunks and merges them (it would only wait), beside one worker
    // fewer: as many threads as the app's pool, one start-up less (docs/simulation-runs.md, CLI).
    const pool = sharedPool({ size: defaultPoolSize() - 1, callerRuns: true });
    if (!values.expected && (trials ?? Infinity) > CLI_INLINE_TRIALS) pool.warm();
    const runArg = {
      ...(trials !== undefined ? { trials } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values.expected ? { expected: true } : {}),
    };
    // Numbers are the engine's to check (simulation_input names the range), so only a scenario id,
    // typed by the user, needs the API's schemas (and zod): they say what is wrong with a malformed one.
    let runId: string;
    if (values.scenario === undefined) {
      await cli.open(positionals[0]!);
      trace('file open');
      ({ runId } = await cli.direct('simulation.run', runArg));
    } else {
      await cli.call('file.open', { path: cli.path(positionals[0]!) });
      ({ runId } = await cli.call('simulation.run', { ...runArg, scenarioId: values.scenario }));
    }
    const { run } = await cli.direct('simulation.wait', { runId });
    trace('run stored');
    const { plan } = await cli.direct('plan.get', {});
    // With actuals, a Monte-Carlo run also answers "are we on track, and what are the odds now?".
    const rf = run.mode === 'monte-carlo' && (plan.actuals ?? []).length > 0 ? await cli.direct('simulation.reforecast', { runId: run.id }) : null;
    if (values.json) {
      const extra = rf
        ? {
            planVsActual: { asOf: rf.asOf, checks: rf.checks, tracks: rf.tracks },
            reforecast: { trials: rf.trials, seed: rf.seed, ess: rf.ess, essBelowWarning: rf.ess < ESS_WARNING, targets: rf.targets, series: rf.series },
          }
        : {};
      cli.out(`${JSON.stringify({ ...run.result, ...extra })}\n`);
      trace('result written');
      return 0;
    }
    const names = new Map(plan.phases.map((p) => [p.id, p.name]));
    const scopeNames = new Map([
      ...plan.funnels.map((f) => [`funnel:${f.id}`, f.name] as const),
      ...plan.segments.map((s) => [`segment:${s.id}`, s.name] as const),
    ]);
    cli.out(`Simulation of "${plan.plan.name}"\n${describe(run.result, names, scopeNames, plan.plan.currency)}`);
    if (rf) cli.out(describeActuals(rf, plan.plan.currency));
    return 0;
  },
};
