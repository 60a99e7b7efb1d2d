// Goals & targets (战略目标与绩效目标管理): breakthrough goals per phase and
// performance targets as a metric × phase grid with owners.
import { observer } from 'mobx-react-lite';
import { useT } from '../../stores/context';
import { GoalGroups } from './GoalGroups';
import { TargetsGrid } from './TargetsGrid';
import '../../styles/planning.css';
import '../../styles/goals.css';

export const GoalsView = observer(function GoalsView() {
  const tr = useT();
  return (
    <div className="view planning-view">
      <h1 className="view-title">{tr.t('nav.goals')}</h1>
      <p className="lead">{tr.t('view.goals.intro')}</p>
      <section className="card" aria-labelledby="goals-title">
        <h2 id="goals-title" className="card-title">
          {tr.t('planning.goals.title')}
        </h2>
        <GoalGroups />
      </section>
      <section className="card" aria-labelledby="targets-title">
        <h2 id="targets-title" className="card-title">
          {tr.t('planning.targets.title')}
        </h2>
        <TargetsGrid />
      </section>
    </div>
  );
});
