// What a tiering rule would do: customers and potential per tier (whole list,
// and per segment when the rule ranks within segments), and the customers
// whose tier changes (the first ones listed, the rest counted).
import { formatMoney } from '../../../../shared/i18n';
import { TIERS, type Tier } from '../../../../shared/plan/types';
import type { TierTotals, TieringPreview } from '../../../../shared/tiering';
import { useStores, useT } from '../../../stores/context';

const CHANGES_LISTED = 30;

function TotalsTable({ totals, caption }: { totals: TierTotals; caption: string }) {
  const tr = useT();
  const { plan } = useStores();
  const currency = plan.settings?.currency ?? 'CNY';
  const money = (v: number) => formatMoney(v, currency, tr.locale, { compact: true });
  const sum = (r: Record<Tier, number>) => TIERS.reduce((n, t) => n + r[t], 0);
  return (
    <table className="tiering-totals">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{tr.t('tiering.preview.tier')}</th>
          <th scope="col">{tr.t('tiering.preview.count')}</th>
          <th scope="col">{tr.t('tiering.preview.potential')}</th>
        </tr>
      </thead>
      <tbody>
        {TIERS.map((t) => (
          <tr key={t}>
            <th scope="row">{tr.t(`tier.${t}`)}</th>
            <td>{totals.counts[t]}</td>
            <td>{money(totals.potential[t])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{tr.t('tiering.preview.total')}</th>
          <td>{sum(totals.counts)}</td>
          <td>{money(sum(totals.potential))}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function TieringPreviewTable({ preview, bySegment }: { preview: Extract<TieringPreview, { ok: true }>; bySegment: boolean }) {
  const tr = useT();
  const { plan } = useStores();
  const segmentName = (id: string) => plan.collections.segments.plain(id)?.name ?? id;
  const changed = preview.changed;
  return (
    <section className="tiering-preview" aria-label={tr.t('tiering.preview.caption')}>
      <div className="tiering-tables">
        <TotalsTable totals={preview.totals} caption={tr.t('tiering.preview.caption')} />
        {bySegment &&
          [...preview.bySegment].map(([segmentId, totals]) => (
            <TotalsTable key={segmentId} totals={totals} caption={tr.t('tiering.preview.segmentCaption', { segment: segmentName(segmentId) })} />
          ))}
      </div>
      <h3 className="dialog-subtitle">{tr.t('tiering.preview.changesHeading')}</h3>
      <p role="status">{changed.length === 0 ? tr.t('tiering.preview.noChange') : tr.tn('tiering.changed', changed.length)}</p>
      {changed.length > 0 && (
        <ul className="tiering-changes">
          {changed.slice(0, CHANGES_LISTED).map((c) => (
            <li key={c.id}>{tr.t('tiering.preview.change', { name: c.label, from: c.from, to: c.to })}</li>
          ))}
          {changed.length > CHANGES_LISTED && <li className="muted">{tr.t('tiering.preview.more', { count: changed.length - CHANGES_LISTED })}</li>}
        </ul>
      )}
    </section>
  );
}
