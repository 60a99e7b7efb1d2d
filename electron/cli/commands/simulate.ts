import { parseArgs } from 'node:util';
import type { ExpectedResult, SimulationResult } from '../../../shared/simulation';
import { KPI_METRICS } from '../../../shared/plan/types';
import { formatPercent } from '../../../shared/i18n';
import { UsageError, type CommandRun } from '../command';
import { formatValue, numberOption, table } from './simulation-text';

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
    await cli.call('file.open', { path: cli.path(positionals[0]!) });
    const { runId } = await cli.call('simulation.run', {
      ...(trials !== undefined ? { trials } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values.scenario !== undefined ? { scenarioId: values.scenario } : {}),
      ...(values.expected ? { expected: true } : {}),
    });
    const { run } = await cli.call('simulation.wait', { runId });
    if (values.json) {
      cli.out(`${JSON.stringify(run.result)}\n`);
      return 0;
    }
    const { plan } = await cli.call('plan.get', {});
    const names = new Map(plan.phases.map((p) => [p.id, p.name]));
    const scopeNames = new Map([
      ...plan.funnels.map((f) => [`funnel:${f.id}`, f.name] as const),
      ...plan.segments.map((s) => [`segment:${s.id}`, s.name] as const),
    ]);
    cli.out(`Simulation of "${plan.plan.name}"\n${describe(run.result, names, scopeNames, plan.plan.currency)}`);
    return 0;
  },
};
