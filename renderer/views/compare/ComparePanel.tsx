// Scenarios side by side: pick two to four (the plan as entered included),
// run them with the same seed and trials (common random numbers), with
// progress and Cancel for the batch; then each scenario in words, the fan
// charts overlaid, and the tables with differences from the first column.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatPercent } from '../../../shared/i18n';
import { Refusal } from '../../components/Refusal';
import { useStores, useT } from '../../stores/context';
import { MAX_COMPARED, MIN_COMPARED } from '../../stores/compare/CompareStore';
import { CompareFanChart } from './CompareFanChart';
import { CompareTables } from './CompareTables';
import { useScenarioLabel } from './labels';
import '../../styles/compare.css';

const Picks = observer(function Picks() {
  const { simulation } = useStores();
  const c = simulation.compare;
  const tr = useT();
  const label = useScenarioLabel();
  return (
    <fieldset className="cmp-picks" disabled={c.batch !== null}>
      <legend>{tr.t('compare.pick', { min: MIN_COMPARED, max: MAX_COMPARED })}</legend>
      {c.choices.map((key) => (
        <label key={key ?? ''} className="cmp-pick">
          <input
            type="checkbox"
            checked={c.isPicked(key)}
            disabled={!c.isPicked(key) && c.picked.length >= MAX_COMPARED}
            onChange={() => c.toggle(key)}
          />
          <span>{label(key)}</span>
        </label>
      ))}
    </fieldset>
  );
});

const Batch = observer(function Batch() {
  const { simulation } = useStores();
  const c = simulation.compare;
  const tr = useT();
  const b = c.batch;
  if (!b) {
    return (
      <div className="cmp-actions">
        <button type="button" className="button button-primary" disabled={!c.canRun} onClick={() => void c.run()}>
          {tr.t('compare.run')}
        </button>
        <span className="sim-hint">
          {tr.t('compare.sameDraws', { trials: simulation.trials ?? '—', seed: String(simulation.seed ?? '—') })}
        </span>
      </div>
    );
  }
  const percent = b.total > 0 ? b.done / b.total : 0;
  return (
    <div className="sim-progress">
      <progress max={b.total} value={b.done} aria-label={tr.t('compare.progressLabel')} aria-valuetext={formatPercent(percent, tr.locale, 0)} />
      <span aria-live="polite">{tr.t('compare.progress', { n: b.index + 1, count: b.count, percent: formatPercent(percent, tr.locale, 0) })}</span>
      <button type="button" className="button" disabled={b.cancelling} onClick={() => void c.cancel()}>
        {b.cancelling ? tr.t('simulation.cancelling') : tr.t('simulation.cancel')}
      </button>
    </div>
  );
});

const Note = observer(function Note() {
  const { simulation, workshop } = useStores();
  const c = simulation.compare;
  const tr = useT();
  if (!c.note) return null;
  const kept = c.comparison ? tr.t('compare.keptLast') : '';
  if (c.note.kind === 'cancelled')
    return (
      <p className="sim-note" role="status">
        {tr.t('compare.cancelled')} {kept}
      </p>
    );
  return <Refusal reason={`${tr.t('simulation.failed', { message: workshop.shown(c.note.message) })} ${kept}`} />;
});

export const CompareResults = observer(function CompareResults() {
  const { simulation, scenarios } = useStores();
  const c = simulation.compare;
  const tr = useT();
  const label = useScenarioLabel();
  const cmp = c.comparison;
  if (!cmp) return <p className="muted">{tr.t('compare.none')}</p>;
  return (
    <>
      {c.stale && <p className="sim-note">{tr.t('compare.picksChanged')}</p>}
      {c.planChanged && (
        <p className="sim-note" role="status">
          {tr.t('compare.planChanged')}
        </p>
      )}
      <ul className="cmp-effects" aria-label={tr.t('compare.effects')}>
        {cmp.columns.map((col, i) => (
          <li key={col.key ?? ''} data-scenario={col.key ?? ''}>
            <span className={`cmp-swatch cmp-swatch-${i}`} aria-hidden="true" />
            <strong>{label(col.key)}</strong>: {col.key === null ? tr.t('scenarios.none') : (scenarios.descriptions.get(col.key) ?? '')}
            {col.reused && <span className="sim-hint"> {tr.t('compare.reused')}</span>}
          </li>
        ))}
      </ul>
      <p className="sim-hint">{tr.t('compare.sameDraws', { trials: cmp.trials, seed: String(cmp.seed) })}</p>
      <CompareFanChart comparison={cmp} />
      <CompareTables comparison={cmp} />
    </>
  );
});

export const ComparePanel = observer(function ComparePanel() {
  const tr = useT();
  const id = useId();
  return (
    <section className="card cmp-panel" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('compare.title')}
      </h2>
      <p className="muted">{tr.t('compare.intro')}</p>
      <Picks />
      <Batch />
      <Note />
      <CompareResults />
    </section>
  );
});
