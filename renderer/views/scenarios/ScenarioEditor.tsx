// One scenario: its name, what it does in words, the four global multipliers
// (as percentages; empty = unchanged) and per-stage conversion adjustments.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import type { PlainKey, Translator } from '../../../shared/i18n';
import type { Scenario } from '../../../shared/plan/types';
import { CommitText } from '../../components/CommitText';
import { DeleteButton } from '../../components/DeleteButton';
import { formatForInput, parseNumberText } from '../../components/rangeDraft';
import { useStores, useT } from '../../stores/context';
import { addStageAdjust, MULTIPLIERS, removeStageAdjust, setMultiplier, setStageAdjust, type MultiplierField } from '../../stores/scenarios/scenarioEdits';
import { Refusal } from '../../components/Refusal';

const LABELS: Record<MultiplierField, PlainKey> = {
  leads: 'scenarios.leadsLabel',
  conversion: 'scenarios.conversionLabel',
  dealSize: 'scenarios.dealSizeLabel',
  days: 'scenarios.daysLabel',
};

/** A percentage's text → the multiplier (80 → 0.8); undefined for empty text, NaN when unusable. */
function multiplierOf(text: string): number | undefined {
  const shown = parseNumberText(text, 'percent');
  if (shown === null) return undefined;
  return Number.isFinite(shown) && shown >= 0 ? Number((shown / 100).toPrecision(12)) : Number.NaN;
}

const percentText = (m: number | undefined) => (m === undefined ? '' : formatForInput(m, 'percent'));

export const ScenarioEditor = observer(function ScenarioEditor({ scenario }: { scenario: Scenario }) {
  const { scenarios, funnels } = useStores();
  const tr = useT();
  const uid = useId();
  const [reason, setReason] = useState<string | null>(null);
  const save = (next: Scenario) => scenarios.saveScenario(scenario.id, next);
  const act = async (next: Scenario) => setReason(next === scenario ? null : await save(next));
  const allFunnels = funnels.funnels;
  const adjusts = scenario.adjust.stages ?? [];

  return (
    <section className="card" aria-labelledby={`${uid}-title`}>
      <header className="fx-editor-head">
        <h2 id={`${uid}-title`} className="fx-editor-title">
          {scenario.name}
        </h2>
        <div className="fx-editor-actions">
          <button
            type="button"
            className="button"
            aria-label={tr.t('scenarios.duplicateNamed', { name: scenario.name })}
            onClick={async () => setReason(await scenarios.duplicateScenario(scenario.id))}
          >
            {tr.t('funnels.duplicate')}
          </button>
          <DeleteButton
            className="button"
            label={tr.t('funnels.delete')}
            ariaLabel={tr.t('scenarios.deleteNamed', { name: scenario.name })}
            title={tr.t('scenarios.deleteNamed', { name: scenario.name })}
            question={tr.t('scenarios.deleteQuestion', { name: scenario.name })}
            confirmLabel={tr.t('funnels.delete')}
            onDelete={() => scenarios.deleteScenario(scenario.id)}
          />
        </div>
      </header>
      <p className="fx-effect" aria-live="polite">
        <span className="fx-effect-label">{tr.t('scenarios.effect')}</span>
        {scenarios.descriptions.get(scenario.id)}
      </p>
      <div className="fx-field-row">
        <CommitText
          className="fx-field-name"
          label={tr.t('scenarios.name')}
          value={scenario.name}
          validate={(text) => (text.trim() === '' ? tr.t('funnels.nameEmpty') : null)}
          onCommit={(name) => save({ ...scenario, name: name.trim() })}
        />
      </div>

      <fieldset className="fx-multipliers">
        <legend>{tr.t('scenarios.multipliers')}</legend>
        <div className="fx-multiplier-grid">
          {MULTIPLIERS.map((field) => (
            <CommitText
              key={field}
              className="fx-multiplier"
              label={tr.t(LABELS[field])}
              value={percentText(scenario.adjust[field])}
              placeholder={tr.t('scenarios.unchanged')}
              inputMode="decimal"
              suffix="%"
              validate={(text) => (Number.isNaN(multiplierOf(text)) ? tr.t('scenarios.badPercent') : null)}
              onCommit={(text) => save(setMultiplier(scenario, field, multiplierOf(text)))}
            />
          ))}
        </div>
      </fieldset>

      <h3 id={`${uid}-stages`} className="fx-section-title">
        {tr.t('scenarios.stages')}
      </h3>
      {adjusts.length === 0 ? (
        <p className="muted">{tr.t('scenarios.stagesNone')}</p>
      ) : (
        <table className="table stage-adjusts" aria-labelledby={`${uid}-stages`}>
          <thead>
            <tr>
              <th scope="col">{tr.t('scenarios.stageFunnel')}</th>
              <th scope="col">{tr.t('scenarios.stageStage')}</th>
              <th scope="col">{tr.t('scenarios.stageFactor')}</th>
              <th scope="col">
                <span className="visually-hidden">{tr.t('funnels.stage.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {adjusts.map((a, i) => {
              const funnel = allFunnels.find((f) => f.id === a.funnelId);
              return (
                <tr key={i}>
                  <td>
                    <select
                      className="fx-select"
                      aria-label={tr.t('scenarios.stageFunnelOf', { n: i + 1 })}
                      value={a.funnelId}
                      onChange={(e) => void act(setStageAdjust(scenario, i, { funnelId: e.target.value }, allFunnels))}
                    >
                      {allFunnels.map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      className="fx-select"
                      aria-label={tr.t('scenarios.stageStageOf', { n: i + 1 })}
                      value={a.stageKey}
                      onChange={(e) => void act(setStageAdjust(scenario, i, { stageKey: e.target.value }, allFunnels))}
                    >
                      {(funnel?.stages ?? []).map((st) => (
                        <option key={st.key} value={st.key}>
                          {st.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <CommitText
                      label={tr.t('scenarios.stageFactorOf', { n: i + 1 })}
                      hideLabel
                      value={percentText(a.conversion)}
                      inputMode="decimal"
                      suffix="%"
                      validate={(text) => factorProblem(text, tr)}
                      onCommit={(text) => save(setStageAdjust(scenario, i, { conversion: multiplierOf(text)! }, allFunnels))}
                    />
                  </td>
                  <td className="fx-row-actions">
                    <button
                      type="button"
                      className="fx-icon-button"
                      aria-label={tr.t('scenarios.stageRemove', { n: i + 1 })}
                      title={tr.t('scenarios.stageRemove', { n: i + 1 })}
                      onClick={() => void act(removeStageAdjust(scenario, i))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="fx-table-actions">
        <button
          type="button"
          className="button"
          disabled={allFunnels.length === 0}
          onClick={() => void act(addStageAdjust(scenario, allFunnels))}
        >
          {tr.t('scenarios.stageAdd')}
        </button>
        {allFunnels.length === 0 && <span className="fx-hint">{tr.t('scenarios.stageNeedFunnel')}</span>}
      </div>
      <Refusal reason={reason} />
    </section>
  );
});

function factorProblem(text: string, tr: Translator): string | null {
  const m = multiplierOf(text);
  return m === undefined || Number.isNaN(m) ? tr.t('scenarios.badFactor') : null;
}
