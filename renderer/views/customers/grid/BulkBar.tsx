// Shown while rows are selected: set tier, breakthrough phase, an owner per
// iron-triangle role or status on all of them at once (one plan.batch), or
// delete them.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { CUSTOMER_STATUSES, OWNER_ROLES, TIERS, type OwnerRole } from '../../../../shared/plan/types';
import { useStores, useT } from '../../../stores/context';
import { isPatchEmpty, type BulkPatch } from '../../../stores/customers/edits';
import { isStatus, isTier } from './filterValues';
import { LabelledSelect } from '../../../components/LabelledSelect';

/** Select values: '' leaves the field alone; NONE clears it. */
const KEEP = '';
const NONE = '\u0000none';

type Choices = { tier: string; phase: string; status: string } & Record<OwnerRole, string>;
const NOTHING: Choices = { tier: KEEP, phase: KEEP, status: KEEP, AR: KEEP, SR: KEEP, FR: KEEP };

function toPatch(c: Choices): BulkPatch {
  const patch: BulkPatch = {};
  if (isTier(c.tier)) patch.tier = c.tier;
  if (isStatus(c.status)) patch.status = c.status;
  if (c.phase !== KEEP) patch.phase = c.phase === NONE ? '' : c.phase;
  for (const role of OWNER_ROLES) if (c[role] !== KEEP) (patch.owners ??= {})[role] = c[role] === NONE ? null : c[role];
  return patch;
}

export const BulkBar = observer(function BulkBar({ onDelete }: { onDelete: () => void }) {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const [choices, setChoices] = useState<Choices>(NOTHING);
  if (view.selectedCount === 0) return null;
  const set = (field: keyof Choices) => (v: string) => setChoices((c) => ({ ...c, [field]: v }));
  const keep = <option value={KEEP}>{tr.t('customers.bulk.keep')}</option>;
  const none = <option value={NONE}>{tr.t('customers.none')}</option>;
  const patch = toPatch(choices);
  return (
    <section className="cb-bar" aria-label={tr.t('customers.bulk.region')}>
      <p className="cb-count" role="status">
        {tr.tn('customers.bulk.selected', view.selectedCount)}
      </p>
      <LabelledSelect layout="bar" label={tr.t('customers.col.tier')} value={choices.tier} onChange={set('tier')}>
        {keep}
        {TIERS.map((t) => (
          <option key={t} value={t}>
            {tr.t(`tier.${t}`)}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect layout="bar" label={tr.t('customers.col.phase')} value={choices.phase} onChange={set('phase')}>
        {keep}
        {none}
        {plan.collections.phases.plainList.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </LabelledSelect>
      {OWNER_ROLES.map((role) => (
        <LabelledSelect layout="bar" key={role} label={tr.t(`role.${role}`)} value={choices[role]} onChange={set(role)}>
          {keep}
          {none}
          {plan.collections.people.plainList
            .filter((p) => p.role === role)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </LabelledSelect>
      ))}
      <LabelledSelect layout="bar" label={tr.t('customers.col.status')} value={choices.status} onChange={set('status')}>
        {keep}
        {CUSTOMER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {tr.t(`status.${s}`)}
          </option>
        ))}
      </LabelledSelect>
      <div className="cb-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={isPatchEmpty(patch) || view.writes.busy}
          onClick={async () => {
            if ((await view.writes.bulkEdit(patch)) === null) setChoices(NOTHING);
          }}
        >
          {tr.t('customers.bulk.apply')}
        </button>
        <button type="button" className="button button-danger" disabled={view.writes.busy} onClick={onDelete}>
          {tr.t('customers.delete.button')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => view.clearSelection()}>
          {tr.t('customers.bulk.clear')}
        </button>
      </div>
    </section>
  );
});
