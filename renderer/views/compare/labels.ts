// A compared scenario's name: its own, or "Plan as entered" for null.
import { useStores, useT } from '../../stores/context';
import type { CompareKey } from '../../stores/compare/CompareStore';

export function useScenarioLabel(): (key: CompareKey) => string {
  const { plan } = useStores();
  const tr = useT();
  return (key) => (key === null ? tr.t('compare.asEntered') : (plan.collections.scenarios.get(key)?.name ?? key));
}
