// Live what-if: four sliders (multipliers on top of the chosen scenario) and
// the expected orders, revenue and cash per phase, recomputed as they move.
// Expected values only — said plainly, since there is no uncertainty here.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatNumber } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';
import { WHAT_IF_FACTORS, WHAT_IF_MAX, WHAT_IF_MIN, WHAT_IF_STEP } from '../../stores/simulation/WhatIfStore';
import { WhatIfTotals } from './WhatIfTotals';

export const WhatIfPanel = observer(function WhatIfPanel() {
  const { simulation } = useStores();
  const w = simulation.whatIf;
  const tr = useT();
  const id = useId();
  return (
    <section className="card sim-whatif" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('simulation.whatIf.title')}
      </h2>
      <p className="sim-honest">{tr.t('simulation.whatIf.honest')}</p>
      <div className="sim-sliders">
        {WHAT_IF_FACTORS.map((f) => (
          <label key={f} className="sim-slider">
            <span className="sim-slider-name">{tr.t(`simulation.whatIf.${f}`)}</span>
            <input
              type="range"
              min={WHAT_IF_MIN}
              max={WHAT_IF_MAX}
              step={WHAT_IF_STEP}
              value={w.factors[f]}
              aria-valuetext={tr.t('simulation.whatIf.factor', { factor: formatNumber(w.factors[f], tr.locale, 2) })}
              onChange={(e) => w.setFactor(f, Number(e.target.value))}
            />
            <output className="sim-slider-value">{tr.t('simulation.whatIf.factor', { factor: formatNumber(w.factors[f], tr.locale, 2) })}</output>
          </label>
        ))}
        <button type="button" className="button" disabled={!w.changed} onClick={() => w.reset()}>
          {tr.t('simulation.whatIf.reset')}
        </button>
      </div>
      {w.error && <p className="refused">{w.error}</p>}
      <WhatIfTotals className="sim-whatif-table" showChange />
    </section>
  );
});
