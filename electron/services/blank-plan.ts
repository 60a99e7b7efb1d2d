// A new plan: the four default market phases of the method (6, 6, 12 and 12
// months from next month), named in the user's language, nothing else yet.
import { randomInt } from 'node:crypto';
import { translate } from '../../shared/i18n/translate';
import { monthFromOrdinal, addMonths } from '../../shared/plan/months';
import { FORMAT_NAME, FORMAT_VERSION, type Phase, type Plan } from '../../shared/plan/types';
import type { PlanLang } from './demo';

const DEFAULT_PHASES = [
  ['entry', 6],
  ['breakthrough', 6],
  ['expansion', 12],
  ['consolidation', 12],
] as const;

export function blankPlan(lang: PlanLang, name?: string, now = new Date()): Plan {
  const startMonth = monthFromOrdinal(now.getFullYear() * 12 + now.getMonth() + 1);
  let offset = 0;
  const phases: Phase[] = DEFAULT_PHASES.map(([stage, months], i) => {
    const phase: Phase = {
      id: `p${i + 1}`,
      name: translate(lang, `stage.${stage}`),
      stage,
      start: addMonths(startMonth, offset),
      end: addMonths(startMonth, offset + months - 1),
    };
    offset += months;
    return phase;
  });
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    plan: {
      name: name ?? translate(lang, 'newBlank.defaultName'),
      currency: 'CNY',
      startMonth,
      horizonMonths: offset,
      seed: randomInt(0, 2 ** 32),
      trials: 10_000,
    },
    phases,
    funnels: [],
    segments: [],
    people: [],
    customers: [],
    goals: [],
    targets: [],
    scenarios: [],
  };
}
