// The month × metric grid of actuals for the chosen scope. A cell commits on
// Enter or when it loses focus (one undoable edit); a block pasted from Excel
// lands from the cell it is pasted into (one edit for the whole block). What
// the user typed is checked here (a number of 0 or more); the store answers
// any refusal, shown under the grid.
import { observer } from 'mobx-react-lite';
import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { formatMonth } from '../../../shared/i18n';
import { parseAmount } from '../../../shared/import/values';
import { ACTUAL_METRICS, type ActualMetric } from '../../../shared/plan/types';
import { Refusal } from '../../components/Refusal';
import { useStores, useT } from '../../stores/context';

const ActualCell = observer(function ActualCell(props: {
  month: string;
  metric: ActualMetric;
  value: number | undefined;
  label: string;
  onRefusal: (r: string | null) => void;
}) {
  const { tracking, plan } = useStores();
  const tr = useT();
  const stored = props.value === undefined ? '' : String(props.value);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? stored;
  const commit = async () => {
    if (draft === null) return;
    const t = draft.trim();
    if (t === stored) {
      setDraft(null);
      return;
    }
    let value: number | null = null;
    if (t !== '') {
      const v = parseAmount(t, { currency: plan.settings?.currency ?? 'CNY' });
      if (!v.ok) {
        props.onRefusal(tr.t('tracking.grid.notNumber', { text: t }));
        setDraft(null);
        return;
      }
      value = v.value;
    }
    props.onRefusal(await tracking.setCell(props.month, props.metric, value));
    setDraft(null);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit();
    } else if (e.key === 'Escape') setDraft(null);
  };
  const onPaste = async (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(pasted.trim())) return; // one value: let the input take it
    e.preventDefault();
    setDraft(null);
    props.onRefusal(await tracking.paste(pasted, props.month, props.metric));
  };
  return (
    <td className="num">
      <input
        className="text-input trk-cell"
        inputMode="decimal"
        aria-label={props.label}
        data-month={props.month}
        data-metric={props.metric}
        value={text}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={onKey}
        onPaste={(e) => void onPaste(e)}
      />
    </td>
  );
});

export const ActualsGrid = observer(function ActualsGrid() {
  const { tracking } = useStores();
  const tr = useT();
  const id = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  const grid = tracking.grid;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('tracking.grid.title')}
      </h2>
      <p className="muted">{tr.t('tracking.grid.help')}</p>
      <Refusal reason={refusal} />
      <div className="trk-grid-wrap">
        <table className="table trk-grid" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{tr.t('tracking.grid.month')}</th>
              {ACTUAL_METRICS.map((m) => (
                <th key={m} scope="col" className="num">
                  {tr.t(`metric.${m}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tracking.months.map((month) => {
              const monthText = formatMonth(month, tr.locale);
              return (
                <tr key={month}>
                  <th scope="row">{monthText}</th>
                  {ACTUAL_METRICS.map((m) => (
                    <ActualCell
                      key={`${tracking.segmentId ?? ''}|${m}`}
                      month={month}
                      metric={m}
                      value={grid.get(month)?.get(m)}
                      label={tr.t('tracking.grid.cell', { metric: tr.t(`metric.${m}`), month: monthText })}
                      onRefusal={setRefusal}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
});
