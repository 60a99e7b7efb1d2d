import { observer } from 'mobx-react-lite';
import type { CollectionKind } from '../../../shared/api/contract';
import { formatNumber, type PlainKey } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';

const SHOWN: { kind: CollectionKind; label: PlainKey }[] = [
  { kind: 'customers', label: 'overview.count.customers' },
  { kind: 'segments', label: 'overview.count.segments' },
  { kind: 'funnels', label: 'overview.count.funnels' },
  { kind: 'people', label: 'overview.count.people' },
  { kind: 'goals', label: 'overview.count.goals' },
  { kind: 'targets', label: 'overview.count.targets' },
  { kind: 'scenarios', label: 'overview.count.scenarios' },
];

export const CountsList = observer(function CountsList() {
  const { plan } = useStores();
  const tr = useT();
  return (
    <section className="card" aria-labelledby="contents-heading">
      <h2 id="contents-heading" className="card-title">
        {tr.t('overview.contentsHeading')}
      </h2>
      <dl className="counts">
        {SHOWN.map(({ kind, label }) => (
          <div key={kind} className="count" data-kind={kind}>
            <dt>{tr.t(label)}</dt>
            <dd>{formatNumber(plan.counts[kind], tr.locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
});
