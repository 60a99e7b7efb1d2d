// Scenario, trials and seed; Run, or progress with Cancel while a run goes.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatPercent } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';
import { Refusal } from '../../components/Refusal';

export const RunPanel = observer(function RunPanel() {
  const { simulation: sim, plan, workshop } = useStores();
  const tr = useT();
  const id = useId();
  const settings = plan.settings;
  const running = sim.running;
  const invalid = sim.inputError;
  const percent = running && running.total > 0 ? running.done / running.total : 0;
  return (
    <section className="card sim-setup" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {tr.t('simulation.setup')}
      </h2>
      <div className="sim-fields">
        <label className="sim-field">
          <span className="field-label">{tr.t('simulation.scenario')}</span>
          <select
            className="select-input"
            value={sim.scenarioId ?? ''}
            disabled={running !== null}
            onChange={(e) => sim.setScenario(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">{tr.t('simulation.scenarioNone')}</option>
            {plan.collections.scenarios.list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="sim-field">
          <span className="field-label">{tr.t('simulation.trials')}</span>
          <input
            className="text-input sim-number"
            inputMode="numeric"
            value={sim.trialsText}
            placeholder={settings ? String(settings.trials) : ''}
            aria-invalid={invalid === 'trials'}
            aria-describedby={`${id}-trials`}
            disabled={running !== null}
            onChange={(e) => sim.setTrialsText(e.target.value)}
          />
          <span id={`${id}-trials`} className={invalid === 'trials' ? 'field-message' : 'sim-hint'}>
            {invalid === 'trials' ? tr.t('simulation.trialsInvalid') : tr.t('simulation.trialsHint', { trials: settings?.trials ?? '' })}
          </span>
        </label>
        <label className="sim-field">
          <span className="field-label">{tr.t('simulation.seed')}</span>
          <input
            className="text-input sim-number"
            inputMode="numeric"
            value={sim.seedText}
            placeholder={settings ? String(settings.seed) : ''}
            aria-invalid={invalid === 'seed'}
            aria-describedby={`${id}-seed`}
            disabled={running !== null}
            onChange={(e) => sim.setSeedText(e.target.value)}
          />
          <span id={`${id}-seed`} className={invalid === 'seed' ? 'field-message' : 'sim-hint'}>
            {invalid === 'seed' ? tr.t('simulation.seedInvalid') : tr.t('simulation.seedHint', { seed: String(settings?.seed ?? '') })}
          </span>
        </label>
        <div className="sim-actions">
          {running ? (
            <button type="button" className="button" disabled={running.cancelling} onClick={() => void sim.cancel()}>
              {running.cancelling ? tr.t('simulation.cancelling') : tr.t('simulation.cancel')}
            </button>
          ) : (
            <button type="button" className="button button-primary" disabled={invalid !== null} onClick={() => void sim.run()}>
              {tr.t('simulation.run')}
            </button>
          )}
        </div>
      </div>
      {running && (
        <div className="sim-progress">
          <progress
            max={running.total}
            value={running.done}
            aria-label={tr.t('simulation.progressLabel')}
            aria-valuetext={formatPercent(percent, tr.locale, 0)}
          />
          <span aria-live="polite">
            {tr.t('simulation.progress', { done: running.done, total: running.total, percent: formatPercent(percent, tr.locale, 0) })}
          </span>
        </div>
      )}
      {sim.cancelledNotice && !running && (
        <p className="sim-note" role="status">
          {tr.t('simulation.cancelled')}
        </p>
      )}
      <Refusal reason={sim.error && tr.t('simulation.failed', { message: workshop.shown(sim.error.message) })} />
    </section>
  );
});
