// Reverse funnel: pick a target and a probability, get the lead volume it
// needs per segment (now and needed), computed in the host's worker pool.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatNumber, formatPercent } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';
import { describeTarget } from './format';
import { Refusal } from '../../components/Refusal';

const PROBABILITIES = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

export const RequiredLeadsPanel = observer(function RequiredLeadsPanel() {
  const { simulation, plan } = useStores();
  const a = simulation.analyses;
  const tr = useT();
  const id = useId();
  const currency = plan.settings?.currency ?? 'CNY';
  const targets = plan.collections.targets.list;
  const phases = plan.collections.phases;
  const targetId = a.targetId ?? targets[0]?.id ?? null;
  const r = a.reverse;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('simulation.reverse.title')}
      </h2>
      <p className="muted">{tr.t('simulation.reverse.intro')}</p>
      {targets.length === 0 ? (
        <p className="muted">{tr.t('simulation.reverse.noTargets')}</p>
      ) : (
        <div className="sim-analysis-form">
          <label className="sim-inline-field">
            <span>{tr.t('simulation.reverse.target')}</span>
            <select className="select-input" value={targetId ?? ''} onChange={(e) => a.setTarget(e.target.value)}>
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {`${phases.get(t.phaseId)?.name ?? t.phaseId}: ${describeTarget(tr, t.metric, t.value, currency)}`}
                </option>
              ))}
            </select>
          </label>
          <label className="sim-inline-field">
            <span>{tr.t('simulation.reverse.probability')}</span>
            <select className="select-input" value={a.probability} onChange={(e) => a.setProbability(Number(e.target.value))}>
              {PROBABILITIES.map((q) => (
                <option key={q} value={q}>
                  {formatPercent(q, tr.locale, 0)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={a.reverseBusy}
            onClick={() => {
              if (a.targetId === null && targetId) a.setTarget(targetId);
              void a.computeRequiredLeads();
            }}
          >
            {a.reverseBusy ? tr.t('simulation.reverse.busy') : tr.t('simulation.reverse.compute')}
          </button>
        </div>
      )}
      <Refusal reason={a.reverseError} />
      {r && (
        <div className="sim-reverse-result" aria-live="polite">
          {r.reachable ? (
            <>
              <p>
                {tr.t('simulation.reverse.result', {
                  multiplier: formatNumber(r.multiplier!, tr.locale, 2),
                  attainment: formatPercent(r.attainment, tr.locale, 0),
                })}
              </p>
              <table className="table" aria-label={tr.t('simulation.reverse.title')}>
                <thead>
                  <tr>
                    <th scope="col">{tr.t('simulation.reverse.segment')}</th>
                    <th scope="col" className="num">
                      {tr.t('simulation.reverse.now')}
                    </th>
                    <th scope="col" className="num">
                      {tr.t('simulation.reverse.needed')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(r.leadsPerMonth ?? {}).map(([segmentId, n]) => (
                    <tr key={segmentId}>
                      <th scope="row">{plan.collections.segments.get(segmentId)?.name ?? segmentId}</th>
                      <td className="num">{formatNumber(n / r.multiplier!, tr.locale, 1)}</td>
                      <td className="num">{formatNumber(n, tr.locale, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p>
              {r.reason === 'kpiTarget'
                ? tr.t('simulation.reverse.kpi')
                : tr.t('simulation.reverse.unreachable', { attainment: formatPercent(r.attainment, tr.locale, 0) })}
            </p>
          )}
        </div>
      )}
    </section>
  );
});
