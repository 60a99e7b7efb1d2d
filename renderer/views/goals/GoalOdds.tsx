// A breakthrough goal's simulated probability, a cell of GoalTable: only
// firstContract goals are simulated (by the end of the goal's due month, see
// docs/simulation-engine.md); the others show a dash. Both odds when the
// account ladder's planned levels make them differ.
import { observer } from 'mobx-react-lite';
import { formatPercent } from '../../../shared/i18n';
import type { Goal } from '../../../shared/plan/types';
import { useStores, useT } from '../../stores/context';

export const GoalOdds = observer(function GoalOdds({ goal }: { goal: Goal }) {
  const { latestRun } = useStores();
  const tr = useT();
  if (goal.metric !== 'firstContract')
    return (
      <td className="num goal-odds muted" title={tr.t('odds.goal.notApplicable')}>
        —
      </td>
    );
  const state = latestRun.state;
  if (state === 'loading') return <td className="num goal-odds" />;
  if (state !== 'current')
    return (
      <td className="num goal-odds muted" title={tr.t(state === 'stale' ? 'odds.notSimulated.stale' : 'odds.notSimulated.none')}>
        {tr.t('odds.notSimulated')}
      </td>
    );
  const result = latestRun.goals.get(goal.id);
  if (!result || result.probability === null)
    return (
      <td className="num goal-odds muted" title={tr.t('odds.goal.notPursued.tip')}>
        {tr.t('odds.goal.notPursued')}
      </td>
    );
  const pct = (p: number) => formatPercent(p, tr.locale, 0);
  const today = result.probabilityToday;
  return (
    <td className="num goal-odds">
      <span className="goal-odds-value">{pct(result.probability)}</span>
      {today !== null && pct(today) !== pct(result.probability) && (
        <span className="goal-odds-today">{tr.t('odds.goal.today', { value: pct(today) })}</span>
      )}
    </td>
  );
});
