// What-if scenarios: the list, each with what it does in words, beside the
// editor of the one picked.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { useStores, useT } from '../../stores/context';
import { ScenarioEditor } from './ScenarioEditor';
import '../../styles/funnels.css';

export const ScenariosView = observer(function ScenariosView() {
  const { scenarios } = useStores();
  const tr = useT();
  const [reason, setReason] = useState<string | null>(null);
  const selected = scenarios.selected;
  return (
    <div className="view scenarios-view">
      <h1 className="view-title">{tr.t('nav.scenarios')}</h1>
      <p className="lead">{tr.t('funnels.scenario.intro')}</p>
      <div className="fx-layout">
        <section className="card" aria-labelledby="scenario-list-title">
          <h2 id="scenario-list-title" className="card-title">
            {tr.t('funnels.scenario.list')}
          </h2>
          {scenarios.scenarios.length === 0 ? (
            <p className="muted">{tr.t('funnels.scenario.empty')}</p>
          ) : (
            <ul className="fx-pick-list">
              {scenarios.scenarios.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className="fx-pick"
                    aria-current={s.id === selected?.id ? 'true' : undefined}
                    onClick={() => scenarios.select(s.id)}
                  >
                    <span className="fx-pick-name">{s.name}</span>
                    <span className="fx-pick-effect">{scenarios.descriptions.get(s.id)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="fx-pick-actions">
            <button type="button" className="button" onClick={async () => setReason(await scenarios.createScenario())}>
              {tr.t('funnels.scenario.add')}
            </button>
          </div>
          {reason && (
            <p className="fx-refused" role="alert">
              {reason}
            </p>
          )}
        </section>
        {selected && <ScenarioEditor key={selected.id} scenario={selected} />}
      </div>
    </div>
  );
});
