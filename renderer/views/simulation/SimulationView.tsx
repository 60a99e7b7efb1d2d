// The Simulation screen: run a seeded Monte-Carlo simulation of the funnels
// (in the host's worker pool, with progress and Cancel), see the last stored
// result of the chosen scenario — flagged stale when the plan's inputs
// changed since — and try ideas with the what-if, reverse-funnel and
// sensitivity panels.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { formatNumber } from '../../../shared/i18n';
import type { SimulationResult } from '../../../shared/simulation/types';
import { useStores, useT } from '../../stores/context';
import { ComparePanel } from '../compare/ComparePanel';
import { actualSeries } from '../../stores/tracking/actualSeries';
import { FanChart } from './FanChart';
import { RequiredLeadsPanel } from './RequiredLeadsPanel';
import { AttainmentTable, KpiList, PhaseTotalsTable } from './ResultTables';
import { RunPanel } from './RunPanel';
import { SensitivityPanel } from './SensitivityPanel';
import { WhatIfPanel } from './WhatIfPanel';
import '../../styles/simulation.css';

const LastResult = observer(function LastResult() {
  const { simulation: sim, plan } = useStores();
  const tr = useT();
  const view = sim.last;
  if (!sim.lastLoaded) return <p className="muted">{tr.t('simulation.loading')}</p>;
  if (!view) return <p className="notice">{tr.t('simulation.none')}</p>;
  const { run, stale } = view;
  const result = run.result as SimulationResult;
  const when = new Intl.DateTimeFormat(tr.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(run.createdAt));
  return (
    <>
      <p className="sim-run-info">
        {tr.t('simulation.runInfo', {
          trials: run.trials,
          seed: String(run.seed),
          when,
          actor: run.actor,
          seconds: formatNumber(run.elapsedMs / 1000, tr.locale, 2),
        })}
      </p>
      {stale && (
        <div className="sim-stale" role="status">
          <p>{tr.t('simulation.stale')}</p>
          <button type="button" className="button" disabled={sim.running !== null || sim.inputError !== null} onClick={() => void sim.run()}>
            {tr.t('simulation.rerun')}
          </button>
        </div>
      )}
      <FanChart
        result={result}
        actuals={actualSeries(plan.actuals, result.months, sim.metric, null, plan.collections.segments.plainList.map((s) => s.id))}
      />
      <PhaseTotalsTable result={result} />
      <div className="sim-grid">
        <AttainmentTable result={result} />
        <KpiList result={result} />
      </div>
    </>
  );
});

export const SimulationView = observer(function SimulationView() {
  const { simulation } = useStores();
  const tr = useT();
  useEffect(() => {
    void simulation.open();
    return () => simulation.close();
  }, [simulation]);
  return (
    <div className="view simulation-view">
      <h1 className="view-title">{tr.t('nav.simulation')}</h1>
      <p className="lead">{tr.t('simulation.intro')}</p>
      <RunPanel />
      <LastResult />
      <WhatIfPanel />
      <ComparePanel />
      <RequiredLeadsPanel />
      <SensitivityPanel />
    </div>
  );
});
