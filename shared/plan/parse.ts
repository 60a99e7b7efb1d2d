// Reading a plan-format document (version 1 or 2): size limit, JSON syntax,
// version (a version-1 document is upgraded, see upgrade.ts), shape, then the
// cross-field rules. Every problem is reported with its JSON path;
// the caller writes nothing unless `ok` is true.
import type { z } from 'zod';
import { planSchema } from './schema';
import { checkPlanRules, formatPath, type PlanIssue } from './rules';
import { FORMAT_NAME, FORMAT_VERSION, type Plan } from './types';
import { upgradeV1, v2FeaturesInV1 } from './upgrade';

export const MAX_PLAN_BYTES = 50 * 1024 * 1024;

/** `fromVersion`: the document's own formatVersion (1: upgraded to 2 on reading). */
export type PlanParseResult = { ok: true; plan: Plan; fromVersion: 1 | 2 } | { ok: false; issues: PlanIssue[] };

/** Parse JSON text (already decoded) into a validated plan. */
export function parsePlanText(text: string, byteLength = utf8Length(text)): PlanParseResult {
  if (byteLength > MAX_PLAN_BYTES)
    return fail('', `the file is ${(byteLength / 1048576).toFixed(1)} MB; plans over 50 MB are refused`);
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail('', `not valid JSON: ${(e as Error).message}`);
  }
  return validatePlan(doc);
}

/** Validate an already-parsed JSON value. */
export function validatePlan(doc: unknown): PlanParseResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return fail('', 'a plan must be a JSON object');
  const head = doc as Record<string, unknown>;
  if (head.format !== FORMAT_NAME)
    return fail('format', `must be "${FORMAT_NAME}" (this is not a sales-strategy plan)`);
  if (typeof head.formatVersion === 'number' && head.formatVersion > FORMAT_VERSION)
    return fail(
      'formatVersion',
      `this plan is format version ${head.formatVersion}; this app reads format version ${FORMAT_VERSION} — update the app to open it`,
    );
  if (head.formatVersion !== 1 && head.formatVersion !== FORMAT_VERSION)
    return fail('formatVersion', `must be 1 or ${FORMAT_VERSION} (the format versions this app reads)`);
  if (head.formatVersion === 1) {
    const v2 = v2FeaturesInV1(head);
    if (v2.length) return { ok: false, issues: v2 };
    doc = upgradeV1(head);
  }
  const proto = protoKeys(doc);
  if (proto.length) return { ok: false, issues: proto };
  const parsed = planSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const plan = parsed.data as Plan;
  const issues = checkPlanRules(plan);
  return issues.length ? { ok: false, issues } : { ok: true, plan, fromVersion: head.formatVersion };
}

/**
 * Keys "__proto__" anywhere in the document. JSON.parse makes them ordinary
 * keys, but zod drops them without a word (copying one would set a
 * prototype), so they are refused here: nothing in a plan is lost silently.
 */
function protoKeys(doc: unknown): PlanIssue[] {
  const out: PlanIssue[] = [];
  const path: (string | number)[] = [];
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(value)) {
      path.push(key);
      if (key === '__proto__') out.push({ path: formatPath(path), message: 'is reserved ("__proto__", "constructor" and "prototype" cannot be ids or keys)' });
      else walk((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(doc);
  return out;
}

export function zodIssues(error: z.ZodError): PlanIssue[] {
  const out: PlanIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), message: 'unknown key' });
    } else if (issue.code === 'invalid_union') {
      out.push({ path: formatPath(issue.path), message: unionMessage(issue) });
    } else if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      out.push({ path: formatPath(issue.path), message: `is required (${issue.expected})` });
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return out;
}

// A Range is number | {min, mode, max}: report the branch the value tried to be.
function unionMessage(issue: z.core.$ZodIssueInvalidUnion): string {
  const branches = issue.errors.map((errs) => errs.map((e) => `${formatPath(e.path) || 'value'} ${e.message}`));
  const best = branches.reduce((a, b) => (b.length < a.length && b.length > 0 ? b : a), branches[0] ?? []);
  const detail = best.filter(Boolean).join('; ');
  return `must be a number or {"min", "mode", "max"}${detail ? ` (${detail})` : ''}`;
}

function fail(path: string, message: string): PlanParseResult {
  return { ok: false, issues: [{ path, message }] };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function formatIssues(issues: PlanIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n');
}
