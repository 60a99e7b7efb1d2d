// Phase-gate review (阶段评审): before a phase's resources are committed,
// its exit checks against measurable evidence — target odds from the latest
// run of the plan as entered, iron-triangle coverage, relationship levels,
// goals achieved — one section per phase, with which run the odds come from.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { formatMonthRange } from '../../../shared/i18n';
import { AT_RISK_MARGIN } from '../../../shared/plan/gate';
import { useStores, useT } from '../../stores/context';
import { GateSection } from './GateSection';
import '../../styles/planning.css';

const RunNote = observer(function RunNote() {
  const { latestRun } = useStores();
  const tr = useT();
  const view = latestRun.latest;
  if (!latestRun.loaded) return null;
  let text: string;
  if (!view) text = tr.t('gate.run.none');
  else {
    const at = new Date(view.run.createdAt).toLocaleString(tr.locale);
    text = view.stale ? tr.t('gate.run.stale', { at }) : tr.t('gate.run.fresh', { at, trials: view.run.trials });
  }
  return (
    <p className={view && !view.stale ? 'gate-run' : 'gate-run is-missing'} role="status">
      {text}{' '}
      {(!view || view.stale) && (
        <a href="#/simulation" className="button button-small">
          {tr.t('gate.fix.simulate')}
        </a>
      )}
    </p>
  );
});

export const GateView = observer(function GateView() {
  const { gate, planning } = useStores();
  const tr = useT();
  useEffect(() => gate.open(), [gate]);
  const phases = planning.phasesByDate;
  return (
    <div className="view planning-view">
      <h1 className="view-title">{tr.t('nav.gate')}</h1>
      <p className="lead">{tr.t('gate.intro', { margin: Math.round(AT_RISK_MARGIN * 100) })}</p>
      <RunNote />
      {phases.length === 0 && <p className="muted">{tr.t('planning.phase.none')}</p>}
      {phases.map((p) => (
        <section key={p.id} className="card" aria-label={p.name}>
          <p className="muted gate-months">
            {tr.t(`stage.${p.stage}`)} · {formatMonthRange(p.start, p.end, tr.locale)}
          </p>
          <GateSection phase={p} headingLevel={2} />
        </section>
      ))}
    </div>
  );
});
