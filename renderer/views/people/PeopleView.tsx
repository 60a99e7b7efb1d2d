// People (狼狈组织 and the iron triangle 铁三角): the team with roles, each
// person's load, and overload against a per-person customer limit.
import { observer } from 'mobx-react-lite';
import { DEFAULT_CUSTOMER_LIMITS } from '../../../shared/api/methods/team';
import { ROLES } from '../../../shared/plan/types';
import { useStores, useT } from '../../stores/context';
import { AddPerson } from './AddPerson';
import { LoadTable } from './LoadTable';
import '../../styles/planning.css';

export const PeopleView = observer(function PeopleView() {
  const { planning } = useStores();
  const tr = useT();
  const overloaded = planning.teamLoad.filter((l) => l.overloaded).length;
  return (
    <div className="view planning-view">
      <h1 className="view-title">{tr.t('nav.people')}</h1>
      <p className="lead">{tr.t('view.people.intro')}</p>
      <section className="card" aria-labelledby="load-title">
        <div className="card-head">
          <h2 id="load-title" className="card-title">
            {tr.t('planning.load.title')}
          </h2>
          <p className={overloaded ? 'overload-summary is-overloaded' : 'overload-summary'} role="status">
            {overloaded ? tr.tn('planning.load.overloadedCount', overloaded) : tr.t('planning.load.noneOverloaded')}
          </p>
        </div>
        <LoadTable />
        <AddPerson />
        <details className="help">
          <summary>{tr.t('planning.limits.helpTitle')}</summary>
          <p>
            {tr.t('planning.limits.help', {
              ar: DEFAULT_CUSTOMER_LIMITS.AR,
              sr: DEFAULT_CUSTOMER_LIMITS.SR,
              fr: DEFAULT_CUSTOMER_LIMITS.FR,
              platform: DEFAULT_CUSTOMER_LIMITS.platform,
              other: DEFAULT_CUSTOMER_LIMITS.other,
            })}
          </p>
          <p>{tr.t('planning.inPlan')}</p>
        </details>
        <details className="help">
          <summary>{tr.t('planning.roles.helpTitle')}</summary>
          <p>{tr.t('planning.roles.intro')}</p>
          <ul>
            {ROLES.map((r) => (
              <li key={r}>{tr.t(`role.${r}`)}</li>
            ))}
          </ul>
          <p>{tr.t('planning.roles.platformNote')}</p>
        </details>
      </section>
    </div>
  );
});
