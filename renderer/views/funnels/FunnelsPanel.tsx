// The funnel list (pick one, add an LTC or MTC funnel) beside the editor of
// the funnel picked.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { Process } from '../../../shared/plan/types';
import { useStores, useT } from '../../stores/context';
import { FunnelEditor } from './FunnelEditor';
import { ProcessBadge } from './ProcessBadge';

export const FunnelsPanel = observer(function FunnelsPanel() {
  const { funnels } = useStores();
  const tr = useT();
  const [reason, setReason] = useState<string | null>(null);
  const selected = funnels.selected;
  const add = async (process: Process) => setReason(await funnels.createFunnel(process));
  return (
    <div className="fx-stack">
      <section className="card funnel-list-card" aria-labelledby="funnel-list-title">
        <h2 id="funnel-list-title" className="card-title">
          {tr.t('funnels.list')}
        </h2>
        {funnels.funnels.length === 0 ? (
          <p className="muted">{tr.t('funnels.none')}</p>
        ) : (
          <ul className="fx-pick-list fx-pick-row">
            {funnels.funnels.map((f) => (
              <li key={f.id}>
                <button
                  type="button"
                  className="fx-pick"
                  aria-current={f.id === selected?.id ? 'true' : undefined}
                  onClick={() => funnels.select(f.id)}
                >
                  <span className="fx-pick-name">{f.name}</span>
                  <span className="fx-pick-meta">
                    <ProcessBadge process={f.process} />
                    <span>{tr.tn('funnels.stageCount', f.stages.length)}</span>
                    <span>{tr.tn('funnels.usedBy', funnels.segmentsPerFunnel.get(f.id) ?? 0)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="fx-pick-actions">
          <button type="button" className="button" onClick={() => void add('ltc')}>
            {tr.t('funnels.addLtc')}
          </button>
          <button type="button" className="button" onClick={() => void add('mtc')}>
            {tr.t('funnels.addMtc')}
          </button>
        </div>
        {reason && (
          <p className="fx-refused" role="alert">
            {reason}
          </p>
        )}
      </section>
      {selected && <FunnelEditor key={selected.id} funnel={selected} />}
    </div>
  );
});
