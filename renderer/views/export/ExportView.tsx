import { ComingLater } from '../../components/ComingLater';

export function ExportView() {
  return <ComingLater titleKey="nav.export" introKey="view.export.intro" />;
}
