// The demo plans are an example of the method (issue #9, item 8): valid
// plan-format v2, the two languages parallel, and each part of the method
// filled in — checked here so an edit of one file cannot quietly drop it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../shared/plan/parse';
import { RATIO_TARGET_METRICS, type Plan, type Range } from '../../shared/plan/types';

const load = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../resources/demo/demo.${lang}.plan.json`, import.meta.url), 'utf8')) as Plan;
const LANGS = ['en', 'zh-CN'] as const;

/** The plan with every free text blanked: what must be equal in both languages. */
function skeleton(p: Plan): unknown {
  const TEXT = new Set(['name', 'description', 'title', 'intent', 'region', 'industry', 'needs', 'text', 'note']);
  return JSON.parse(JSON.stringify(p), (key, v: unknown) => (TEXT.has(key) ? '' : key === 'exitCriteria' ? (v as string[]).length : v));
}
const bounds = (r: Range) => (typeof r === 'number' ? { min: r, max: r } : r);

describe('demo plans', () => {
  it.each(LANGS)('%s is a valid version-2 document', (lang) => {
    const r = validatePlan(load(lang));
    expect(r.ok ? r.fromVersion : r.issues).toBe(2);
  });

  it('en and zh-CN say the same thing: equal but for their texts', () => {
    expect(skeleton(load('zh-CN'))).toEqual(skeleton(load('en')));
  });

  it.each(LANGS)('%s fills in each part of the method', (lang) => {
    const p = load(lang);
    const key = p.customers.filter((c) => c.tier === 'S' || c.tier === 'A');
    expect(key.filter((c) => !c.needs)).toEqual([]);
    const pursued = p.customers.filter((c) => c.breakthroughPhaseId);
    expect(pursued.length).toBeGreaterThan(0);
    for (const c of pursued) expect(Object.keys(c.relationshipPlan ?? {})).toEqual(p.phases.map((ph) => ph.id));
    expect(p.funnels.flatMap((f) => f.stages).filter((s) => !s.ownerId)).toEqual([]);
    expect(p.people.filter((x) => x.role === 'platform')).toHaveLength(2);
    const ratio = p.targets.filter((t) => (RATIO_TARGET_METRICS as readonly string[]).includes(t.metric));
    expect(ratio.length).toBeGreaterThan(0);
    expect(ratio.filter((t) => !t.funnelId && !t.segmentId)).toEqual([]);
    for (const ph of p.phases) {
      expect(ph.exitChecks!.length).toBeGreaterThan(0);
      expect(ph.focusSegmentIds!.length).toBeGreaterThan(0);
    }
    expect(new Set(p.goals.map((g) => g.status)).size).toBeGreaterThan(1);
    expect(p.decisions!.length).toBeGreaterThanOrEqual(3);
    expect(new Set(p.actuals!.map((a) => a.month))).toEqual(new Set(['2027-01', '2027-02', '2027-03']));
  });

  it.each(LANGS)('%s actuals agree with the plan: leads inside phase 1’s range, no win before the shortest cycle', (lang) => {
    const p = load(lang);
    const p1 = p.phases[0]!;
    for (const a of p.actuals!) {
      expect(a.month >= p1.start && a.month <= p1.end).toBe(true);
      const seg = p.segments.find((s) => s.id === a.segmentId)!;
      if (a.metric === 'leads') {
        const { min, max } = bounds(seg.leads.find((l) => l.phaseId === p1.id)!.perMonth);
        expect(a.value).toBeGreaterThanOrEqual(min);
        expect(a.value).toBeLessThanOrEqual(max);
      }
      // A deal takes at least the sum of its stages' minimum days: no win is recorded before the plan could have one.
      if (a.metric === 'wins') {
        const funnel = p.funnels.find((f) => f.id === seg.funnelId)!;
        const shortest = funnel.stages.reduce((sum, s) => sum + bounds(s.days).min, 0);
        const monthEnd = (Number(a.month.slice(5)) - Number(p.plan.startMonth.slice(5)) + 1) * 30.4;
        if (monthEnd < shortest) expect(a.value).toBe(0);
      }
    }
  });
});
