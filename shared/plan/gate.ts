// Phase-gate review (阶段评审): each exit check of a phase measured against
// the plan and the latest simulation run, as pass / at risk / fail / not
// simulated, with the evidence behind the verdict. Pure, so the Phases and
// Gate screens and the PDF export judge a gate the same way
// (docs/phase-gate.md; normative: plan-format.md "Version 2",
// simulation-model.md "Choices settled").
import type { Customer, ExitCheck, Goal, Phase, Target } from './types';

export const GATE_STATUSES = ['pass', 'atRisk', 'fail', 'notSimulated'] as const;
export type GateStatus = (typeof GATE_STATUSES)[number];

/** A check measuring below its threshold by at most this much (0.10 = 10 percentage points) is
 * "at risk" rather than failed: close enough that a push before the gate can still make it. */
export const AT_RISK_MARGIN = 0.1;

/** What a gate needs from the latest run of the plan as entered (no scenario, Monte Carlo). */
export interface GateRun {
  /** The plan's simulation inputs changed since the run. */
  stale: boolean;
  /** Attainment probability per target id (a run in expected-value mode has none: null). */
  targetProbability: ReadonlyMap<string, number | null>;
}

export interface GatePlan {
  customers: readonly Customer[];
  goals: readonly Goal[];
  targets: readonly Target[];
}

/** Why a check could not be measured. */
export type NotMeasured = 'noRun' | 'stale' | 'notInRun' | 'missingTarget';

export interface CheckEvaluation {
  check: ExitCheck;
  status: GateStatus;
  /** The measured probability or share; null when not simulated. */
  measured: number | null;
  /** The threshold the check asks for (probability or share). */
  required: number;
  /** Customers or goals the share counts (coverage, relationship, goals); 0 for target checks. */
  total: number;
  /** How many of `total` meet the check. */
  meeting: number;
  /** Ids of the customers (coverage, relationship) or goals (goals) that do not meet it: what to fix. */
  short: string[];
  /** Set when status is notSimulated. */
  why: NotMeasured | null;
}

export interface PhaseGate {
  phaseId: string;
  /** The worst of the checks (fail, then at risk, then not simulated, then pass); null: no checks. */
  status: GateStatus | null;
  checks: CheckEvaluation[];
}

/** pass at or above the threshold, at risk within AT_RISK_MARGIN below it, fail further below. */
export function statusOf(measured: number, required: number): GateStatus {
  // A hair of tolerance so that 2 of 3 meets a share of 0.67 written as two thirds.
  const eps = 0.005;
  if (measured + eps >= required) return 'pass';
  if (measured + eps >= required - AT_RISK_MARGIN) return 'atRisk';
  return 'fail';
}

const SEVERITY: Record<GateStatus, number> = { fail: 3, atRisk: 2, notSimulated: 1, pass: 0 };

export function worstStatus(statuses: readonly GateStatus[]): GateStatus | null {
  let worst: GateStatus | null = null;
  for (const s of statuses) if (worst === null || SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** A share over a population: an empty population has nothing to fall short, so it passes (1). */
function shareCheck(check: ExitCheck, required: number, ids: string[], meets: (id: string) => boolean): CheckEvaluation {
  const short = ids.filter((id) => !meets(id));
  const meeting = ids.length - short.length;
  const measured = ids.length === 0 ? 1 : meeting / ids.length;
  return { check, status: statusOf(measured, required), measured, required, total: ids.length, meeting, short, why: null };
}

export function evaluateCheck(phase: Phase, check: ExitCheck, plan: GatePlan, run: GateRun | null): CheckEvaluation {
  const breakthrough = plan.customers.filter((c) => c.breakthroughPhaseId === phase.id);
  switch (check.kind) {
    case 'target': {
      const base = { check, required: check.probability, total: 0, meeting: 0, short: [] as string[] };
      const notSimulated = (why: NotMeasured): CheckEvaluation => ({ ...base, status: 'notSimulated', measured: null, why });
      if (!plan.targets.some((t) => t.id === check.targetId)) return notSimulated('missingTarget');
      if (!run) return notSimulated('noRun');
      if (run.stale) return notSimulated('stale');
      const p = run.targetProbability.get(check.targetId);
      if (p === undefined || p === null) return notSimulated('notInRun');
      return { ...base, status: statusOf(p, check.probability), measured: p, why: null };
    }
    case 'coverage': {
      const inTiers = breakthrough.filter((c) => check.tiers.includes(c.tier));
      const byId = new Map(inTiers.map((c) => [c.id, c]));
      return shareCheck(check, check.share, inTiers.map((c) => c.id), (id) =>
        check.roles.every((role) => byId.get(id)!.owners[role] !== null),
      );
    }
    case 'relationship': {
      const byId = new Map(breakthrough.map((c) => [c.id, c]));
      return shareCheck(check, check.share, breakthrough.map((c) => c.id), (id) =>
        byId.get(id)!.relationship[check.layer] >= check.level,
      );
    }
    case 'goals': {
      const goals = plan.goals.filter((g) => g.phaseId === phase.id);
      const byId = new Map(goals.map((g) => [g.id, g]));
      return shareCheck(check, check.share, goals.map((g) => g.id), (id) => byId.get(id)!.status === 'achieved');
    }
  }
}

export function evaluatePhaseGate(phase: Phase, plan: GatePlan, run: GateRun | null): PhaseGate {
  const checks = (phase.exitChecks ?? []).map((c) => evaluateCheck(phase, c, plan, run));
  return { phaseId: phase.id, status: worstStatus(checks.map((c) => c.status)), checks };
}

/** The gate's view of a stored run: target probabilities by id (expected-value runs give null). */
export function gateRunOf(stale: boolean, phases: readonly { targets: readonly { id: string; probability: number | null }[] }[]): GateRun {
  const targetProbability = new Map<string, number | null>();
  for (const p of phases) for (const t of p.targets) targetProbability.set(t.id, t.probability);
  return { stale, targetProbability };
}
