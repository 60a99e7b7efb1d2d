// Add a customer: the required fields (id, name, segment, tier, potential,
// status) plus region and industry. The id is suggested from the name until
// the user types one. Missing fields are named before anything is sent; the
// host's refusal (a taken id, a bad value) shows in the dialog, which stays
// open with what was typed.
import { observer } from 'mobx-react-lite';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { CUSTOMER_STATUSES, TIERS, type Customer, type CustomerStatus, type Tier } from '../../../../shared/plan/types';
import { Dialog } from '../../../components/Dialog';
import { parseNumberText } from '../../../components/rangeDraft';
import { useStores, useT } from '../../../stores/context';
import { suggestId } from '../../../stores/customers/edits';
import { Refusal } from '../../../components/Refusal';

function Field(props: { label: string; hint?: string; children: (id: string, hintId?: string) => ReactNode }) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  return (
    <div className="ca-field">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.children(id, hintId)}
      {props.hint && (
        <p id={hintId} className="ca-hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

export const AddCustomerDialog = observer(function AddCustomerDialog({ onClose }: { onClose: () => void }) {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const segments = plan.collections.segments.plainList;
  const [name, setName] = useState('');
  const [id, setId] = useState<string | null>(null);
  const [segmentId, setSegmentId] = useState(segments[0]?.id ?? '');
  const [tier, setTier] = useState<Tier>('C');
  const [status, setStatus] = useState<CustomerStatus>('target');
  const [potential, setPotential] = useState('');
  const [region, setRegion] = useState('');
  const [industry, setIndustry] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownId = id ?? (name.trim() ? suggestId(name, (x) => plan.collections.customers.plain(x) !== undefined) : '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const required = (label: string) => tr.t('customers.add.required', { field: label });
    if (!shownId.trim()) return setProblem(required(tr.t('customers.col.id')));
    if (!name.trim()) return setProblem(required(tr.t('customers.col.name')));
    if (!segmentId) return setProblem(required(tr.t('customers.col.segment')));
    const amount = parseNumberText(potential, 'money');
    if (amount === null) return setProblem(required(tr.t('customers.col.potential')));
    if (!Number.isFinite(amount)) return setProblem(tr.t('customers.error.notNumber', { text: potential.trim() }));
    const value: Customer = {
      id: shownId.trim(),
      name,
      segmentId,
      tier,
      relationship: { key: 0, broad: 0, organizational: 0 },
      potential: amount,
      owners: { AR: null, SR: null, FR: null },
      status,
    };
    if (region.trim()) value.region = region;
    if (industry.trim()) value.industry = industry;
    setBusy(true);
    const refusal = await view.writes.addCustomer(value);
    setBusy(false);
    if (refusal) setProblem(refusal);
    else onClose();
  };

  return (
    <Dialog title={tr.t('customers.add.title')} onClose={onClose} wide>
      <form className="ca-form" onSubmit={submit} noValidate>
        <Field label={tr.t('customers.col.name')}>
          {(fid) => <input id={fid} className="text-input" required autoFocus value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={tr.t('customers.col.id')} hint={tr.t('customers.add.idHint')}>
          {(fid, hintId) => (
            <input id={fid} className="text-input" required aria-describedby={hintId} value={shownId} onChange={(e) => setId(e.target.value)} />
          )}
        </Field>
        <Field label={tr.t('customers.col.segment')}>
          {(fid) => (
            <select id={fid} className="text-input" required value={segmentId} onChange={(e) => setSegmentId(e.target.value)}>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={tr.t('customers.col.tier')}>
          {(fid) => (
            <select id={fid} className="text-input" value={tier} onChange={(e) => setTier(e.target.value as Tier)}>
              {TIERS.map((t) => (
                <option key={t} value={t}>
                  {tr.t(`tier.${t}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={tr.t('customers.col.potential')}>
          {(fid) => (
            <input id={fid} className="text-input" required inputMode="decimal" value={potential} onChange={(e) => setPotential(e.target.value)} />
          )}
        </Field>
        <Field label={tr.t('customers.col.status')}>
          {(fid) => (
            <select id={fid} className="text-input" value={status} onChange={(e) => setStatus(e.target.value as CustomerStatus)}>
              {CUSTOMER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tr.t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={tr.t('customers.col.region')}>
          {(fid) => <input id={fid} className="text-input" value={region} onChange={(e) => setRegion(e.target.value)} />}
        </Field>
        <Field label={tr.t('customers.col.industry')}>
          {(fid) => <input id={fid} className="text-input" value={industry} onChange={(e) => setIndustry(e.target.value)} />}
        </Field>
        <Refusal reason={problem} />
        <div className="dialog-actions ca-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {tr.t('customers.add.submit')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {tr.t('dialog.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
});
