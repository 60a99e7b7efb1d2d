// The account ladder (分阶段加深客户合作深度): a phase × layer grid of the
// levels each relationship layer should reach by the end of each phase,
// under a row of today's levels. Each select is one undoable edit; "—"
// removes that phase's plan. The current phase (ladder.ts currentPhase) is
// marked and the line below says whether today's levels are behind it.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { RELATIONSHIP_LAYERS, type Customer, type RelationshipLayer } from '../../../../shared/plan/types';
import { Refusal } from '../../../components/Refusal';
import { useStores, useT } from '../../../stores/context';
import { layersBehind } from '../../../stores/customers/ladder';

const LEVELS = [0, 1, 2, 3, 4] as const;

export const AccountLadder = observer(function AccountLadder({ customer: c }: { customer: Customer }) {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const headingId = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  const phases = plan.collections.phases.list;
  const current = view.currentPhaseId;
  const currentName = phases.find((p) => p.id === current)?.name ?? '';
  const behind = layersBehind(c, current);
  const levelTitle = (n: number) => tr.t(`customers.layer.level.${n}` as 'customers.layer.level.0');

  const set = async (phaseId: string, layer: RelationshipLayer, value: string) =>
    setRefusal(await view.writes.setPlannedLevel(c.id, phaseId, layer, value === '' ? null : Number(value)));

  return (
    <section className="cd-section cd-ladder" aria-labelledby={headingId}>
      <h3 id={headingId} className="cd-section-title">
        {tr.t('customers.ladder.title')}
      </h3>
      <p className="cd-hint">{tr.t('customers.ladder.hint')}</p>
      {phases.length === 0 ? (
        <p className="muted">{tr.t('customers.ladder.noPhases')}</p>
      ) : (
        <table className="table cd-ladder-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{tr.t('customers.ladder.phase')}</th>
              {RELATIONSHIP_LAYERS.map((layer) => (
                <th key={layer} scope="col">
                  {tr.t(`layer.${layer}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="cd-ladder-today">
              <th scope="row">{tr.t('customers.ladder.today')}</th>
              {RELATIONSHIP_LAYERS.map((layer) => (
                <td key={layer} title={levelTitle(c.relationship[layer])}>
                  {c.relationship[layer]}
                </td>
              ))}
            </tr>
            {phases.map((p) => {
              const planned = c.relationshipPlan?.[p.id];
              const isCurrent = p.id === current;
              return (
                <tr key={p.id} className={isCurrent ? 'is-current' : undefined}>
                  <th scope="row">
                    {p.name}
                    {isCurrent && <span className="cd-ladder-current"> ({tr.t('customers.ladder.current')})</span>}
                  </th>
                  {RELATIONSHIP_LAYERS.map((layer) => {
                    const late = isCurrent && behind.includes(layer);
                    return (
                      <td key={layer} className={late ? 'is-behind' : undefined}>
                        <select
                          className="text-input cd-ladder-select"
                          aria-label={tr.t('customers.ladder.cell', { layer: tr.t(`layer.${layer}`), phase: p.name })}
                          value={planned ? String(planned[layer]) : ''}
                          title={planned ? levelTitle(planned[layer]) : undefined}
                          onChange={(e) => void set(p.id, layer, e.target.value)}
                        >
                          <option value="">{tr.t('customers.ladder.notPlanned')}</option>
                          {LEVELS.map((n) => (
                            <option key={n} value={String(n)}>
                              {levelTitle(n)}
                            </option>
                          ))}
                        </select>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {current !== null && c.relationshipPlan?.[current] && (
        <p className={behind.length > 0 ? 'cd-ladder-status is-behind' : 'cd-ladder-status'} role="status">
          {behind.length > 0
            ? tr.t('customers.ladder.behind', { phase: currentName, layers: new Intl.ListFormat(tr.locale).format(behind.map((l) => tr.t(`layer.${l}`))) })
            : tr.t('customers.ladder.onPlan', { phase: currentName })}
        </p>
      )}
      <Refusal reason={refusal} />
    </section>
  );
});
