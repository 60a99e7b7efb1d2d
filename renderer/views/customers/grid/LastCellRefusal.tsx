// The last edit the store refused, said in words above the grid (the cell
// itself shows the stored value again, marked): which field of which
// customer, and the host's reason.
import { observer } from 'mobx-react-lite';
import { useStores, useT } from '../../../stores/context';
import { columnLabel } from './GridRows';

export const LastCellRefusal = observer(function LastCellRefusal() {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const refusal = view.writes.lastRefusal;
  if (!refusal) return null;
  const name = plan.collections.customers.plain(refusal.id)?.name ?? refusal.id;
  return (
    <div className="cv-refusal" role="alert">
      <p>{tr.t('customers.error.cell', { column: columnLabel(refusal.column, tr), name, message: refusal.message })}</p>
      <button type="button" className="button button-quiet" onClick={() => view.writes.dismissRefusal()}>
        {tr.t('error.dismiss')}
      </button>
    </div>
  );
});
