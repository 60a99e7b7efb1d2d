import { ComingLater } from '../../components/ComingLater';

export function FunnelsView() {
  return <ComingLater titleKey="nav.funnels" introKey="view.funnels.intro" />;
}
