// How the customer is pursued as a named deal: its breakthrough phase, the
// funnel stage it enters at, the value of its first deal (a number or a
// min / most likely / max range; without one the funnel's deal size is
// used) and its status.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { CUSTOMER_STATUSES, type Customer, type CustomerStatus } from '../../../../shared/plan/types';
import { RangeInput } from '../../../components/RangeInput';
import { useStores, useT } from '../../../stores/context';
import type { SaveCustomer } from './saveCustomer';
import { LabelledSelect } from '../../../components/LabelledSelect';

/** The simulation's entry stage when none is set (simulation-model.md). */
const DEFAULT_ENTRY_STAGE = 1;

export const PursuitFields = observer(function PursuitFields(props: {
  customer: Customer;
  save: SaveCustomer;
  /** For a field that shows its own refusal. */
  saveQuietly: SaveCustomer;
}) {
  const { plan } = useStores();
  const tr = useT();
  const c = props.customer;
  const checkId = useId();
  const segment = plan.collections.segments.get(c.segmentId);
  const stages = (segment && plan.collections.funnels.get(segment.funnelId)?.stages) ?? [];
  const stageLabel = (i: number) => tr.t('customers.detail.entryStage.option', { index: i, name: stages[i]?.name ?? '' });
  const currency = plan.settings?.currency ?? '';

  return (
    <div className="cd-pursuit">
      <LabelledSelect
        label={tr.t('customers.col.phase')}
        value={c.breakthroughPhaseId ?? ''}
        options={[['', tr.t('customers.none')], ...plan.collections.phases.list.map((p) => [p.id, p.name] as const)]}
        onChange={(v) =>
          void props.save((d) => {
            if (v === '') delete d.breakthroughPhaseId;
            else d.breakthroughPhaseId = v;
          })
        }
      />
      <LabelledSelect
        label={tr.t('customers.detail.entryStage')}
        value={c.entryStage === undefined ? '' : String(c.entryStage)}
        options={[
          ['', tr.t('customers.detail.entryStage.default', { stage: stageLabel(Math.min(DEFAULT_ENTRY_STAGE, Math.max(0, stages.length - 1))) })],
          ...stages.map((_, i) => [String(i), stageLabel(i)] as const),
        ]}
        onChange={(v) =>
          void props.save((d) => {
            if (v === '') delete d.entryStage;
            else d.entryStage = Number(v);
          })
        }
      />
      <LabelledSelect
        label={tr.t('customers.col.status')}
        value={c.status}
        options={CUSTOMER_STATUSES.map((s) => [s, tr.t(`status.${s}`)] as const)}
        onChange={(v) => void props.save((d) => (d.status = v as CustomerStatus))}
      />
      <div className="cd-first-deal">
        <label className="cd-check" htmlFor={checkId}>
          <input
            id={checkId}
            type="checkbox"
            checked={c.firstDeal !== undefined}
            onChange={(e) =>
              void props.save((d) => {
                if (e.target.checked) d.firstDeal = d.potential > 0 ? Math.round(d.potential / 10) : 1;
                else delete d.firstDeal;
              })
            }
          />
          {tr.t('customers.detail.firstDeal.set')}
        </label>
        {c.firstDeal !== undefined && (
          <RangeInput
            label={tr.t('customers.detail.firstDeal')}
            value={c.firstDeal}
            unit="money"
            currency={currency}
            onCommit={(value) => props.saveQuietly((d) => (d.firstDeal = value))}
          />
        )}
      </div>
    </div>
  );
});
