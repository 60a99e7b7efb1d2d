// The tier views above the table, in a panel that folds away: the pyramid
// and the readiness × potential chart, both filtering the table. The charts
// are drawn once the screen has painted (useAfterPaint): over 50,000
// customers they take longer than the grid, whose first rows show first.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { useAfterPaint } from '../../../components/useAfterPaint';
import { useStores, useT } from '../../../stores/context';
import { ReadinessScatter } from './ReadinessScatter';
import { TierPyramid } from './TierPyramid';

export const TierViews = observer(function TierViews() {
  const { customers: view } = useStores();
  const tr = useT();
  const panelId = useId();
  const pyramidId = useId();
  const scatterId = useId();
  const painted = useAfterPaint();
  return (
    <div className="ct">
      <button
        type="button"
        className="ct-toggle"
        aria-expanded={view.tierViewsOpen}
        aria-controls={panelId}
        onClick={() => view.toggleTierViews()}
      >
        <span aria-hidden="true">{view.tierViewsOpen ? '▾' : '▸'}</span> {tr.t('customers.tiers.toggle')}
      </button>
      {view.tierViewsOpen && (
        <div id={panelId} className="ct-panel">
          <section className="card ct-card" aria-labelledby={pyramidId}>
            <h2 id={pyramidId} className="card-title">
              {tr.t('customers.pyramid.title')}
            </h2>
            <p className="ct-hint">{tr.t('customers.pyramid.hint')}</p>
            {painted ? <TierPyramid /> : <div className="ct-pending" />}
          </section>
          <section className="card ct-card" aria-labelledby={scatterId}>
            <h2 id={scatterId} className="card-title">
              {tr.t('customers.scatter.title')}
            </h2>
            <p className="ct-hint">{tr.t('customers.scatter.hint')}</p>
            {painted ? <ReadinessScatter /> : <div className="ct-pending" />}
          </section>
        </div>
      )}
    </div>
  );
});
