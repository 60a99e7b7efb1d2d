// Workshop step 7: live what-if. Sliders for lead volume (overall and per
// segment), deal size, cycle time and each funnel stage's conversion move the expected values at once
// (expected-value mode, no uncertainty — said plainly); the expected total
// against each target is the quick odds proxy. "Run the odds" confirms with
// Monte Carlo; "Keep as scenario" saves the sliders as a new scenario in one
// undoable edit (segment sliders only when they agree: a scenario has one
// lead multiplier).
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { formatNumber, formatPercent } from '../../../shared/i18n';
import { SERIES_METRICS, type SeriesMetric } from '../../../shared/plan/types';
import { Refusal } from '../../components/Refusal';
import { useStores, useT } from '../../stores/context';
import { WHAT_IF_MAX, WHAT_IF_MIN, WHAT_IF_STEP } from '../../stores/simulation/WhatIfStore';
import type { WriteOutcome } from '../../stores/refusals';
import { describeTarget } from '../simulation/format';
import { WhatIfTotals } from '../simulation/WhatIfTotals';
import { OddsResult, useSimulationOpen } from './OddsStep';

const Slider = observer(function Slider({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  const tr = useT();
  const text = tr.t('simulation.whatIf.factor', { factor: formatNumber(value, tr.locale, 2) });
  return (
    <label className="ws-slider">
      <span className="ws-slider-name">{label}</span>
      <input type="range" min={WHAT_IF_MIN} max={WHAT_IF_MAX} step={WHAT_IF_STEP} value={value} aria-valuetext={text} onChange={(e) => onChange(Number(e.target.value))} />
      <output className="ws-slider-value">{text}</output>
    </label>
  );
});

const Sliders = observer(function Sliders() {
  const { simulation, funnels, plan } = useStores();
  const w = simulation.whatIf;
  const tr = useT();
  return (
    <section className="card ws-sliders" aria-label={tr.t('workshop.sliders')}>
      <Slider label={tr.t('simulation.whatIf.leads')} value={w.factors.leads} onChange={(v) => w.setFactor('leads', v)} />
      <Slider label={tr.t('simulation.whatIf.dealSize')} value={w.factors.dealSize} onChange={(v) => w.setFactor('dealSize', v)} />
      <Slider label={tr.t('workshop.cycleTime')} value={w.factors.days} onChange={(v) => w.setFactor('days', v)} />
      <fieldset className="ws-stage-sliders">
        <legend>{tr.t('workshop.segmentLeads')}</legend>
        {plan.collections.segments.list.map((seg) => (
          <Slider key={seg.id} label={seg.name} value={w.segment(seg.id)} onChange={(v) => w.setSegment(seg.id, v)} />
        ))}
      </fieldset>
      {funnels.funnels.map((f) => (
        <fieldset key={f.id} className="ws-stage-sliders">
          <legend>{tr.t('workshop.stageConversion', { funnel: f.name })}</legend>
          {f.stages.map((st) => (
            <Slider key={st.key} label={st.name} value={w.stage(f.id, st.key)} onChange={(v) => w.setStage(f.id, st.key, v)} />
          ))}
        </fieldset>
      ))}
    </section>
  );
});

const Totals = observer(function Totals() {
  const { simulation, plan, workshop } = useStores();
  const w = simulation.whatIf;
  const tr = useT();
  const id = useId();
  const currency = plan.settings?.currency ?? 'CNY';
  if (w.error) return <Refusal reason={workshop.shown(w.error)} />;
  if (!w.base || !w.current) return <p className="muted">{tr.t('simulation.loading')}</p>;
  const targets = w.current.phases.flatMap((p) => p.targets.map((t) => ({ phase: p.id, t, totals: p.totals })));
  return (
    <div className="ws-grid">
      <section className="card" aria-labelledby={id}>
        <h2 id={id} className="card-title">
          {tr.t('simulation.whatIf.table')}
        </h2>
        <WhatIfTotals className="ws-whatif-totals" labelledBy={id} markMoves />
      </section>
      <section className="card" aria-label={tr.t('workshop.proxy')}>
        <h2 className="card-title">{tr.t('workshop.proxy')}</h2>
        <p className="sim-honest">{tr.t('workshop.proxyHonest')}</p>
        <ul className="ws-proxy">
          {targets.map(({ phase, t, totals }) => {
            const series = (SERIES_METRICS as readonly string[]).includes(t.metric);
            const expected = series ? totals[t.metric as SeriesMetric].mean : null;
            const share = expected !== null && t.value > 0 ? expected / t.value : null;
            return (
              <li key={t.id} data-target={t.id} className={share === null ? '' : share >= 1 ? 'cmp-better' : 'cmp-worse'}>
                <span>
                  {plan.collections.phases.get(phase)?.name}: {describeTarget(tr, t.metric, t.value, currency)}
                </span>
                <strong>{share === null ? tr.t('workshop.proxyNone') : tr.t('workshop.proxyShare', { share: formatPercent(share, tr.locale, 0) })}</strong>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
});

const Actions = observer(function Actions() {
  const { simulation, scenarios, plan } = useStores();
  const w = simulation.whatIf;
  const tr = useT();
  const [outcome, setOutcome] = useState<WriteOutcome>(null);
  const [kept, setKept] = useState<string | null>(null);
  const adjust = w.scenarioAdjust(plan.collections.segments.ids);
  const keep = async (): Promise<string | null> => {
    if (!adjust) return null;
    const { id, refusal } = await scenarios.keepWhatIf(simulation.scenarioId, adjust);
    setOutcome(refusal);
    if (id) {
      setKept(scenarios.scenarios.find((s) => s.id === id)?.name ?? id);
      // The sliders now live in the new scenario: show it as it stands.
      simulation.setScenario(id);
      w.reset();
    }
    return id;
  };
  const runOdds = async () => {
    // Monte Carlo runs stored scenarios: changed sliders are kept first (one undoable edit), then run.
    if (w.changed && (await keep()) === null) return;
    await simulation.run();
  };
  return (
    <div className="ws-actions">
      <button
        type="button"
        className="button button-primary"
        disabled={simulation.running !== null || simulation.inputError !== null || (w.changed && !adjust)}
        onClick={() => void runOdds()}
      >
        {tr.t('workshop.runOdds')}
      </button>
      <button type="button" className="button" disabled={!w.changed || !adjust} onClick={() => void keep()}>
        {tr.t('workshop.keep')}
      </button>
      <button type="button" className="button" disabled={!w.changed} onClick={() => w.reset()}>
        {tr.t('simulation.whatIf.reset')}
      </button>
      {kept && (
        <span role="status" className="ws-kept">
          {tr.t('workshop.kept', { name: kept })}
        </span>
      )}
      {w.changed && !adjust && <p className="sim-note">{tr.t('workshop.segmentsNotKept')}</p>}
      <Refusal reason={outcome} />
    </div>
  );
});

export const WhatIfStep = observer(function WhatIfStep() {
  const { simulation, plan } = useStores();
  const tr = useT();
  useSimulationOpen();
  const base = simulation.scenarioId === null ? tr.t('compare.asEntered') : (plan.collections.scenarios.get(simulation.scenarioId)?.name ?? '');
  return (
    <div className="simulation-view ws-whatif">
      <p className="sim-honest">
        {tr.t('simulation.whatIf.honest')} {tr.t('workshop.onTopOf', { name: base })}
      </p>
      <Sliders />
      <Actions />
      <Totals />
      {simulation.running && (
        <p role="status" className="sim-note">
          {tr.t('simulation.progress', { done: simulation.running.done, total: simulation.running.total, percent: formatPercent(simulation.running.total ? simulation.running.done / simulation.running.total : 0, tr.locale, 0) })}
        </p>
      )}
      <OddsResult />
    </div>
  );
});
