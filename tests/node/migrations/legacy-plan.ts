// Writing a plan into a file of an older schema (versions 1–3, whose plan
// tables are those of 001_initial.ts), with SQL of its own: the store's
// codecs write the newest schema only, and a migration test must start from
// a file exactly as an older build left it. Plans given here use only
// plan-format v1 fields (v1's target metric is "cycleDays").
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS, type Db } from '../../../electron/store';
import { setMeta } from '../../../electron/store/meta';
import type { Plan, Range } from '../../../shared/plan/types';

type V1Metric = Plan['targets'][number]['metric'] | 'cycleDays';
export type LegacyPlan = Omit<Plan, 'targets' | 'formatVersion'> & {
  formatVersion: 1 | 2;
  targets: (Omit<Plan['targets'][number], 'metric'> & { metric: V1Metric })[];
};

const range = (r: Range) => JSON.stringify(r);
const FACTORS = ['transactionPath', 'customerExperience', 'productValue', 'customerTrust', 'customerRelationship', 'salesSkill', 'pricePerformance'] as const;

export function writeLegacyPlan(db: Db, plan: LegacyPlan): void {
  const run = (sql: string, ...values: unknown[]) => db.prepare(sql).run(...values);
  const s = plan.plan;
  run('INSERT INTO plan_settings VALUES (1, ?, ?, ?, ?, ?, ?, ?)', s.name, s.description ?? null, s.currency, s.startMonth, s.horizonMonths, s.seed, s.trials);
  plan.phases.forEach((p, i) => {
    run('INSERT INTO phases VALUES (?, ?, ?, ?, ?, ?, ?, ?)', p.id, i, p.name, p.stage, p.start, p.end, p.intent ?? null, p.exitCriteria ? 1 : 0);
    p.exitCriteria?.forEach((text, j) => run('INSERT INTO phase_exit_criteria VALUES (?, ?, ?)', p.id, j, text));
  });
  plan.funnels.forEach((f, i) => {
    run('INSERT INTO funnels VALUES (?, ?, ?, ?, ?, ?)', f.id, i, f.name, f.process, range(f.dealSize), range(f.deliveryDays));
    f.stages.forEach((st, j) => run('INSERT INTO funnel_stages VALUES (?, ?, ?, ?, ?, ?)', f.id, j, st.key, st.name, range(st.conversion), range(st.days)));
    f.payments.forEach((p, j) => run('INSERT INTO funnel_payments VALUES (?, ?, ?, ?)', f.id, j, p.share, range(p.days)));
  });
  plan.segments.forEach((seg, i) => {
    run('INSERT INTO segments VALUES (?, ?, ?, ?)', seg.id, i, seg.name, seg.funnelId);
    seg.leads.forEach((l, j) => run('INSERT INTO segment_leads VALUES (?, ?, ?, ?)', seg.id, j, l.phaseId ?? null, range(l.perMonth)));
  });
  plan.people.forEach((p, i) => run('INSERT INTO people VALUES (?, ?, ?, ?)', p.id, i, p.name, p.role));
  plan.customers.forEach((c, i) =>
    run(
      `INSERT INTO customers VALUES (${Array.from({ length: 26 }, () => '?').join(', ')})`,
      c.id, i, c.name, c.segmentId, c.tier, c.relationship.key, c.relationship.broad, c.relationship.organizational, c.potential,
      c.region ?? null, c.industry ?? null, c.owners.AR, c.owners.SR, c.owners.FR, c.factors ? 1 : 0,
      ...FACTORS.map((f) => c.factors?.[f] ?? null),
      c.breakthroughPhaseId ?? null, c.entryStage ?? null, c.firstDeal === undefined ? null : range(c.firstDeal), c.status,
    ),
  );
  plan.goals.forEach((g, i) =>
    run('INSERT INTO goals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', g.id, i, g.phaseId, g.customerId, g.title, g.metric, g.target, g.due, g.ownerId),
  );
  plan.targets.forEach((t, i) => run('INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?)', t.id, i, t.phaseId, t.metric, t.value, t.ownerId));
  plan.scenarios.forEach((sc, i) => {
    const a = sc.adjust;
    run('INSERT INTO scenarios VALUES (?, ?, ?, ?, ?, ?, ?, ?)', sc.id, i, sc.name, a.leads ?? null, a.conversion ?? null, a.dealSize ?? null, a.days ?? null, a.stages ? 1 : 0);
    a.stages?.forEach((st, j) => run('INSERT INTO scenario_stage_adjusts VALUES (?, ?, ?, ?, ?)', sc.id, j, st.funnelId, st.stageKey, st.conversion));
  });
}

/**
 * A plan-format v1 plan: `plan` without what v2 added (what an older build
 * held): new keys dropped, platform people left out (only v2 keys name them),
 * target scopes dropped, salesCycleDays written as v1's cycleDays.
 */
export function asV1(plan: Plan): LegacyPlan {
  const { tiering: _t, ...rest } = plan;
  return {
    ...rest,
    formatVersion: 1,
    phases: plan.phases.map(({ focusSegmentIds: _f, exitChecks: _e, ...p }) => p),
    funnels: plan.funnels.map((f) => ({ ...f, stages: f.stages.map(({ ownerId: _o, ...s }) => s) })),
    people: plan.people.filter((p) => p.role !== 'platform').map(({ customerLimit: _l, ...p }) => p),
    customers: plan.customers.map(({ needs: _n, relationshipPlan: _r, ...c }) => c),
    goals: plan.goals.map(({ status: _s, ...g }) => g),
    targets: plan.targets.map(({ funnelId: _f, segmentId: _s, ...t }) => {
      if (t.metric === 'deliveryCycleDays') throw new Error(`target ${t.id} is v2 only`);
      return t.metric === 'salesCycleDays' ? { ...t, metric: 'cycleDays' } : t;
    }),
    decisions: [],
    actuals: [],
  };
}

/** A plan file at schema `version`, built by that version's migrations, holding `plan`. */
export function createLegacyFile(path: string, plan: LegacyPlan, version: number, fill?: (db: Db) => void): void {
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version <= version));
    db.transaction(() => {
      setMeta(db, 'created_by', 'old-app');
      setMeta(db, 'created_at', '2027-01-01T00:00:00.000Z');
      setMeta(db, 'last_written_by', 'old-app');
      setMeta(db, 'revision', 0);
      writeLegacyPlan(db, plan);
      fill?.(db);
    })();
  } finally {
    db.close();
  }
}
