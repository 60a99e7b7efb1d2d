// What a scenario does, in words, in both languages — and the pure edits
// the Scenarios screen saves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n';
import type { Funnel, Plan, Scenario } from '../../shared/plan/types';
import { describeScenario, formatChange } from '../../renderer/stores/scenarios/scenarioText';
import { addStageAdjust, removeStageAdjust, setMultiplier, setStageAdjust } from '../../renderer/stores/scenarios/scenarioEdits';

const read = (lang: string) => JSON.parse(readFileSync(new URL(`../../resources/demo/demo.${lang}.plan.json`, import.meta.url), 'utf8')) as Plan;
const en = createTranslator('en');
const zh = createTranslator('zh-CN');
const funnel = (id: string, stages: [string, string][]): Funnel => ({
  id,
  name: id.toUpperCase(),
  process: 'ltc',
  stages: stages.map(([key, name]) => ({ key, name, conversion: 0.5, days: 10 })),
  dealSize: 1,
  deliveryDays: 1,
  payments: [{ share: 1, days: 1 }],
});
const one = [funnel('ltc', [['lead', 'Manage leads'], ['bid', 'Bid']])];

describe('describeScenario', () => {
  it('says each change as a signed percentage, in order, capitalised', () => {
    const adjust = { leads: 0.8, conversion: 0.9, days: 1.2, stages: [{ funnelId: 'ltc', stageKey: 'bid', conversion: 0.8 }] };
    expect(describeScenario(adjust, en, one)).toBe('Leads \u221220%, conversion \u221210%, stage days +20%, Bid stage conversion ×0.8');
    expect(describeScenario(adjust, zh, one)).toBe('线索 \u221220%，转化率 \u221210%，阶段天数 +20%，Bid阶段转化率 ×0.8');
  });

  it('leaves out what does not change and says so when nothing does', () => {
    expect(describeScenario({ dealSize: 1, leads: 1.25 }, en, one)).toBe('Leads +25%');
    expect(describeScenario({}, en, one)).toBe(en.t('scenarios.none'));
    expect(describeScenario({ dealSize: 1 }, zh, one)).toBe(zh.t('scenarios.none'));
  });

  it('names the funnel of a stage when the plan has more than one', () => {
    const two = [...one, funnel('mtc', [['visit', 'Store visit']])];
    expect(describeScenario({ stages: [{ funnelId: 'mtc', stageKey: 'visit', conversion: 1.1 }] }, en, two)).toBe(
      'Store visit stage (MTC) conversion ×1.1',
    );
  });

  it('reads the demo scenarios with the demo’s own stage names', () => {
    const demoZh = read('zh-CN');
    const pessimistic = demoZh.scenarios.find((s) => s.id === 'pessimistic')!;
    expect(describeScenario(pessimistic.adjust, zh, demoZh.funnels)).toContain('合同签订阶段');
    const demoEn = read('en');
    expect(describeScenario(demoEn.scenarios.find((s) => s.id === 'pessimistic')!.adjust, en, demoEn.funnels)).toMatch(/^Leads \u221220%/);
  });
});

describe('formatChange', () => {
  it('rounds binary noise away and keeps a sign', () => {
    expect(formatChange(0.9, en)).toBe('\u221210%');
    expect(formatChange(1.055, en)).toBe('+5.5%');
    expect(formatChange(1.0000001, en)).toBe('±0%');
    expect(formatChange(0, en)).toBe('\u2212100%');
  });
});

describe('scenario edits', () => {
  const base: Scenario = { id: 's', name: 'S', adjust: { leads: 0.8 } };

  it('sets and clears a multiplier (cleared = absent, not 1)', () => {
    expect(setMultiplier(base, 'days', 1.2).adjust).toEqual({ leads: 0.8, days: 1.2 });
    expect(setMultiplier(base, 'leads', undefined).adjust).toEqual({});
    expect('leads' in setMultiplier(base, 'leads', undefined).adjust).toBe(false);
    expect(base.adjust).toEqual({ leads: 0.8 });
  });

  it('adds an adjustment for the next stage not yet adjusted, then none when all are', () => {
    const a = addStageAdjust(base, one);
    expect(a.adjust.stages).toEqual([{ funnelId: 'ltc', stageKey: 'lead', conversion: 1 }]);
    const b = addStageAdjust(a, one);
    expect(b.adjust.stages!.map((s) => s.stageKey)).toEqual(['lead', 'bid']);
    expect(addStageAdjust(b, one)).toBe(b);
  });

  it('moves an adjustment to another funnel’s first stage, and drops the list when emptied', () => {
    const two = [...one, funnel('mtc', [['visit', 'Store visit']])];
    const a = addStageAdjust(base, two);
    const moved = setStageAdjust(a, 0, { funnelId: 'mtc' }, two);
    expect(moved.adjust.stages).toEqual([{ funnelId: 'mtc', stageKey: 'visit', conversion: 1 }]);
    expect(removeStageAdjust(moved, 0).adjust).toEqual({ leads: 0.8 });
  });
});
