// Market phase management (市场阶段化管理): the roadmap across the horizon,
// the phases as an editable table, and one phase's details.
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { useStores, useT } from '../../stores/context';
import { CoverageNotes } from './CoverageNotes';
import { PhaseDetails } from './PhaseDetails';
import { PhaseTable } from './PhaseTable';
import { Roadmap } from './Roadmap';
import '../../styles/planning.css';
import '../../styles/phases.css';
import { Refusal } from '../../components/Refusal';

export const PhasesView = observer(function PhasesView() {
  const { planning, gate } = useStores();
  const tr = useT();
  // The details show the selected phase's gate, judged against the latest run.
  useEffect(() => gate.open(), [gate]);
  const [addProblem, setAddProblem] = useState<string | null>(null);
  const add = async () => setAddProblem(await planning.addNextPhase());
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
        <Refusal reason={addProblem} />
        <PhaseTable />
        <p className="muted table-note">{tr.t('planning.phase.orderNote')}</p>
      </section>
      <PhaseDetails />
    </div>
  );
});
