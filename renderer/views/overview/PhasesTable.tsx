import { observer } from 'mobx-react-lite';
import { formatMonthRange } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';

export const PhasesTable = observer(function PhasesTable() {
  const { plan } = useStores();
  const tr = useT();
  const phases = plan.collections.phases.list;
  return (
    <section className="card" aria-labelledby="phases-heading">
      <h2 id="phases-heading" className="card-title">
        {tr.t('overview.phasesHeading')}
      </h2>
      {phases.length === 0 ? (
        <p className="muted">{tr.t('overview.noPhases')}</p>
      ) : (
        <table className="table" aria-labelledby="phases-heading">
          <thead>
            <tr>
              <th scope="col" className="num">
                {tr.t('overview.phaseOrder')}
              </th>
              <th scope="col">{tr.t('overview.phaseName')}</th>
              <th scope="col">{tr.t('overview.phaseStage')}</th>
              <th scope="col">{tr.t('overview.phaseMonths')}</th>
            </tr>
          </thead>
          <tbody>
            {phases.map((p, i) => (
              <tr key={p.id}>
                <td className="num">{i + 1}</td>
                <th scope="row">{p.name}</th>
                <td>
                  <span className={`stage-badge stage-${p.stage}`}>{tr.t(`stage.${p.stage}`)}</span>
                </td>
                <td className="nowrap">{formatMonthRange(p.start, p.end, tr.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
