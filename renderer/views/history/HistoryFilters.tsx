import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { HISTORY_KINDS, type HistoryKind } from '../../../shared/api/methods/history';
import { useStores, useT } from '../../stores/context';

/** What was edited, and by whom: each a labelled select. */
export const HistoryFilters = observer(function HistoryFilters() {
  const { history } = useStores();
  const tr = useT();
  const kindId = useId();
  const actorId = useId();
  return (
    <div className="history-filters" role="group" aria-label={tr.t('history.filters')}>
      <label htmlFor={kindId}>{tr.t('history.filter.kind')}</label>
      <select
        id={kindId}
        className="history-select"
        value={history.kind ?? ''}
        onChange={(e) => history.setFilters({ kind: (e.target.value || null) as HistoryKind | null })}
      >
        <option value="">{tr.t('history.filter.all')}</option>
        {HISTORY_KINDS.map((k) => (
          <option key={k} value={k}>
            {tr.t(`history.kinds.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={actorId}>{tr.t('history.filter.actor')}</label>
      <select
        id={actorId}
        className="history-select"
        value={history.actor ?? ''}
        onChange={(e) => history.setFilters({ actor: e.target.value || null })}
      >
        <option value="">{tr.t('history.filter.everyone')}</option>
        {/* The chosen person stays listed even if the page in view has none of theirs. */}
        {[...new Set([...history.actors, ...(history.actor ? [history.actor] : [])])].map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    </div>
  );
});
