// What-if scenarios: the list, each with what it does in words, beside the
// editor of the one picked.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { PickList } from '../../components/PickList';
import { useStores, useT } from '../../stores/context';
import { ScenarioEditor } from './ScenarioEditor';
import '../../styles/editors.css';
import '../../styles/scenarios.css';
import { Refusal } from '../../components/Refusal';

export const ScenariosView = observer(function ScenariosView() {
  const { scenarios } = useStores();
  const tr = useT();
  const [reason, setReason] = useState<string | null>(null);
  const selected = scenarios.selected;
  return (
    <div className="view scenarios-view">
      <h1 className="view-title">{tr.t('nav.scenarios')}</h1>
      <p className="lead">{tr.t('scenarios.intro')}</p>
      <div className="fx-layout">
        <section className="card" aria-labelledby="scenario-list-title">
          <h2 id="scenario-list-title" className="card-title">
            {tr.t('scenarios.list')}
          </h2>
          <PickList
            items={scenarios.scenarios}
            selectedId={selected?.id}
            onPick={(id) => scenarios.select(id)}
            empty={tr.t('scenarios.empty')}
            detail={(s) => <span className="pick-effect">{scenarios.descriptions.get(s.id)}</span>}
          />
          <div className="pick-actions">
            <button type="button" className="button" onClick={async () => setReason(await scenarios.createScenario())}>
              {tr.t('scenarios.add')}
            </button>
          </div>
          <Refusal reason={reason} />
        </section>
        {selected && <ScenarioEditor key={selected.id} scenario={selected} />}
      </div>
    </div>
  );
});
