import { observer } from 'mobx-react-lite';
import { Fragment, useState } from 'react';
import { useStores, useT } from '../../stores/context';
import type { HistoryRow } from '../../stores/HistoryStore';
import { EntryChanges } from './EntryChanges';

export const HistoryTable = observer(function HistoryTable() {
  const { history } = useStores();
  const tr = useT();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <table className="table history-table" aria-labelledby="history-table-title">
      <thead>
        <tr>
          <th scope="col" className="history-when">
            {tr.t('history.col.when')}
          </th>
          <th scope="col" className="history-who">
            {tr.t('history.col.who')}
          </th>
          <th scope="col">{tr.t('history.col.what')}</th>
        </tr>
      </thead>
      <tbody>
        {history.rows.map((row) => (
          <Fragment key={row.entry.id}>
            <EntryRow row={row} expanded={open.has(row.entry.id)} onToggle={() => toggle(row.entry.id)} />
            {open.has(row.entry.id) && (
              <tr className="history-details-row">
                <td colSpan={3} id={`history-details-${row.entry.id}`}>
                  <EntryChanges row={row} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
});

const EntryRow = observer(function EntryRow(props: { row: HistoryRow; expanded: boolean; onToggle: () => void }) {
  const tr = useT();
  const { entry, when, ago, what, label } = props.row;
  return (
    <tr className={entry.undone ? 'history-row is-undone' : 'history-row'} data-entry={entry.id}>
      <td className="history-when">
        <time dateTime={entry.at} title={when}>
          {ago ?? when}
        </time>
        {ago && <span className="history-date muted">{when}</span>}
      </td>
      <td className="history-who">{entry.actor || tr.t('history.actorUnknown')}</td>
      <td>
        <div className="history-what">
          <span className="history-what-text">{what}</span>
          {entry.undone && <span className="history-badge">{tr.t('history.badge.undone')}</span>}
          <button
            type="button"
            className="button button-quiet history-toggle"
            aria-expanded={props.expanded}
            aria-controls={props.expanded ? `history-details-${entry.id}` : undefined}
            onClick={props.onToggle}
          >
            {tr.t(props.expanded ? 'history.hideChanges' : 'history.showChanges')}
            <span className="visually-hidden">: {what}</span>
          </button>
        </div>
        {label && <div className="history-label muted">{tr.t('history.label', { label })}</div>}
      </td>
    </tr>
  );
});
