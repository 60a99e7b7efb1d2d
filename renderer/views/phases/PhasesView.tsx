import { ComingLater } from '../../components/ComingLater';

export function PhasesView() {
  return <ComingLater titleKey="nav.phases" introKey="view.phases.intro" />;
}
