import { ComingLater } from '../../components/ComingLater';

export function HistoryView() {
  return <ComingLater titleKey="nav.history" introKey="view.history.intro" />;
}
