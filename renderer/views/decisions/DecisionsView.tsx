// The Decisions screen: the decision log per phase, and a box to record one.
import { observer } from 'mobx-react-lite';
import { useT } from '../../stores/context';
import { DecisionBox } from './DecisionBox';
import { DecisionList } from './DecisionList';

export const DecisionsView = observer(function DecisionsView() {
  const tr = useT();
  return (
    <div className="view decisions-view">
      <h1 className="view-title">{tr.t('nav.decisions')}</h1>
      <p className="lead">{tr.t('decisions.intro')}</p>
      <DecisionBox />
      <DecisionList />
    </div>
  );
});
