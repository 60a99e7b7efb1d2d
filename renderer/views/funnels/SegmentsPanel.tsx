// Segments: which funnel each runs through and how many leads it brings per
// month in each phase; the table on top reads across phases at a glance.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { formatNumber } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';
import { SegmentEditor } from './SegmentEditor';
import { Refusal } from '../../components/Refusal';

export const SegmentsPanel = observer(function SegmentsPanel() {
  const { funnels, plan } = useStores();
  const tr = useT();
  const [reason, setReason] = useState<string | null>(null);
  const phases = plan.collections.phases.list;
  const rows = funnels.leadsTable;
  return (
    <div className="segments-panel">
      <section className="card" aria-labelledby="leads-table-title">
        <h2 id="leads-table-title" className="card-title">
          {tr.t('funnels.leadsTable')}
        </h2>
        {rows.length === 0 ? (
          <p className="muted">{tr.t('funnels.segment.none')}</p>
        ) : (
          <div className="fx-table-scroll">
            <table className="table leads-table" aria-labelledby="leads-table-title" aria-describedby="leads-table-note">
              <thead>
                <tr>
                  <th scope="col">{tr.t('funnels.leadsTable.segment')}</th>
                  <th scope="col">{tr.t('funnels.segment.funnel')}</th>
                  {phases.map((p) => (
                    <th key={p.id} scope="col" className="num">
                      {p.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ segment, cells }) => (
                  <tr key={segment.id}>
                    <th scope="row">{segment.name}</th>
                    <td>{plan.collections.funnels.get(segment.funnelId)?.name ?? segment.funnelId}</td>
                    {cells.map((c) => (
                      <td key={c.phaseId} className={c.fromDefault ? 'num from-default' : 'num'}>
                        {c.mean === null ? tr.t('funnels.leadsTable.none') : formatNumber(c.mean, tr.locale, 1)}
                        {c.fromDefault && <span className="visually-hidden"> {tr.t('funnels.leadsTable.fromDefault')}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p id="leads-table-note" className="fx-hint">
          {tr.t('funnels.leadsTable.note')}
        </p>
      </section>

      <div className="fx-section-head">
        <h2 className="fx-section-heading">{tr.t('funnels.segment.list')}</h2>
        <button type="button" className="button" onClick={async () => setReason(await funnels.createSegment())}>
          {tr.t('funnels.segment.add')}
        </button>
      </div>
      <Refusal reason={reason} />
      {plan.collections.segments.list.map((s) => (
        <SegmentEditor key={s.id} segment={s} />
      ))}
    </div>
  );
});
