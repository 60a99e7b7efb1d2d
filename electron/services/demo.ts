// The demo plans ship inside the code (JSON modules), so a first launch works
// from any install and from the HTTP host without reading resources/.
import demoEn from '../../resources/demo/demo.en.plan.json' with { type: 'json' };
import demoZhCN from '../../resources/demo/demo.zh-CN.plan.json' with { type: 'json' };
import { formatIssues, validatePlan } from '../../shared/plan/parse';
import type { Plan } from '../../shared/plan/types';

export type PlanLang = 'en' | 'zh-CN';

/** A fresh, validated copy of the demo plan in `lang`. */
export function demoPlan(lang: PlanLang): Plan {
  const result = validatePlan(lang === 'zh-CN' ? demoZhCN : demoEn);
  if (!result.ok) throw new Error(`the built-in ${lang} demo plan is invalid:\n${formatIssues(result.issues)}`);
  return result.plan;
}
