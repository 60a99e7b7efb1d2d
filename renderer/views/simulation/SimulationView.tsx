import { ComingLater } from '../../components/ComingLater';

export function SimulationView() {
  return <ComingLater titleKey="nav.simulation" introKey="view.simulation.intro" />;
}
