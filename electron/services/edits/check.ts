// The plan-format rules an edit could break, checked inside the edit's
// transaction after it is applied, with the rules of shared/plan/rules.ts
// themselves: the small collections (settings, phases, funnels, segments,
// scenarios — at most a few thousand rows) are re-checked whole; customers,
// goals and targets only where an edit touched them, in a partial plan that
// holds them and what they refer to, with the paths mapped back to their
// real positions. The database was valid before the edit, so any issue found
// is the edit's.
import { ApiError } from '../../../shared/api/result';
import { checkPlanRules, type PlanIssue } from '../../../shared/plan/rules';
import { FORMAT_NAME, FORMAT_VERSION, type Plan } from '../../../shared/plan/types';
import { CODECS, readActuals, readSettings, readTiering, type Db } from '../../store';
import { entityExists, readAllEntities, readEntitiesById, type Positioned } from '../../store/entities/repository';
import { stmt } from '../../store/sql';
import { countReferences, inUseError } from './references';
import type { EditTracker, LargeKind } from './types';

/**
 * The small collections whole, plus the people and targets they refer to
 * (stage owners, decision authors, exit-check targets), so their references
 * resolve without reading every person and target.
 */
function smallPlan(db: Db): Plan {
  const phases = readAllEntities(db, CODECS.phases);
  const funnels = readAllEntities(db, CODECS.funnels);
  const decisions = readAllEntities(db, CODECS.decisions);
  const personIds = new Set<string>();
  for (const f of funnels) for (const st of f.stages) if (st.ownerId) personIds.add(st.ownerId);
  for (const d of decisions) if (d.byId) personIds.add(d.byId);
  const targetIds = new Set<string>();
  for (const ph of phases) for (const c of ph.exitChecks ?? []) if (c.kind === 'target') targetIds.add(c.targetId);
  const tiering = readTiering(db);
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    plan: readSettings(db),
    phases,
    funnels,
    segments: readAllEntities(db, CODECS.segments),
    people: readEntitiesById(db, CODECS.people, personIds).map((p) => p.value),
    customers: [],
    goals: [],
    targets: readEntitiesById(db, CODECS.targets, targetIds).map((t) => t.value),
    scenarios: readAllEntities(db, CODECS.scenarios),
    ...(tiering ? { tiering } : {}),
    decisions,
    actuals: readActuals(db),
  };
}

/** Customers whose entry stage is past the last stage of their segment's funnel. */
function customersPastLastStage(db: Db): string[] {
  return stmt(
    db,
    `SELECT c.id FROM customers c JOIN segments s ON s.id = c.segment_id
      WHERE c.entry_stage IS NOT NULL
        AND c.entry_stage >= (SELECT count(*) FROM funnel_stages fs WHERE fs.funnel_id = s.funnel_id)`,
  )
    .pluck()
    .all() as string[];
}

function checkTouched(db: Db, base: Plan, ids: Record<LargeKind, Set<string>>): PlanIssue[] {
  const customers = readEntitiesById(db, CODECS.customers, ids.customers);
  const goals = readEntitiesById(db, CODECS.goals, ids.goals);
  const targets = readEntitiesById(db, CODECS.targets, ids.targets);
  // What the touched entities refer to, so their references resolve.
  const extraCustomers = readEntitiesById(
    db,
    CODECS.customers,
    goals.flatMap((g) => (g.value.customerId && !ids.customers.has(g.value.customerId) ? [g.value.customerId] : [])),
  );
  const personIds = new Set<string>();
  for (const { value: c } of customers) for (const p of Object.values(c.owners)) if (p) personIds.add(p);
  for (const { value } of [...goals, ...targets]) if (value.ownerId) personIds.add(value.ownerId);
  const plan: Plan = {
    ...base,
    people: readEntitiesById(db, CODECS.people, personIds).map((p) => p.value),
    customers: [...customers, ...extraCustomers].map((c) => c.value),
    goals: goals.map((g) => g.value),
    targets: targets.map((t) => t.value),
  };
  const positions: Record<LargeKind, Positioned<unknown>[]> = { customers, goals, targets };
  const out: PlanIssue[] = [];
  for (const issue of checkPlanRules(plan)) {
    const m = /^(customers|goals|targets)\[(\d+)\](.*)$/.exec(issue.path);
    if (!m) continue; // the small collections are checked on their own
    const at = positions[m[1] as LargeKind][Number(m[2])];
    if (at) out.push({ path: `${m[1]}[${at.position}]${m[3]}`, message: issue.message });
  }
  return out;
}

export function invalidPlanError(issues: PlanIssue[], lead = 'The change was not made'): ApiError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new ApiError('invalid_plan', `${lead}: ${first.path ? `${first.path}: ` : ''}${first.message}${more}`, { issues });
}

/** Throws in_use or invalid_plan if the transaction's edits left the plan breaking a rule. */
export function checkAfterEdits(db: Db, tracker: EditTracker): void {
  for (const { kind, id, name } of tracker.deleted) {
    if (entityExists(db, CODECS[kind].table, id)) continue; // re-created in the same batch
    const refs = countReferences(db, kind, id);
    if (refs.length) throw inUseError(kind, id, name, refs);
  }
  const touched = tracker.touched;
  const pastLastStage = tracker.funnelsOrSegmentsChanged ? customersPastLastStage(db) : [];
  const anyTouched = touched.customers.size + touched.goals.size + touched.targets.size + pastLastStage.length > 0;
  if (!tracker.smallChanged && !anyTouched) return;
  const base = smallPlan(db);
  // base holds only the targets exit checks name (and not their owners): target rules are checkTouched's.
  const issues = tracker.smallChanged ? checkPlanRules(base).filter((i) => !i.path.startsWith('targets')) : [];
  if (anyTouched)
    issues.push(...checkTouched(db, base, { ...touched, customers: new Set([...touched.customers, ...pastLastStage]) }));
  if (issues.length) throw invalidPlanError(issues);
}
