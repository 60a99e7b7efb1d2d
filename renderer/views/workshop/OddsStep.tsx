// Workshop step 6: the odds — the last Monte-Carlo result of the chosen
// scenario (fan chart, chance of each target), "Run the odds" with progress
// and Cancel. A cancelled or failed run leaves the last result on screen
// with a note saying so (the audience never loses what it was looking at).
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import type { SimulationResult } from '../../../shared/simulation/types';
import { useStores, useT } from '../../stores/context';
import { FanChart } from '../simulation/FanChart';
import { AttainmentTable } from '../simulation/ResultTables';
import { RunPanel } from '../simulation/RunPanel';
import '../../styles/simulation.css';

export function useSimulationOpen() {
  const { simulation } = useStores();
  useEffect(() => {
    void simulation.open();
    return () => simulation.close();
  }, [simulation]);
}

export const OddsResult = observer(function OddsResult() {
  const { simulation: sim } = useStores();
  const tr = useT();
  const view = sim.last;
  if (!sim.lastLoaded) return <p className="muted">{tr.t('simulation.loading')}</p>;
  if (!view) return <p className="notice">{tr.t('simulation.none')}</p>;
  const result = view.run.result as SimulationResult;
  const interrupted = sim.running === null && (sim.cancelledNotice || sim.error !== null);
  return (
    <>
      {interrupted && (
        <p className="ws-kept-note" role="status">
          {tr.t('workshop.keptLast')}
        </p>
      )}
      {view.stale && <p className="sim-note">{tr.t('simulation.stale')}</p>}
      <div className="ws-grid">
        <FanChart result={result} />
        <AttainmentTable result={result} />
      </div>
    </>
  );
});

export const OddsStep = observer(function OddsStep() {
  useSimulationOpen();
  return (
    <div className="simulation-view ws-odds">
      <RunPanel />
      <OddsResult />
    </div>
  );
});
