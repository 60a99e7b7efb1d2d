// The Customers screen: tier views, search and filters, the grid with its
// bulk-edit bar, and the dialogs it opens (add, delete, details, import,
// tier by rule).
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { useStores, useT } from '../../stores/context';
import '../../styles/customers.css';
import { AddCustomerDialog } from './grid/AddCustomerDialog';
import { BulkBar } from './grid/BulkBar';
import { CustomerDetail } from './detail/CustomerDetail';
import { CustomerGrid } from './grid/CustomerGrid';
import { FilterBar, FilterChips } from './grid/FilterBar';
import { CustomerImportDialog } from './import/CustomerImportDialog';
import { LastCellRefusal } from './grid/LastCellRefusal';
import { TierViews } from './charts/TierViews';
import { TierByRuleDialog } from './tiering/TierByRuleDialog';
import { useDetailHash } from './detail/useDetailHash';
import { monthOf } from '../../stores/customers/ladder';

type OpenDialog = { kind: 'add' } | { kind: 'delete' } | { kind: 'import'; text?: string } | { kind: 'tierByRule' } | null;

/** How many names a delete confirmation lists before "and N more". */
const NAMES_SHOWN = 5;

export const CustomersView = observer(function CustomersView() {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  useDetailHash();
  // "Behind plan" compares with the phase of this month: the app may stay open across a month's end.
  useEffect(() => view.setToday(monthOf(new Date())), [view]);
  const close = () => setDialog(null);
  const total = plan.collections.customers.size;

  const deleteQuestion = () => {
    const names = [...view.selected].slice(0, NAMES_SHOWN).map((id) => `“${plan.collections.customers.plain(id)?.name ?? id}”`);
    const listed = names.join(', ');
    const more = view.selectedCount - names.length;
    return tr.t('customers.delete.question', {
      names: more > 0 ? tr.t('customers.delete.more', { names: listed, count: more }) : listed,
    });
  };

  return (
    <div className="view view-wide customers-view">
      <h1 className="view-title">{tr.t('nav.customers')}</h1>
      <p className="lead">{tr.t('view.customers.intro')}</p>
      <TierViews />
      <div className="cv-toolbar" role="toolbar" aria-label={tr.t('customers.toolbar')}>
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'add' })}>
          {tr.t('customers.add.button')}
        </button>
        <button type="button" className="button" onClick={() => setDialog({ kind: 'import' })}>
          {tr.t('customers.import.button')}
        </button>
        <button type="button" className="button" disabled={total === 0} onClick={() => setDialog({ kind: 'tierByRule' })}>
          {tr.t('tiering.dialog.button')}
        </button>
        <button
          type="button"
          className="button"
          disabled={view.selectedCount === 0 || view.writes.busy}
          onClick={() => setDialog({ kind: 'delete' })}
        >
          {tr.t('customers.delete.button')}
        </button>
        <p className="cv-count" role="status">
          {tr.t('customers.count', { shown: view.filtered.length, total })}
        </p>
      </div>
      <FilterBar />
      <FilterChips />
      <BulkBar onDelete={() => setDialog({ kind: 'delete' })} />
      <LastCellRefusal />
      <CustomerGrid onPasteText={(text) => setDialog({ kind: 'import', text })} />

      {dialog?.kind === 'add' && <AddCustomerDialog onClose={close} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDelete
          title={tr.tn('customers.delete.title', view.selectedCount)}
          question={deleteQuestion()}
          confirmLabel={tr.tn('customers.delete.confirm', view.selectedCount)}
          onConfirm={() => view.writes.deleteSelected()}
          onClose={close}
        />
      )}
      <CustomerImportDialog open={dialog?.kind === 'import'} onClose={close} initialText={dialog?.kind === 'import' ? dialog.text : undefined} />
      {dialog?.kind === 'tierByRule' && <TierByRuleDialog onClose={close} />}
      {view.detailId !== null && <CustomerDetail key={view.detailId} />}
    </div>
  );
});
