// The label of a group header: a tier's name, a phase's or segment's name,
// or "No breakthrough phase".
import { useStores, useT } from '../../../stores/context';
import { NO_PHASE } from '../../../stores/customers/rows';
import { isTier } from './filterValues';

export function useGroupLabel(): (value: string) => string {
  const { customers: view } = useStores();
  const tr = useT();
  const by = view.groupBy;
  const names = view.names;
  return (value) => {
    switch (by) {
      case 'tier':
        return isTier(value) ? tr.t(`tier.${value}`) : value;
      case 'phase':
        return value === NO_PHASE ? tr.t('customers.filter.noPhase') : (names.phases.get(value) ?? value);
      case 'segment':
        return names.segments.get(value) ?? value;
      case 'none':
        return value;
      default: {
        const never: never = by;
        return never;
      }
    }
  };
}
