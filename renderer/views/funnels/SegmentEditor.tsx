// One segment: its name, its funnel, and its lead volume — a default entry
// and one entry per phase that differs — each leads per month as a fixed
// number or a range. Every change saves the whole segment.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { formatMonthRange } from '../../../shared/i18n';
import type { Segment } from '../../../shared/plan/types';
import { CommitText } from '../../components/CommitText';
import { DeleteButton } from '../../components/DeleteButton';
import { RangeInput } from '../../components/RangeInput';
import { useStores, useT } from '../../stores/context';
import { addLeadEntry, orderedLeadEntries, removeLeadEntry, setLeadEntry } from '../../stores/funnels/funnelEdits';
import { Refusal } from '../../components/Refusal';

const DEFAULT = '';

export const SegmentEditor = observer(function SegmentEditor({ segment }: { segment: Segment }) {
  const { funnels, plan } = useStores();
  const tr = useT();
  const uid = useId();
  const [reason, setReason] = useState<string | null>(null);
  const phases = plan.collections.phases.list;
  const save = (next: Segment) => funnels.saveSegment(segment.id, next);
  const act = async (next: Segment) => setReason(await save(next));

  const used = new Set(segment.leads.map((e) => e.phaseId ?? DEFAULT));
  const missing = [
    ...(used.has(DEFAULT) ? [] : [{ value: DEFAULT, label: tr.t('funnels.segment.default') }]),
    ...phases.filter((p) => !used.has(p.id)).map((p) => ({ value: p.id, label: p.name })),
  ];
  const [toAdd, setToAdd] = useState<string>(missing[0]?.value ?? DEFAULT);
  const addChoice = missing.some((m) => m.value === toAdd) ? toAdd : (missing[0]?.value ?? DEFAULT);

  const phaseLabel = (phaseId: string | undefined) => {
    if (phaseId === undefined) return tr.t('funnels.segment.default');
    return phases.find((p) => p.id === phaseId)?.name ?? phaseId;
  };

  return (
    <section className="card segment-card" aria-labelledby={`${uid}-title`}>
      <header className="fx-editor-head">
        <h3 id={`${uid}-title`} className="fx-editor-title">
          {segment.name}
        </h3>
        <div className="fx-editor-actions">
          <DeleteButton
            className="button"
            label={tr.t('funnels.delete')}
            ariaLabel={tr.t('funnels.segment.delete', { name: segment.name })}
            title={tr.t('funnels.segment.delete', { name: segment.name })}
            question={tr.t('funnels.confirm.deleteSegment', { name: segment.name })}
            confirmLabel={tr.t('funnels.delete')}
            onDelete={() => funnels.deleteSegment(segment.id)}
          />
        </div>
      </header>
      <div className="fx-field-row">
        <CommitText
          className="fx-field-name"
          label={tr.t('funnels.segment.name')}
          value={segment.name}
          validate={(text) => (text.trim() === '' ? tr.t('funnels.nameEmpty') : null)}
          onCommit={(name) => save({ ...segment, name: name.trim() })}
        />
        <div className="fx-field-process">
          <label htmlFor={`${uid}-funnel`} className="commit-text-label">
            {tr.t('funnels.segment.funnel')}
          </label>
          <select
            id={`${uid}-funnel`}
            className="fx-select"
            value={segment.funnelId}
            onChange={(e) => void act({ ...segment, funnelId: e.target.value })}
          >
            {funnels.funnels.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <h4 id={`${uid}-leads`} className="fx-section-title">
        {tr.t('funnels.segment.leads')}
      </h4>
      <p className="fx-hint">{tr.t('funnels.segment.leadsHint')}</p>
      {segment.leads.length === 0 ? (
        <p className="muted">{tr.t('funnels.segment.noEntries')}</p>
      ) : (
        <table className="table lead-entries" aria-labelledby={`${uid}-leads`}>
          <thead>
            <tr>
              <th scope="col">{tr.t('funnels.segment.phase')}</th>
              <th scope="col">{tr.t('funnels.segment.perMonth')}</th>
              <th scope="col">
                <span className="visually-hidden">{tr.t('funnels.stage.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {orderedLeadEntries(segment, phases).map(({ entry, index }) => {
              const phase = entry.phaseId === undefined ? undefined : phases.find((p) => p.id === entry.phaseId);
              const label = phaseLabel(entry.phaseId);
              return (
                <tr key={entry.phaseId ?? DEFAULT}>
                  <th scope="row">
                    {label}
                    {phase && <span className="fx-row-sub">{formatMonthRange(phase.start, phase.end, tr.locale)}</span>}
                  </th>
                  <td>
                    <RangeInput
                      label={tr.t('funnels.segment.leadsOf', { segment: segment.name, phase: label })}
                      hideLegend
                      value={entry.perMonth}
                      unit="count"
                      suffix={tr.t('funnels.segment.leadsUnit')}
                      onCommit={(perMonth) => save(setLeadEntry(segment, index, perMonth))}
                    />
                  </td>
                  <td className="fx-row-actions">
                    <button
                      type="button"
                      className="fx-icon-button"
                      aria-label={tr.t('funnels.segment.removeEntry', { phase: label, segment: segment.name })}
                      title={tr.t('funnels.segment.removeEntry', { phase: label, segment: segment.name })}
                      onClick={() => void act(removeLeadEntry(segment, index))}
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
        {missing.length === 0 ? (
          <span className="fx-hint">{tr.t('funnels.segment.allEntries')}</span>
        ) : (
          <>
            <label htmlFor={`${uid}-add`} className="fx-inline-label">
              {tr.t('funnels.segment.addEntryFor')}
            </label>
            <select id={`${uid}-add`} className="fx-select" value={addChoice} onChange={(e) => setToAdd(e.target.value)}>
              {missing.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              onClick={() => void act(addLeadEntry(segment, addChoice === DEFAULT ? undefined : addChoice))}
            >
              {tr.t('funnels.segment.addEntry')}
            </button>
          </>
        )}
      </div>
      <Refusal reason={reason} />
    </section>
  );
});
