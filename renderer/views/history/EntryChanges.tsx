import { observer } from 'mobx-react-lite';
import { useStores, useT } from '../../stores/context';
import type { HistoryRow } from '../../stores/HistoryStore';

/** Old → new per field of each entity an entry touched. */
export const EntryChanges = observer(function EntryChanges({ row }: { row: HistoryRow }) {
  const { history } = useStores();
  const tr = useT();
  const { entities, more } = history.details(row.entry);
  return (
    <div className="history-changes">
      {row.entry.undone && <p className="history-undone-note">{tr.t('history.undoneNote')}</p>}
      {entities.map((e) => (
        <section key={e.key} className="history-entity" aria-label={e.title}>
          <h3 className="history-entity-title">{e.title}</h3>
          {e.note && <p className="muted history-entity-note">{e.note}</p>}
          {e.changes.length > 0 && (
            <table className="table history-fields">
              <caption className="visually-hidden">{tr.t('history.changesOf', { what: e.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr.t('history.col.field')}</th>
                  <th scope="col">{tr.t('history.col.before')}</th>
                  <th scope="col">{tr.t('history.col.after')}</th>
                </tr>
              </thead>
              <tbody>
                {e.changes.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td className="history-before">{c.before}</td>
                    <td className="history-after">{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      {more > 0 && <p className="muted">{tr.t('history.moreEntities', { count: more })}</p>}
    </div>
  );
});
