// One funnel: name and process, the stage editor, what the funnel expects
// (win rate, cycles, volumes per 100 leads), the deal and delivery, and the
// payment schedule. Every edit saves the whole funnel through the store.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { formatPercent } from '../../../shared/i18n';
import { PROCESSES, type Funnel, type Process } from '../../../shared/plan/types';
import { CommitText } from '../../components/CommitText';
import { DeleteButton } from '../../components/DeleteButton';
import { formatValue, RangeInput } from '../../components/RangeInput';
import { useStores, useT } from '../../stores/context';
import { FunnelChart } from './FunnelChart';
import { PaymentsEditor } from './PaymentsEditor';
import { ProcessBadge } from './ProcessBadge';
import { StageTable } from './StageTable';
import { Refusal } from '../../components/Refusal';

export const FunnelEditor = observer(function FunnelEditor({ funnel }: { funnel: Funnel }) {
  const { funnels, plan } = useStores();
  const tr = useT();
  const [reason, setReason] = useState<string | null>(null);
  const [processReason, setProcessReason] = useState<string | null>(null);
  const titleId = useId();
  const processId = useId();
  const currency = plan.settings?.currency ?? '';
  const summary = funnels.summaries.get(funnel.id);
  const save = (next: Funnel) => funnels.saveFunnel(funnel.id, next);

  return (
    <section className="card funnel-editor" aria-labelledby={titleId}>
      <header className="fx-editor-head">
        <h2 id={titleId} className="fx-editor-title">
          {funnel.name} <ProcessBadge process={funnel.process} />
        </h2>
        <div className="fx-editor-actions">
          <button
            type="button"
            className="button"
            aria-label={tr.t('funnels.duplicateNamed', { name: funnel.name })}
            onClick={async () => setReason(await funnels.duplicateFunnel(funnel.id))}
          >
            {tr.t('funnels.duplicate')}
          </button>
          <DeleteButton
            className="button"
            label={tr.t('funnels.delete')}
            ariaLabel={tr.t('funnels.deleteNamed', { name: funnel.name })}
            title={tr.t('funnels.deleteNamed', { name: funnel.name })}
            question={tr.t('funnels.confirm.deleteFunnel', { name: funnel.name })}
            confirmLabel={tr.t('funnels.delete')}
            onDelete={() => funnels.deleteFunnel(funnel.id)}
          />
        </div>
      </header>
      <Refusal reason={reason} />

      <div className="fx-field-row">
        <CommitText
          className="fx-field-name"
          label={tr.t('funnels.name')}
          value={funnel.name}
          validate={(text) => (text.trim() === '' ? tr.t('funnels.nameEmpty') : null)}
          onCommit={(name) => save({ ...funnel, name: name.trim() })}
        />
        <div className="fx-field-process">
          <label htmlFor={processId} className="commit-text-label">
            {tr.t('funnels.process')}
          </label>
          <select
            id={processId}
            className="fx-select"
            value={funnel.process}
            aria-describedby={`${processId}-hint`}
            onChange={async (e) => setProcessReason(await save({ ...funnel, process: e.target.value as Process }))}
          >
            {PROCESSES.map((p) => (
              <option key={p} value={p}>
                {tr.t(p === 'ltc' ? 'process.ltc' : 'process.mtc')}
              </option>
            ))}
          </select>
          <span id={`${processId}-hint`} className="fx-hint">
            {tr.t('funnels.processHint')}
          </span>
          <Refusal reason={processReason} inline />
        </div>
      </div>

      <StageTable funnel={funnel} save={save} />

      {summary && (
        <div className="funnel-summary">
          <section aria-labelledby={`${titleId}-summary`}>
            <h3 id={`${titleId}-summary`} className="fx-section-title">
              {tr.t('funnels.summary')}
            </h3>
            <dl className="facts facts-compact">
              <div className="fact" data-kpi="conversion">
                <dt>{tr.t('funnels.conversion')}</dt>
                <dd>{formatPercent(summary.conversion, tr.locale, 2)}</dd>
              </div>
              <div className="fact" data-kpi="winRate">
                <dt>{tr.t('funnels.winRate')}</dt>
                <dd>{formatPercent(summary.winRate, tr.locale, 2)}</dd>
              </div>
              <div className="fact" data-kpi="salesCycleDays">
                <dt>{tr.t('funnels.cycle')}</dt>
                <dd>{formatValue(summary.salesCycleDays, 'days', tr)}</dd>
              </div>
              <div className="fact" data-kpi="deliveryCycleDays">
                <dt>{tr.t('funnels.deliveryCycle')}</dt>
                <dd>{formatValue(summary.deliveryCycleDays, 'days', tr)}</dd>
              </div>
              <div className="fact" data-kpi="cashCycleDays">
                <dt>{tr.t('funnels.cashCycle')}</dt>
                <dd>{formatValue(summary.cashCycleDays, 'days', tr)}</dd>
              </div>
            </dl>
          </section>
          <FunnelChart funnel={funnel} volumes={summary.volumes} />
        </div>
      )}

      <section aria-labelledby={`${titleId}-deal`}>
        <h3 id={`${titleId}-deal`} className="fx-section-title">
          {tr.t('funnels.deal')}
        </h3>
        <div className="fx-deal-fields">
          <RangeInput
            label={tr.t('funnels.dealSize')}
            value={funnel.dealSize}
            unit="money"
            currency={currency}
            onCommit={(dealSize) => save({ ...funnel, dealSize })}
          />
          <RangeInput
            label={tr.t('funnels.deliveryDays')}
            value={funnel.deliveryDays}
            unit="days"
            onCommit={(deliveryDays) => save({ ...funnel, deliveryDays })}
          />
        </div>
      </section>

      <PaymentsEditor funnel={funnel} save={save} />
    </section>
  );
});
