// The History screen: every edit of the plan — who, when, what, and old →
// new per field — newest first, filtered by what was edited and by whom.
// Undone edits are struck through and marked; undo and redo appear as
// entries of their own, so the trail shows every movement of a value.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores, useT } from '../../stores/context';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import '../../styles/history.css';

export const HistoryView = observer(function HistoryView() {
  const { history } = useStores();
  const tr = useT();
  useEffect(() => history.watch(), [history]);
  const filtered = history.kind !== null || history.actor !== null;
  return (
    <div className="view history-view">
      <h1 className="view-title">{tr.t('history.title')}</h1>
      <p className="lead">{tr.t('history.intro')}</p>
      <section className="card" aria-labelledby="history-table-title">
        <div className="history-head">
          <h2 id="history-table-title" className="card-title">
            {tr.t('history.tableLabel')}
          </h2>
          <HistoryFilters />
        </div>
        {history.listStatus === 'loading' || history.listStatus === 'idle' ? (
          <p role="status">{tr.t('history.loading')}</p>
        ) : history.listStatus === 'error' ? (
          <button type="button" className="button" onClick={() => void history.reload()}>
            {tr.t('app.retry')}
          </button>
        ) : history.rows.length === 0 ? (
          <p className="muted">{tr.t(filtered ? 'history.emptyFiltered' : 'history.empty')}</p>
        ) : (
          <HistoryTable />
        )}
        {history.more && (
          <button type="button" className="button history-more" onClick={() => void history.loadMore()}>
            {tr.t('history.more')}
          </button>
        )}
      </section>
    </div>
  );
});
