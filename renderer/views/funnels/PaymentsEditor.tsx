// The payment schedule is edited as a whole: changing one share always
// breaks the 100 % total until another one follows, so the rows are a draft
// with a running total, saved together only when the shares total 100 %.
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useRef, useState } from 'react';
import { formatPercent } from '../../../shared/i18n';
import type { Funnel, Payment, Range } from '../../../shared/plan/types';
import { RangeInput } from '../../components/RangeInput';
import { formatForInput, parseField } from '../../components/rangeDraft';
import { useT } from '../../stores/context';
import { sharesComplete, sharesTotalPercent } from '../../stores/funnels/funnelEdits';
import { Refusal } from '../../components/Refusal';

interface Props {
  funnel: Funnel;
  save: (next: Funnel) => Promise<string | null>;
}

interface Row {
  share: string;
  days: Range;
}

const rowsOf = (payments: readonly Payment[]): Row[] => payments.map((p) => ({ share: formatForInput(p.share, 'ratio'), days: p.days }));

/** A share's text → its fraction, or null when it is not a share (0 % < share ≤ 100 %). */
function shareOf(text: string): number | null {
  const r = parseField(text, 'fixed', 'ratio');
  return r.ok && r.value > 0 ? r.value : null;
}

export const PaymentsEditor = observer(function PaymentsEditor({ funnel, save }: Props) {
  const tr = useT();
  const titleId = useId();
  const totalId = useId();
  const stored = JSON.stringify(funnel.payments);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(funnel.payments));
  const [reason, setReason] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const latest = useRef(funnel.payments);
  latest.current = funnel.payments;
  const previous = useRef(stored);

  const dirty = JSON.stringify(rows) !== JSON.stringify(rowsOf(funnel.payments));
  // A schedule changed elsewhere (undo, another window) replaces the draft,
  // unless the user was in the middle of changing it.
  useEffect(() => {
    if (previous.current === stored) return;
    const wasClean = JSON.stringify(rows) === JSON.stringify(rowsOf(JSON.parse(previous.current) as Payment[]));
    previous.current = stored;
    if (wasClean) setRows(rowsOf(latest.current));
  }, [stored, rows]);

  const shares = rows.map((r) => shareOf(r.share));
  const allValid = shares.every((s) => s !== null);
  const values = shares.map((s) => s ?? 0);
  const total = sharesTotalPercent(values);
  const complete = allValid && sharesComplete(values);
  const totalText = formatPercent(total / 100, tr.locale, 2);

  const update = (i: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setReason(null);
    setSaved(false);
  };
  const submit = async () => {
    if (!complete || busy) return;
    setBusy(true);
    const payments: Payment[] = rows.map((r, i) => ({ share: values[i]!, days: r.days }));
    const outcome = await save({ ...funnel, payments });
    setBusy(false);
    if (outcome) {
      setReason(outcome);
      return;
    }
    setRows(rowsOf(payments));
    setSaved(true);
  };

  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId} className="fx-section-title">
        {tr.t('funnels.payments')}
      </h3>
      <p className="fx-hint">{tr.t('funnels.paymentsHint')}</p>
      <div className="fx-table-scroll">
        <table className="table payment-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {tr.t('funnels.payment.no')}
              </th>
              <th scope="col">{tr.t('funnels.payment.share')}</th>
              <th scope="col">{tr.t('funnels.payment.days')}</th>
              <th scope="col">
                <span className="visually-hidden">{tr.t('funnels.stage.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const bad = shares[i] === null;
              return (
                <tr key={i}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <span className="commit-text-row">
                      <input
                        className="text-input share-input"
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={tr.t('funnels.payment.shareOf', { n: i + 1 })}
                        aria-invalid={bad || undefined}
                        aria-describedby={bad ? `${totalId}-share-${i}` : totalId}
                        value={row.share}
                        onChange={(e) => update(i, { share: e.target.value })}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') void submit();
                        }}
                      />
                      <span className="commit-text-suffix">%</span>
                    </span>
                    {bad && (
                      <span id={`${totalId}-share-${i}`} className="commit-text-message">
                        {tr.t('funnels.payment.shareRange')}
                      </span>
                    )}
                  </td>
                  <td>
                    <RangeInput
                      label={tr.t('funnels.payment.daysOf', { n: i + 1 })}
                      hideLegend
                      value={row.days}
                      unit="days"
                      onCommit={(days) => update(i, { days })}
                    />
                  </td>
                  <td className="fx-row-actions">
                    <button
                      type="button"
                      className="fx-icon-button"
                      aria-label={tr.t('funnels.payment.remove', { n: i + 1 })}
                      title={tr.t('funnels.payment.remove', { n: i + 1 })}
                      disabled={rows.length <= 1}
                      onClick={() => {
                        setRows((rs) => rs.filter((_, j) => j !== i));
                        setSaved(false);
                      }}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2} className={complete ? 'share-total' : 'share-total share-total-off'}>
                <span id={totalId} role="status">
                  {complete ? tr.t('funnels.payment.total', { total: totalText }) : tr.t('funnels.payment.totalOff', { total: totalText })}
                </span>
              </th>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="fx-table-actions">
        <button
          type="button"
          className="button"
          disabled={rows.length >= 24}
          onClick={() => {
            setRows((rs) => [...rs, { share: '', days: rs[rs.length - 1]?.days ?? 30 }]);
            setSaved(false);
          }}
        >
          {tr.t('funnels.payment.add')}
        </button>
        <button type="button" className="button button-primary" disabled={!dirty || !complete || busy} onClick={() => void submit()}>
          {tr.t('funnels.payment.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty || busy}
          onClick={() => {
            setRows(rowsOf(latest.current));
            setReason(null);
          }}
        >
          {tr.t('funnels.payment.discard')}
        </button>
        {dirty && <span className="fx-hint">{tr.t('funnels.payment.unsaved')}</span>}
        {saved && !dirty && (
          <span className="fx-ok" role="status">
            {tr.t('funnels.payment.saved')}
          </span>
        )}
      </div>
      <Refusal reason={reason} />
    </section>
  );
});
