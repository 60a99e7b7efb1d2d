// The funnel list (pick one, add an LTC or MTC funnel) beside the editor of
// the funnel picked.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { Process } from '../../../shared/plan/types';
import { PickList } from '../../components/PickList';
import { useStores, useT } from '../../stores/context';
import { FunnelEditor } from './FunnelEditor';
import { ProcessBadge } from './ProcessBadge';
import { Refusal } from '../../components/Refusal';

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
        <PickList
          row
          items={funnels.funnels}
          selectedId={selected?.id}
          onPick={(id) => funnels.select(id)}
          empty={tr.t('funnels.none')}
          detail={(f) => (
            <span className="pick-meta">
              <ProcessBadge process={f.process} />
              <span>{tr.tn('funnels.stageCount', f.stages.length)}</span>
              <span>{tr.tn('funnels.usedBy', funnels.segmentsPerFunnel.get(f.id) ?? 0)}</span>
            </span>
          )}
        />
        <div className="pick-actions">
          <button type="button" className="button" onClick={() => void add('ltc')}>
            {tr.t('funnels.addLtc')}
          </button>
          <button type="button" className="button" onClick={() => void add('mtc')}>
            {tr.t('funnels.addMtc')}
          </button>
        </div>
        <Refusal reason={reason} />
      </section>
      {selected && <FunnelEditor key={selected.id} funnel={selected} />}
    </div>
  );
});
