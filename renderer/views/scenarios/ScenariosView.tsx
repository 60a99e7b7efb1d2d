import { ComingLater } from '../../components/ComingLater';

export function ScenariosView() {
  return <ComingLater titleKey="nav.scenarios" introKey="view.scenarios.intro" />;
}
