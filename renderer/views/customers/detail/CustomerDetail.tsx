// One customer in depth: its needs, the three relationship layers and the
// account ladder (levels planned by phase), seven deal-closing factors (with
// a radar), the readiness the simulation derives from them, the iron
// triangle, the breakthrough pursuit (phase, entry stage, first deal,
// status, odds both ways) and the customer's breakthrough goals. Every change is saved
// at once; a refusal shows next to the section and the stored value stays.
import { observer } from 'mobx-react-lite';
import { useId, useState, type ReactNode } from 'react';
import { FACTORS, OWNER_ROLES, RELATIONSHIP_LAYERS } from '../../../../shared/plan/types';
import { readiness } from '../../../../shared/simulation';
import { Dialog } from '../../../components/Dialog';
import { PersonPicker } from '../../../components/PersonPicker';
import { useStores, useT } from '../../../stores/context';
import { formatReadiness } from '../grid/cells';
import { AccountLadder } from './AccountLadder';
import { CustomerGoals } from './CustomerGoals';
import { NeedsField } from './NeedsField';
import { PursuitOdds } from './PursuitOdds';
import { FactorsRadar } from './FactorsRadar';
import { LabelledSelect } from '../../../components/LabelledSelect';
import { PursuitFields } from './PursuitFields';
import type { SaveCustomer } from './saveCustomer';
import { Refusal } from '../../../components/Refusal';

function Section(props: { title: string; refusal?: string | null; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`cd-section ${props.className ?? ''}`} aria-labelledby={id}>
      <h3 id={id} className="cd-section-title">
        {props.title}
      </h3>
      {props.children}
      <Refusal reason={props.refusal} />
    </section>
  );
}

type SectionKey = 'relationship' | 'factors' | 'triangle' | 'pursuit';

export const CustomerDetail = observer(function CustomerDetail() {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const id = view.detailId;
  const [refusals, setRefusals] = useState<Partial<Record<SectionKey, string | null>>>({});
  if (id === null) return null;
  const c = plan.collections.customers.get(id);
  const close = () => view.closeDetail();
  if (!c)
    return (
      <Dialog title={tr.t('customers.col.details')} onClose={close}>
        <p>{tr.t('customers.detail.notFound')}</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            {tr.t('dialog.close')}
          </button>
        </div>
      </Dialog>
    );

  /** Saves the customer with `change` applied to its current plain value; the refusal shows at
   * `section`, or nowhere when the field shows it itself (null). */
  const save =
    (section: SectionKey | null): SaveCustomer =>
    async (change) => {
      const current = plan.collections.customers.plain(id);
      if (!current) return null;
      const next = structuredClone(current);
      change(next);
      const refusal = await view.writes.writeCustomer(id, next);
      if (section) setRefusals((r) => ({ ...r, [section]: refusal }));
      return refusal;
    };
  const r = readiness(c);
  const layerLevels = [0, 1, 2, 3, 4].map((n) => [String(n), tr.t(`customers.layer.level.${n}` as 'customers.layer.level.0')] as const);
  const factorLevels = [
    ['', tr.t('customers.factor.notScored')] as const,
    ...[1, 2, 3, 4, 5].map((n) => [String(n), tr.t(`customers.factor.level.${n}` as 'customers.factor.level.1')] as const),
  ];

  return (
    <Dialog title={tr.t('customers.detail.heading', { name: c.name, id: c.id })} onClose={close} wide>
      <div className="cd-body">
        <Section title={tr.t('term.customerNeeds')}>
          <NeedsField key={c.id} customer={c} />
        </Section>
        <div className="cd-columns">
          <Section title={tr.t('term.relationshipLayers')} refusal={refusals.relationship}>
            {RELATIONSHIP_LAYERS.map((layer) => (
              <LabelledSelect
                key={layer}
                label={tr.t(`layer.${layer}`)}
                description={tr.t(`customers.layer.${layer}.meaning`)}
                value={String(c.relationship[layer])}
                options={layerLevels}
                onChange={(v) => void save('relationship')((d) => (d.relationship[layer] = Number(v)))}
              />
            ))}
          </Section>
          <Section title={tr.t('customers.readiness.title')} className="cd-readiness">
            <p className="cd-readiness-value">{formatReadiness(r, tr)}</p>
            <p className="cd-readiness-explain">{tr.t('customers.readiness.explain')}</p>
          </Section>
        </div>
        <AccountLadder customer={c} />
        <Section title={tr.t('term.dealFactors')} refusal={refusals.factors}>
          <p className="cd-hint">{tr.t('customers.factors.hint')}</p>
          <div className="cd-factors">
            <div className="cd-factor-fields">
              {FACTORS.map((f) => (
                <LabelledSelect
                  key={f}
                  label={tr.t(`factor.${f}`)}
                  value={c.factors?.[f] === undefined ? '' : String(c.factors[f])}
                  options={factorLevels}
                  onChange={(v) =>
                    void save('factors')((d) => {
                      const factors = { ...d.factors };
                      if (v === '') delete factors[f];
                      else factors[f] = Number(v);
                      if (Object.keys(factors).length === 0) delete d.factors;
                      else d.factors = factors;
                    })
                  }
                />
              ))}
            </div>
            <FactorsRadar name={c.name} factors={c.factors} />
          </div>
        </Section>
        <Section title={tr.t('term.ironTriangle')} refusal={refusals.triangle}>
          <div className="cd-triangle">
            {OWNER_ROLES.map((role) => (
              <PersonPicker
                key={role}
                label={tr.t(`role.${role}`)}
                role={role}
                value={c.owners[role]}
                onChange={(person) => void save('triangle')((d) => (d.owners = { ...d.owners, [role]: person }))}
              />
            ))}
          </div>
        </Section>
        <Section title={tr.t('customers.detail.pursuit')} refusal={refusals.pursuit}>
          <PursuitFields customer={c} save={save('pursuit')} saveQuietly={save(null)} />
          <PursuitOdds customer={c} onNavigate={close} />
        </Section>
        <CustomerGoals customerId={c.id} onNavigate={close} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          {tr.t('dialog.close')}
        </button>
      </div>
    </Dialog>
  );
});
