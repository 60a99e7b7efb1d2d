// The stages of a funnel as a table: key, name, conversion rate and days in
// stage (each a fixed value or a range), moved up and down, added (up to 12)
// and removed (down to 1), each with its owner (the person measured by the
// stage's results). Each change saves the whole funnel.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import type { Funnel } from '../../../shared/plan/types';
import { CommitText } from '../../components/CommitText';
import { RangeInput, type CommitOutcome } from '../../components/RangeInput';
import { useStores, useT } from '../../stores/context';
import { addStage, MAX_STAGES, MIN_STAGES, moveStage, removeStage, setStage, setStageOwner, stageKeyProblem } from '../../stores/funnels/funnelEdits';
import { Refusal } from '../../components/Refusal';

interface Props {
  funnel: Funnel;
  save: (next: Funnel) => Promise<string | null>;
}

export const StageTable = observer(function StageTable({ funnel, save }: Props) {
  const tr = useT();
  const people = useStores().plan.collections.people.list;
  const [reason, setReason] = useState<string | null>(null);
  const titleId = useId();
  const hintId = useId();
  const n = funnel.stages.length;
  // Structural edits report here; a field's own refusal shows under that field.
  const restructure = async (next: Funnel) => setReason(next === funnel ? null : await save(next));
  const saveStage = (i: number, patch: Parameters<typeof setStage>[2]): Promise<CommitOutcome> => save(setStage(funnel, i, patch));

  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId} className="fx-section-title">
        {tr.t('funnels.stages')}
      </h3>
      <p id={hintId} className="fx-hint">
        {tr.t('funnels.stagesHint')}
      </p>
      <div className="fx-table-scroll">
        <table className="table stage-table" aria-labelledby={titleId} aria-describedby={hintId}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {tr.t('funnels.stage.no')}
              </th>
              <th scope="col">{tr.t('funnels.stage.key')}</th>
              <th scope="col">{tr.t('funnels.stage.name')}</th>
              <th scope="col">{tr.t('funnels.stage.conversion')}</th>
              <th scope="col">{tr.t('funnels.stage.days')}</th>
              <th scope="col">{tr.t('funnels.stage.owner')}</th>
              <th scope="col">{tr.t('funnels.stage.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {funnel.stages.map((stage, i) => (
              // Keyed by position: after a move, each row shows (and resets to) the stage now in its place.
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td className="stage-key-cell">
                  <CommitText
                    label={tr.t('funnels.stage.keyOf', { n: i + 1 })}
                    hideLabel
                    value={stage.key}
                    validate={(key) => keyProblemText(key, funnel, i, tr)}
                    onCommit={(key) => saveStage(i, { key })}
                  />
                </td>
                <td className="stage-name-cell">
                  <CommitText
                    label={tr.t('funnels.stage.nameOf', { n: i + 1 })}
                    hideLabel
                    value={stage.name}
                    validate={(name) => (name.trim() === '' ? tr.t('funnels.nameEmpty') : null)}
                    onCommit={(name) => saveStage(i, { name: name.trim() })}
                  />
                </td>
                <td>
                  <RangeInput
                    label={tr.t('funnels.stage.conversionOf', { stage: stage.name })}
                    hideLegend
                    value={stage.conversion}
                    unit="ratio"
                    onCommit={(conversion) => saveStage(i, { conversion })}
                  />
                </td>
                <td>
                  <RangeInput
                    label={tr.t('funnels.stage.daysOf', { stage: stage.name })}
                    hideLegend
                    value={stage.days}
                    unit="days"
                    onCommit={(days) => saveStage(i, { days })}
                  />
                </td>
                <td>
                  <select
                    className="select-input"
                    aria-label={tr.t('funnels.stage.ownerOf', { stage: stage.name })}
                    value={stage.ownerId ?? ''}
                    onChange={(e) => void restructure(setStageOwner(funnel, i, e.target.value === '' ? null : e.target.value))}
                  >
                    <option value="">{tr.t('funnels.stage.noOwner')}</option>
                    {people.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} · {tr.t(`planning.roleShort.${p.role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="fx-row-actions">
                  <button
                    type="button"
                    className="fx-icon-button"
                    aria-label={tr.t('funnels.stage.up', { stage: stage.name })}
                    title={tr.t('funnels.stage.up', { stage: stage.name })}
                    disabled={i === 0}
                    onClick={() => void restructure(moveStage(funnel, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="fx-icon-button"
                    aria-label={tr.t('funnels.stage.down', { stage: stage.name })}
                    title={tr.t('funnels.stage.down', { stage: stage.name })}
                    disabled={i === n - 1}
                    onClick={() => void restructure(moveStage(funnel, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="fx-icon-button"
                    aria-label={tr.t('funnels.stage.remove', { stage: stage.name })}
                    title={tr.t('funnels.stage.remove', { stage: stage.name })}
                    disabled={n <= MIN_STAGES}
                    onClick={() => void restructure(removeStage(funnel, i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="fx-table-actions">
        <button
          type="button"
          className="button"
          disabled={n >= MAX_STAGES}
          onClick={() => void restructure(addStage(funnel, tr.t('funnels.stage.newName')))}
        >
          {tr.t('funnels.stage.add')}
        </button>
        {(n >= MAX_STAGES || n <= MIN_STAGES) && <span className="fx-hint">{tr.t('funnels.stage.limit')}</span>}
      </div>
      <Refusal reason={reason} />
    </section>
  );
});

function keyProblemText(key: string, funnel: Funnel, index: number, tr: ReturnType<typeof useT>): string | null {
  const problem = stageKeyProblem(key, funnel, index);
  switch (problem) {
    case null:
      return null;
    case 'empty':
      return tr.t('funnels.stage.keyEmpty');
    case 'format':
      return tr.t('funnels.stage.keyFormat');
    case 'duplicate':
      return tr.t('funnels.stage.keyDuplicate', { key });
    default: {
      const never: never = problem;
      return never;
    }
  }
}
