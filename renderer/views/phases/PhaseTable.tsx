// The phases as a table in date order, every field editable from the
// keyboard: name, stage, start and end month (the accessible way to resize),
// move earlier / later (swaps months with the neighbour), the verdict of its
// phase gate (its exit checks, see docs/phase-gate.md), details, delete.
import { observer } from 'mobx-react-lite';
import { NAME_MAX } from '../../../shared/plan/schema';
import { horizonMonthList } from '../../../shared/plan/months';
import { PHASE_STAGES, type Phase, type PhaseStage } from '../../../shared/plan/types';
import { CommitText } from '../../components/CommitText';
import { DeleteButton } from '../../components/DeleteButton';
import { MonthSelect } from '../../components/MonthSelect';
import type { PhaseSpan } from '../../stores/planning/coverage';
import { useStores, useT } from '../../stores/context';
import { REFUSAL_ID } from './CoverageNotes';
import { DETAILS_ID } from './PhaseDetails';
import { openGoalsOf } from './links';
import { StatusBadge } from '../gate/GateSection';

const PhaseRow = observer(function PhaseRow({ span, count, months }: { span: PhaseSpan; count: number; months: string[] }) {
  const { planning, plan, gate } = useStores();
  const tr = useT();
  const phase = plan.collections.phases.get(span.phase.id) ?? span.phase;
  const verdict = gate.gates.get(phase.id)?.status ?? null;
  const refused = planning.phaseRefusal?.phaseId === phase.id;
  const save = (patch: Partial<Phase>) => planning.tryUpdatePhase(phase.id, { ...phase, ...patch });
  const selected = planning.selectedPhaseId === phase.id;
  const name = phase.name;
  return (
    <tr className={selected ? 'is-selected' : undefined}>
      <td className="num">{span.number}</td>
      <td className="phase-name-cell">
        <CommitText
          label={tr.t('planning.phase.nameOf', { number: span.number })}
          hideLabel
          value={name}
          validate={(text) =>
            text.trim() === '' ? tr.t('planning.name.empty') : text.trim().length > NAME_MAX ? tr.t('planning.name.tooLong', { max: NAME_MAX }) : null
          }
          onCommit={(text) => planning.updatePhase(phase, { name: text.trim() })}
        />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`stage-${phase.id}`}>
          {tr.t('planning.phase.stageOf', { name })}
        </label>
        <select
          id={`stage-${phase.id}`}
          className="select-input"
          value={phase.stage}
          onChange={(e) => void save({ stage: e.target.value as PhaseStage })}
        >
          {PHASE_STAGES.map((s) => (
            <option key={s} value={s}>
              {tr.t(`stage.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <MonthSelect
          label={tr.t('planning.phase.startOf', { name })}
          hideLabel
          value={phase.start}
          months={months}
          invalid={refused}
          describedBy={refused ? REFUSAL_ID : undefined}
          onCommit={(start) => save({ start })}
        />
      </td>
      <td>
        <MonthSelect
          label={tr.t('planning.phase.endOf', { name })}
          hideLabel
          value={phase.end}
          months={months}
          invalid={refused}
          describedBy={refused ? REFUSAL_ID : undefined}
          onCommit={(end) => save({ end })}
        />
      </td>
      <td className="num">{tr.tn('planning.months', span.months)}</td>
      <td className="phase-gate-cell">
        <StatusBadge status={verdict} />
      </td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="button button-small"
            aria-expanded={selected}
            aria-controls={selected ? DETAILS_ID : undefined}
            aria-label={tr.t('planning.phase.detailsOf', { name })}
            onClick={() => planning.selectPhase(selected ? null : phase.id)}
          >
            {tr.t('planning.phase.details')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={span.number === 1}
            aria-label={tr.t('planning.phase.moveEarlier', { name })}
            title={tr.t('planning.phase.moveEarlier', { name })}
            onClick={() => void planning.movePhase(phase.id, -1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={span.number === count}
            aria-label={tr.t('planning.phase.moveLater', { name })}
            title={tr.t('planning.phase.moveLater', { name })}
            onClick={() => void planning.movePhase(phase.id, 1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <DeleteButton
            className="button button-small button-danger-quiet"
            label={tr.t('planning.delete')}
            ariaLabel={tr.t('planning.phase.deleteOf', { name })}
            title={tr.t('planning.phase.deleteTitle')}
            question={tr.t('planning.phase.deleteQuestion', { name })}
            confirmLabel={tr.t('planning.delete')}
            onDelete={() => planning.deletePhase(phase)}
            whenRefused={(close) => (
              <p className="refusal-links">
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    close();
                    planning.selectPhase(phase.id);
                  }}
                >
                  {tr.t('planning.phase.showDetails')}
                </button>
                <button type="button" className="button" onClick={() => openGoalsOf(planning, phase.id)}>
                  {tr.t('planning.phase.openGoals')}
                </button>
              </p>
            )}
          />
        </div>
      </td>
    </tr>
  );
});

export const PhaseTable = observer(function PhaseTable() {
  const { planning, plan } = useStores();
  const tr = useT();
  const settings = plan.settings!;
  const months = horizonMonthList(settings.startMonth, settings.horizonMonths);
  // The stored phases, not a drag preview: the fields show what is saved.
  const { spans } = planning.storedCoverage;
  if (spans.length === 0) return <p className="muted">{tr.t('planning.phase.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table phase-table" aria-labelledby="phase-table-title">
        <thead>
          <tr>
            <th scope="col" className="num">
              {tr.t('overview.phaseOrder')}
            </th>
            <th scope="col">{tr.t('overview.phaseName')}</th>
            <th scope="col">{tr.t('overview.phaseStage')}</th>
            <th scope="col">{tr.t('planning.phase.start')}</th>
            <th scope="col">{tr.t('planning.phase.end')}</th>
            <th scope="col" className="num">
              {tr.t('planning.phase.length')}
            </th>
            <th scope="col">{tr.t('gate.column')}</th>
            <th scope="col">
              <span className="visually-hidden">{tr.t('planning.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {spans.map((s) => (
            <PhaseRow key={s.phase.id} span={s} count={spans.length} months={months} />
          ))}
        </tbody>
      </table>
    </div>
  );
});
