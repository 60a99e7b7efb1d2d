// The team and its load: one row per person; customers owned counted per
// iron-triangle role and per breakthrough phase (each customer once per
// person there, however many roles they hold on it).
import { observer } from 'mobx-react-lite';
import { OWNER_ROLES } from '../../../shared/plan/types';
import { useStores, useT } from '../../stores/context';
import { PersonRow } from './PersonRow';

export const LoadTable = observer(function LoadTable() {
  const { planning } = useStores();
  const tr = useT();
  const phases = planning.phasesByDate;
  const rows = planning.teamLoad;
  if (rows.length === 0) return <p className="muted">{tr.t('planning.person.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table load-table" aria-labelledby="load-title">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {tr.t('planning.person.name')}
            </th>
            <th scope="col" rowSpan={2}>
              {tr.t('planning.person.role')}
            </th>
            <th scope="col" rowSpan={2}>
              {tr.t('planning.load.stages')}
            </th>
            <th scope="colgroup" colSpan={OWNER_ROLES.length} className="group-head">
              {tr.t('planning.load.byRole')}
            </th>
            <th scope="colgroup" colSpan={phases.length + 1} className="group-head">
              {tr.t('planning.load.byPhase')}
            </th>
            <th scope="col" rowSpan={2} className="num">
              {tr.t('planning.load.total')}
            </th>
            <th scope="col" rowSpan={2}>
              {tr.t('planning.load.limit')}
            </th>
            <th scope="col" rowSpan={2} className="num">
              {tr.t('planning.load.goals')}
            </th>
            <th scope="col" rowSpan={2} className="num">
              {tr.t('planning.load.targets')}
            </th>
            <th scope="col" rowSpan={2}>
              <span className="visually-hidden">{tr.t('planning.actions')}</span>
            </th>
          </tr>
          <tr>
            {OWNER_ROLES.map((r) => (
              <th key={r} scope="col" className="num" title={tr.t(`role.${r}`)}>
                <abbr title={tr.t(`role.${r}`)}>{r}</abbr>
              </th>
            ))}
            {phases.map((p, i) => (
              // The number as in the roadmap (named in the key under the table);
              // the full name for screen readers and on hover.
              <th key={p.id} scope="col" className="num phase-col" title={p.name}>
                <span aria-hidden="true">{i + 1}</span>
                <span className="visually-hidden">{p.name}</span>
              </th>
            ))}
            <th scope="col" className="num phase-col">
              {tr.t('planning.load.noPhase')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((load) => (
            <PersonRow key={load.person.id} load={load} phases={phases} />
          ))}
        </tbody>
      </table>
      {phases.length > 0 && (
        <p className="phase-key muted" aria-hidden="true">
          {phases.map((p, i) => (
            <span key={p.id}>
              <span className="phase-key-number">{i + 1}</span> {p.name}
            </span>
          ))}
        </p>
      )}
    </div>
  );
});
