// Calibrate a funnel from deal history: choose a CRM export (CSV/XLSX), map
// its columns (guessed from the header), map the file's outcome values to
// won / lost / open, settle the date order when the dates do not say, then
// read the history's figures (with the deals and dates behind each) and the
// suggested Range of each input beside today's; the accepted ones are one
// undoable edit. The button that opens it sits on the Funnels screen.
import { observer } from 'mobx-react-lite';
import { useId, useRef, useState } from 'react';
import { formatMoney, formatNumber, formatPercent, type Translator } from '../../../shared/i18n';
import { DEAL_COLUMNS, REQUIRED_DEAL_COLUMNS, type Evidence, type Outcome, type Suggestion } from '../../../shared/calibration';
import type { Range } from '../../../shared/plan/types';
import { Dialog } from '../../components/Dialog';
import { LabelledSelect } from '../../components/LabelledSelect';
import { Refusal } from '../../components/Refusal';
import type { CalibrationSession } from '../../stores/calibration/CalibrationSession';
import { useStores, useT } from '../../stores/context';
import { CUSTOMER_FILE_ACCEPT } from '../../stores/customerImport/readCustomerFile';
import { fileErrorText } from '../customers/import/labels';
import '../../styles/calibration.css';

const OUTCOMES: readonly Outcome[] = ['won', 'lost', 'open'];

function evidenceText(tr: Translator, e: Evidence): string {
  return tr.t('calibration.ui.evidence', { n: e.n, from: e.from ?? '—', to: e.to ?? '—' });
}

function rangeText(r: Range | null, fmt: (n: number) => string): string {
  if (r === null) return '—';
  return typeof r === 'number' ? fmt(r) : `${fmt(r.min)} / ${fmt(r.mode)} / ${fmt(r.max)}`;
}

function suggestionLabel(tr: Translator, s: Suggestion, stageName: (i: number) => string): string {
  if (s.field === 'conversion' || s.field === 'days') return tr.t(`calibration.field.${s.field}`, { stage: stageName(s.stage ?? 0) });
  return tr.t(`calibration.field.${s.field}`);
}

const Mapping = observer(function Mapping({ session }: { session: CalibrationSession }) {
  const tr = useT();
  const header = session.header;
  return (
    <fieldset className="cal-fieldset">
      <legend>{tr.t('calibration.ui.columns')}</legend>
      <div className="cal-mapping">
        {DEAL_COLUMNS.map((field) => (
          <LabelledSelect
            key={field}
            layout="bar"
            label={`${tr.t(`calibration.column.${field}`)}${REQUIRED_DEAL_COLUMNS.includes(field) ? ' *' : ''}`}
            value={session.columns[field] === undefined ? '' : String(session.columns[field])}
            onChange={(v) => session.setColumn(field, v === '' ? null : Number(v))}
            options={[['', tr.t('calibration.ui.notInFile')], ...header.map((h, i) => [String(i), h || `#${i + 1}`] as const)]}
          />
        ))}
      </div>
    </fieldset>
  );
});

const Outcomes = observer(function Outcomes({ session }: { session: CalibrationSession }) {
  const tr = useT();
  const rows = session.outcomes;
  if (rows.length === 0) return null;
  return (
    <fieldset className="cal-fieldset">
      <legend>{tr.t('calibration.ui.outcomes')}</legend>
      <table className="table cal-outcomes">
        <thead>
          <tr>
            <th scope="col">{tr.t('calibration.ui.outcomeValue')}</th>
            <th scope="col" className="num">
              {tr.t('calibration.ui.deals')}
            </th>
            <th scope="col">{tr.t('calibration.ui.means')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 50).map((r) => (
            <tr key={r.value}>
              <th scope="row">{r.value}</th>
              <td className="num">{formatNumber(r.count, tr.locale, 0)}</td>
              <td>
                <select
                  className="text-input"
                  aria-label={tr.t('calibration.ui.meansOf', { value: r.value })}
                  value={r.outcome ?? ''}
                  onChange={(e) => session.setOutcome(r.value, e.target.value === '' ? null : (e.target.value as Outcome))}
                >
                  <option value="">{tr.t('calibration.ui.unknown')}</option>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {tr.t(`calibration.outcome.${o}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
});

const Figures = observer(function Figures({ session }: { session: CalibrationSession }) {
  const { plan } = useStores();
  const tr = useT();
  const r = session.result;
  if (!r?.figures) return null;
  const f = r.figures;
  const currency = plan.settings?.currency ?? 'CNY';
  const money = (v: number) => formatMoney(v, currency, tr.locale, { compact: true });
  const days = (v: number) => formatNumber(v, tr.locale, 1);
  const q = (x: { p10: number; p50: number; p90: number }, fmt: (v: number) => string) => `${fmt(x.p10)} / ${fmt(x.p50)} / ${fmt(x.p90)}`;
  return (
    <section className="cal-figures" aria-label={tr.t('calibration.ui.figures')}>
      <h3>{tr.t('calibration.ui.figures')}</h3>
      <dl>
        <dt>{tr.t('calibration.ui.dealsLine')}</dt>
        <dd>
          {tr.t('calibration.ui.dealCounts', { total: f.deals.total, won: f.deals.won, lost: f.deals.lost, open: f.deals.open })} · {evidenceText(tr, f.span)}
        </dd>
        {f.winRate && (
          <>
            <dt>{tr.t('calibration.ui.winRate')}</dt>
            <dd>
              {tr.t('calibration.figure.winRate', {
                value: formatPercent(f.winRate.value, tr.locale, 1),
                low: formatPercent(f.winRate.low, tr.locale, 1),
                high: formatPercent(f.winRate.high, tr.locale, 1),
                won: f.winRate.won,
                lost: f.winRate.lost,
              })}{' '}
              · {evidenceText(tr, f.winRate.evidence)}
            </dd>
          </>
        )}
        {f.cycle && (
          <>
            <dt>{tr.t('calibration.ui.cycle')}</dt>
            <dd>
              {q(f.cycle, days)} · {evidenceText(tr, f.cycle.evidence)}
            </dd>
          </>
        )}
        {f.dealSize && (
          <>
            <dt>{tr.t('calibration.ui.dealSize')}</dt>
            <dd>
              {q(f.dealSize, money)} · {evidenceText(tr, f.dealSize.evidence)}
            </dd>
          </>
        )}
        {f.leadVolume && (
          <>
            <dt>{tr.t('calibration.ui.leadVolume')}</dt>
            <dd>
              {q(f.leadVolume, (v) => formatNumber(v, tr.locale, 1))} · {evidenceText(tr, f.leadVolume.evidence)}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
});

const Suggestions = observer(function Suggestions({ session }: { session: CalibrationSession }) {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const r = session.result;
  if (!r || !r.ok || r.suggestions.length === 0) return null;
  const funnel = plan.collections.funnels.get(session.funnelId);
  const stageName = (i: number) => funnel?.stages[i]?.name ?? String(i + 1);
  const currency = plan.settings?.currency ?? 'CNY';
  const fmtOf = (s: Suggestion) =>
    s.field === 'conversion'
      ? (v: number) => formatPercent(v, tr.locale, 1)
      : s.field === 'dealSize'
        ? (v: number) => formatMoney(v, currency, tr.locale, { compact: true })
        : (v: number) => formatNumber(v, tr.locale, 1);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{tr.t('calibration.ui.suggestions')}</h3>
      <p className="muted">{tr.t('calibration.modeNote')}</p>
      <table className="table cal-suggestions" aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">{tr.t('calibration.ui.accept')}</th>
            <th scope="col">{tr.t('calibration.ui.input')}</th>
            <th scope="col" className="num">
              {tr.t('calibration.ui.today')}
            </th>
            <th scope="col" className="num">
              {tr.t('calibration.ui.suggested')}
            </th>
            <th scope="col">{tr.t('calibration.ui.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {r.suggestions.map((s) => {
            const label = suggestionLabel(tr, s, stageName);
            return (
              <tr key={s.id} data-suggestion={s.id}>
                <td>
                  <input type="checkbox" aria-label={tr.t('calibration.ui.acceptOne', { field: label })} checked={session.accepted.has(s.id)} onChange={() => session.toggle(s.id)} />
                </td>
                <th scope="row">{label}</th>
                <td className="num">{rangeText(s.current, fmtOf(s))}</td>
                <td className="num">
                  <strong>{rangeText(s.suggested, fmtOf(s))}</strong>
                </td>
                <td className="muted">{evidenceText(tr, s.evidence)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
});

/** The same history as monthly actuals for the Tracking screen. */
const HistoryActuals = observer(function HistoryActuals({ session }: { session: CalibrationSession }) {
  const tr = useT();
  const [outcome, setOutcome] = useState<{ refusal: string | null; added: number } | null>(null);
  const h = session.historyActuals;
  if (!h) return null;
  const months = new Set(h.actuals.map((a) => a.month)).size;
  return (
    <section className="cal-actuals">
      <h3>{tr.t('calibration.ui.actualsTitle')}</h3>
      <p className="muted">{tr.t('calibration.ui.actualsText', { months, outside: h.outsideHorizon })}</p>
      {h.actuals.length > 0 && (
        <button
          type="button"
          className="button"
          onClick={async () => {
            const refusal = await session.addHistoryActuals();
            setOutcome({ refusal, added: h.actuals.length });
          }}
        >
          {tr.t('calibration.ui.actualsAdd')}
        </button>
      )}
      {outcome && outcome.refusal === null && (
        <p className="notice" role="status">
          {tr.tn('tracking.import.done', outcome.added)}
        </p>
      )}
      <Refusal reason={outcome?.refusal} />
    </section>
  );
});

export const CalibrationDialog = observer(function CalibrationDialog() {
  const { calibration, plan } = useStores();
  const tr = useT();
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const session = calibration.session;
  if (!session) return null;
  const r = session.result;
  const funnels = plan.collections.funnels.plainList;
  const segments = plan.collections.segments.plainList.filter((s) => s.funnelId === session.funnelId);
  const apply = async () => {
    const outcome = await session.apply();
    setRefusal(outcome);
    if (outcome === null) calibration.close();
  };
  return (
    <Dialog title={tr.t('calibration.ui.title')} onClose={() => calibration.close()} wide>
      <p className="muted">{tr.t('calibration.ui.intro')}</p>
      <div className="cal-bar">
        <button type="button" className="button" onClick={() => input.current?.click()}>
          {tr.t('calibration.ui.chooseFile')}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept={CUSTOMER_FILE_ACCEPT}
          data-testid="history-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void session.chooseFile(f);
          }}
        />
        {session.fileName && <span>{tr.t('calibration.ui.file', { name: session.fileName, rows: Math.max(0, session.grid.length - 1) })}</span>}
        <LabelledSelect layout="bar" label={tr.t('calibration.ui.funnel')} value={session.funnelId} onChange={(v) => session.setFunnel(v)} options={funnels.map((f) => [f.id, f.name] as const)} />
        <LabelledSelect
          layout="bar"
          label={tr.t('calibration.ui.segment')}
          value={session.segmentId ?? ''}
          onChange={(v) => session.setSegment(v === '' ? null : v)}
          options={[['', tr.t('calibration.ui.allSegments')], ...segments.map((s) => [s.id, s.name] as const)]}
        />
      </div>
      {session.fileError && <p className="refused">{fileErrorText(tr, session.fileError)}</p>}
      {session.grid.length > 0 && (
        <>
          <Mapping session={session} />
          <Outcomes session={session} />
          {(r?.read.ambiguousDates || session.dateOrder !== null) && (
            <LabelledSelect
              layout="bar"
              label={tr.t('calibration.ui.dateOrder')}
              value={session.dateOrder ?? ''}
              onChange={(v) => session.setDateOrder(v === '' ? null : (v as 'mdy' | 'dmy'))}
              options={[
                ['', tr.t('calibration.ui.dateOrderAsk')],
                ['mdy', tr.t('calibration.ui.mdy')],
                ['dmy', tr.t('calibration.ui.dmy')],
              ]}
            />
          )}
          {session.missing.length > 0 && (
            <p className="notice">{tr.t('calibration.ui.missing', { fields: session.missing.map((c) => tr.t(`calibration.column.${c}`)).join(tr.t('planning.list.separator')) })}</p>
          )}
          {r && r.problems.length > 0 && (
            <ul className="cal-problems">
              {r.problems.map((p, i) => (
                <li key={i} className={p.severity === 'error' ? 'refused' : 'muted'}>
                  {(tr.t as (key: string, params: Record<string, string | number>) => string)(p.key, p.params)}
                </li>
              ))}
            </ul>
          )}
          <Figures session={session} />
          <Suggestions session={session} />
          <HistoryActuals session={session} />
        </>
      )}
      <Refusal reason={refusal} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => calibration.close()}>
          {tr.t('calibration.ui.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={!r?.ok || session.accepted.size === 0 || session.busy} onClick={() => void apply()}>
          {tr.tn('calibration.ui.apply', session.accepted.size)}
        </button>
      </div>
    </Dialog>
  );
});

/** The Funnels screen's way in. */
export const CalibrateButton = observer(function CalibrateButton() {
  const { calibration, plan } = useStores();
  const tr = useT();
  if (plan.collections.funnels.plainList.length === 0) return null;
  return (
    <>
      <button type="button" className="button" onClick={() => calibration.open()}>
        {tr.t('calibration.ui.open')}
      </button>
      <CalibrationDialog />
    </>
  );
});
