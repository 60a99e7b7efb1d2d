// Market phase management (市场阶段化管理): the roadmap across the horizon,
// the phases as an editable table, and one phase's details.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { toApiError } from '../../stores/PlanStore';
import { explainError } from '../../stores/planning/explain';
import { useStores, useT } from '../../stores/context';
import { CoverageNotes } from './CoverageNotes';
import { PhaseDetails } from './PhaseDetails';
import { PhaseTable } from './PhaseTable';
import { Roadmap } from './Roadmap';
import '../../styles/planning.css';
import '../../styles/phases.css';

export const PhasesView = observer(function PhasesView() {
  const { planning } = useStores();
  const tr = useT();
  const [addProblem, setAddProblem] = useState<string | null>(null);
  const add = async () => {
    try {
      const created = await planning.addPhase((stage) => tr.t(`stage.${stage}`));
      setAddProblem(created ? null : tr.t('planning.phase.noRoom'));
    } catch (e) {
      setAddProblem(explainError(toApiError(e), tr, ''));
    }
  };
  return (
    <div className="view planning-view">
      <h1 className="view-title">{tr.t('nav.phases')}</h1>
      <p className="lead">{tr.t('planning.phases.intro')}</p>
      <section className="card" aria-label={tr.t('planning.roadmap.title')}>
        <Roadmap />
        <CoverageNotes />
      </section>
      <section className="card" aria-labelledby="phase-table-title">
        <div className="card-head">
          <h2 id="phase-table-title" className="card-title">
            {tr.t('planning.phase.tableTitle')}
          </h2>
          <button type="button" className="button button-primary" onClick={() => void add()}>
            {tr.t('planning.phase.add')}
          </button>
        </div>
        {addProblem && (
          <p className="refusal" role="alert">
            {addProblem}
          </p>
        )}
        <PhaseTable />
        <p className="muted table-note">{tr.t('planning.phase.orderNote')}</p>
      </section>
      <PhaseDetails />
    </div>
  );
});
