// Builds the report model from a plan and its simulation results. Pure and
// synchronous: the service gathers the run and the sensitivity ranking (which
// need the worker pool) and passes them in.
import type { Locale } from '../i18n/translate';
import { addMonths } from '../plan/months';
import { evaluatePhaseGate, gateRunOf } from '../plan/gate';
import type { KpiMetric, Plan, Tier } from '../plan/types';
import { KPI_METRICS, SERIES_METRICS, TIERS } from '../plan/types';
import { expectedValue } from '../simulation';
import type { ExpectedResult, ReforecastResult, SensitivityResult, SimulationResult } from '../simulation';
import type {
  FunnelReport,
  LadderRow,
  PhaseGateRow,
  CustomerRow,
  FanSeries,
  InputRow,
  ReportModel,
  ReportRunInfo,
  ReportSection,
  Risk,
  ScenarioRow,
  SectionKind,
  Spread,
  TargetOdds,
} from './model';
import { gateCheckRow, type GateNames } from './gate-text';
import { SECTION_KINDS, unreachable } from './model';

export interface ReportInputs {
  plan: Plan;
  lang: Locale;
  scenarioId: string | null;
  /** Which sections, in the model's order; default all. */
  sections?: readonly SectionKind[];
  generatedAt: string;
  run: { info: ReportRunInfo; result: SimulationResult | ExpectedResult } | null;
  noRunReason?: string | null;
  sensitivity: SensitivityResult | null;
  /** Plan vs actual: the reforecast module's result on the run used (null without actuals or a Monte-Carlo run). */
  reforecast?: ReforecastResult | null;
}

/** Tiers listed customer by customer; the others are summarised (the issue: "S and A listed, B and C summarised"). */
export const LISTED_TIERS: readonly Tier[] = ['S', 'A'];
/** A report lists at most this many S/A customers (highest potential first within a tier); the workbook has them all. */
export const LISTED_MAX = 300;
export const RISK_COUNT = 3;
const FAN_METRICS = ['bookings', 'cash'] as const;

function names<T extends { id: string; name: string }>(items: readonly T[]): Map<string, string> {
  return new Map(items.map((i) => [i.id, i.name]));
}

export function buildReportModel(input: ReportInputs): ReportModel {
  const { plan } = input;
  const phaseName = names(plan.phases);
  const person = names(plan.people);
  const customerName = names(plan.customers);
  const segmentName = names(plan.segments);
  const funnelName = names(plan.funnels);
  const stageName = (funnelId: string, key: string) => plan.funnels.find((f) => f.id === funnelId)?.stages.find((s) => s.key === key)?.name ?? key;
  const scenario = input.scenarioId === null ? null : (plan.scenarios.find((s) => s.id === input.scenarioId) ?? null);
  const result = input.run?.result ?? null;
  const pursuitOf = new Map((result?.pursuits ?? []).map((p) => [p.customerId, p.probability]));
  const goalOdds = new Map((result?.goals ?? []).map((g) => [g.id, g.probability]));
  const scopeName = (t: { funnelId?: string; segmentId?: string }) =>
    t.funnelId ? (funnelName.get(t.funnelId) ?? t.funnelId) : t.segmentId ? (segmentName.get(t.segmentId) ?? t.segmentId) : null;

  // The gate judged on the run used (gather only passes an up-to-date run), as the Gate screen judges it.
  const gates = (): PhaseGateRow[] => {
    const run = result ? gateRunOf(false, result.phases) : null;
    const goalTitle = names(plan.goals.map((g) => ({ id: g.id, name: g.title })));
    const gateNames: GateNames = {
      target: (id) => plan.targets.find((t) => t.id === id),
      funnel: (id) => funnelName.get(id),
      segment: (id) => segmentName.get(id),
      customer: (id) => customerName.get(id),
      goalTitle: (id) => goalTitle.get(id),
    };
    return plan.phases.map((p) => {
      const g = evaluatePhaseGate(p, plan, run);
      return {
        phaseId: p.id,
        phaseName: p.name,
        status: g.status,
        checks: g.checks.map((e) => gateCheckRow(e, gateNames)),
      };
    });
  };

  const funnelKpis = (funnelId: string): FunnelReport['kpis'] => {
    const scope = result?.scopes.find((s) => s.kind === 'funnel' && s.id === funnelId);
    if (!scope) return null;
    const kpis = {} as Record<KpiMetric, Spread | null>;
    for (const k of KPI_METRICS) {
      const q = scope.kpis[k] as { mean: number | null; p10?: number | null; p50?: number | null; p90?: number | null };
      kpis[k] = q.mean === null ? null : { mean: q.mean, p10: q.p10 ?? null, p50: q.p50 ?? null, p90: q.p90 ?? null };
    }
    return kpis;
  };

  const odds: TargetOdds[] = plan.targets.map((t) => {
    const phaseResult = result?.phases.find((p) => p.id === t.phaseId);
    const targetResult = phaseResult?.targets.find((r) => r.id === t.id);
    const series = (SERIES_METRICS as readonly string[]).includes(t.metric);
    let outcome: Spread | null = null;
    if (phaseResult && series) {
      const q = phaseResult.totals[t.metric as (typeof SERIES_METRICS)[number]] as Partial<Spread> & { mean: number };
      outcome = { mean: q.mean, p10: q.p10 ?? null, p50: q.p50 ?? null, p90: q.p90 ?? null };
    }
    return {
      id: t.id,
      phaseId: t.phaseId,
      phaseName: phaseName.get(t.phaseId) ?? t.phaseId,
      metric: t.metric,
      value: t.value,
      owner: t.ownerId === null ? null : (person.get(t.ownerId) ?? t.ownerId),
      probability: targetResult?.probability ?? null,
      outcome,
    };
  });

  const risks = (s: SensitivityResult | null): Risk[] | null => {
    if (!s) return null;
    return s.items
      .filter((i) => i.swing !== null && i.swing !== 0)
      .slice(0, RISK_COUNT)
      .map((i): Risk => {
        const inp = i.input;
        const swing = Math.abs(i.swing!);
        switch (inp.kind) {
          case 'conversion':
          case 'days':
            return { input: { kind: inp.kind, funnel: funnelName.get(inp.funnelId) ?? inp.funnelId, stage: stageName(inp.funnelId, inp.stageKey) }, swing };
          case 'leads':
            return { input: { kind: 'leads', segment: segmentName.get(inp.segmentId) ?? inp.segmentId }, swing };
          case 'dealSize':
            return { input: { kind: 'dealSize', funnel: funnelName.get(inp.funnelId) ?? inp.funnelId }, swing };
        }
      });
  };

  const customerRow = (c: Plan['customers'][number]): CustomerRow => ({
    id: c.id,
    name: c.name,
    tier: c.tier,
    segment: segmentName.get(c.segmentId) ?? c.segmentId,
    region: c.region ?? '',
    industry: c.industry ?? '',
    status: c.status,
    potential: c.potential,
    relationship: c.relationship,
    owners: {
      AR: c.owners.AR === null ? null : (person.get(c.owners.AR) ?? c.owners.AR),
      SR: c.owners.SR === null ? null : (person.get(c.owners.SR) ?? c.owners.SR),
      FR: c.owners.FR === null ? null : (person.get(c.owners.FR) ?? c.owners.FR),
    },
    breakthroughPhase: c.breakthroughPhaseId === undefined ? null : (phaseName.get(c.breakthroughPhaseId) ?? c.breakthroughPhaseId),
    needs: c.needs ?? '',
    odds: pursuitOf.get(c.id) ?? null,
    goals: plan.goals.filter((g) => g.customerId === c.id).map((g) => ({ title: g.title, probability: goalOdds.get(g.id) ?? null })),
  });

  // Breakthrough customers, highest tier and potential first (as the customers section lists them).
  const ladderRows = (): LadderRow[] =>
    plan.customers
      .filter((c) => c.breakthroughPhaseId !== undefined)
      .sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || b.potential - a.potential)
      .map((c) => ({
        name: c.name,
        tier: c.tier,
        breakthroughPhase: phaseName.get(c.breakthroughPhaseId!) ?? c.breakthroughPhaseId!,
        today: c.relationship,
        planned: plan.phases.map((p) => c.relationshipPlan?.[p.id] ?? null),
      }));

  const fans = (): FanSeries[] => {
    if (!result) return [];
    return FAN_METRICS.map((metric) => {
      const s = result.series[metric] as { mean: number[]; p10?: number[]; p50?: number[]; p90?: number[] };
      return { metric, months: result.months, mean: s.mean, p10: s.p10 ?? null, p50: s.p50 ?? null, p90: s.p90 ?? null };
    });
  };

  const scenarioRows = (): ScenarioRow[] =>
    [null, ...plan.scenarios].map((s) => {
      let totals: ScenarioRow['totals'] = null;
      try {
        const ev = expectedValue(plan, { scenarioId: s?.id ?? null });
        totals = { leads: ev.totals.leads.mean, wins: ev.totals.wins.mean, bookings: ev.totals.bookings.mean, cash: ev.totals.cash.mean };
      } catch {
        // A plan that cannot be simulated yet still gets its scenarios listed, without figures.
      }
      const stageNames: Record<string, string> = {};
      for (const st of s?.adjust.stages ?? [])
        stageNames[`${st.funnelId}/${st.stageKey}`] = `${funnelName.get(st.funnelId) ?? st.funnelId}: ${stageName(st.funnelId, st.stageKey)}`;
      return { id: s?.id ?? null, name: s?.name ?? '', adjust: s?.adjust ?? null, stageNames, totals };
    });

  const inputs = (): InputRow[] => {
    const rows: InputRow[] = [];
    for (const seg of plan.segments)
      for (const e of seg.leads)
        rows.push({ kind: 'leads', segment: seg.name, phase: e.phaseId === undefined ? null : (phaseName.get(e.phaseId) ?? e.phaseId), value: e.perMonth, money: false });
    for (const f of plan.funnels) {
      for (const st of f.stages) {
        rows.push({ kind: 'conversion', funnel: f.name, stage: st.name, value: st.conversion, money: false });
        rows.push({ kind: 'days', funnel: f.name, stage: st.name, value: st.days, money: false });
      }
      rows.push({ kind: 'dealSize', funnel: f.name, value: f.dealSize, money: true });
      rows.push({ kind: 'deliveryDays', funnel: f.name, value: f.deliveryDays, money: false });
      f.payments.forEach((p, i) => rows.push({ kind: 'payment', funnel: f.name, payment: { n: i + 1, share: p.share }, value: p.days, money: false }));
    }
    return rows;
  };

  const section = (kind: SectionKind): ReportSection => {
    switch (kind) {
      case 'summary':
        return {
          kind,
          odds: plan.phases.map((p) => ({ phaseId: p.id, phaseName: p.name, targets: odds.filter((o) => o.phaseId === p.id) })),
          risks: risks(input.sensitivity),
          gates: gates(),
        };
      case 'roadmap':
        return {
          kind,
          phases: plan.phases.map((p) => ({ id: p.id, name: p.name, stage: p.stage, start: p.start, end: p.end, intent: p.intent ?? '', exitCriteria: p.exitCriteria ?? [] })),
        };
      case 'customers': {
        const tiers = TIERS.map((tier) => ({ tier, count: 0, potential: 0 }));
        const listed: CustomerRow[] = [];
        for (const c of plan.customers) {
          const t = tiers[TIERS.indexOf(c.tier)]!;
          t.count++;
          t.potential += c.potential;
          if (LISTED_TIERS.includes(c.tier)) listed.push(customerRow(c));
        }
        listed.sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || b.potential - a.potential);
        return { kind, tiers, listed: listed.slice(0, LISTED_MAX), notListed: Math.max(0, listed.length - LISTED_MAX) };
      }
      case 'goals':
        return {
          kind,
          goals: plan.goals.map((g) => ({
            id: g.id,
            phaseName: phaseName.get(g.phaseId) ?? g.phaseId,
            title: g.title,
            customer: g.customerId === null ? null : (customerName.get(g.customerId) ?? g.customerId),
            metric: g.metric,
            target: g.target,
            due: g.due,
            owner: g.ownerId === null ? null : (person.get(g.ownerId) ?? g.ownerId),
            probability: goalOdds.get(g.id) ?? null,
          })),
        };
      case 'ladder': {
        const rows = ladderRows();
        return { kind, phases: plan.phases.map((p) => p.name), rows: rows.slice(0, LISTED_MAX), notListed: Math.max(0, rows.length - LISTED_MAX) };
      }
      case 'targets':
        return { kind, targets: odds };
      case 'funnels':
        return {
          kind,
          funnels: plan.funnels.map((f) => ({
            id: f.id,
            name: f.name,
            process: f.process,
            stages: f.stages.map((s) => ({
              key: s.key,
              name: s.name,
              conversion: s.conversion,
              days: s.days,
              owner: s.ownerId === undefined ? null : (person.get(s.ownerId) ?? s.ownerId),
            })),
            dealSize: f.dealSize,
            segments: plan.segments.filter((s) => s.funnelId === f.id).map((s) => s.name),
            kpis: funnelKpis(f.id),
          })),
          fans: fans(),
        };
      case 'actuals': {
        const rf = input.reforecast ?? null;
        const count = (plan.actuals ?? []).length;
        if (!rf || count === 0) return { kind, count, asOf: null, checks: [], targets: [] };
        const targetOf = new Map(plan.targets.map((t) => [t.id, t]));
        return {
          kind,
          count,
          asOf: rf.asOf,
          checks: rf.checks.map((c) => ({ ...c, segment: c.segmentId === null ? null : (segmentName.get(c.segmentId) ?? c.segmentId) })),
          targets: rf.targets.map((t) => ({
            phaseName: phaseName.get(t.phaseId) ?? t.phaseId,
            metric: t.metric,
            value: t.value,
            scope: scopeName(targetOf.get(t.id) ?? {}),
            probability: t.probability,
            reforecast: t.reforecast,
          })),
        };
      }
      case 'scenarios':
        return { kind, rows: scenarioRows() };
      case 'decisions':
        return {
          kind,
          rows: [...(plan.decisions ?? [])]
            .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
            .map((d) => ({
              at: d.at,
              text: d.text,
              phase: d.phaseId === undefined ? null : (phaseName.get(d.phaseId) ?? d.phaseId),
              by: d.byId === undefined ? null : (person.get(d.byId) ?? d.byId),
            })),
        };
      case 'appendix':
        return { kind, inputs: inputs() };
      default:
        return unreachable(kind);
    }
  };

  const wanted = new Set(input.sections ?? SECTION_KINDS);
  return {
    lang: input.lang,
    cover: {
      planName: plan.plan.name,
      description: plan.plan.description ?? '',
      currency: plan.plan.currency,
      startMonth: plan.plan.startMonth,
      endMonth: addMonths(plan.plan.startMonth, plan.plan.horizonMonths - 1),
      horizonMonths: plan.plan.horizonMonths,
      generatedAt: input.generatedAt,
      scenarioId: scenario?.id ?? null,
      scenarioName: scenario?.name ?? null,
      run: input.run?.info ?? null,
      noRunReason: input.run ? null : (input.noRunReason ?? null),
    },
    sections: SECTION_KINDS.filter((k) => wanted.has(k)).map(section),
  };
}
