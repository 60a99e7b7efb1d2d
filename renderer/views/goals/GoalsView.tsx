import { ComingLater } from '../../components/ComingLater';

export function GoalsView() {
  return <ComingLater titleKey="nav.goals" introKey="view.goals.intro" />;
}
