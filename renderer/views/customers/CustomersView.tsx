import { ComingLater } from '../../components/ComingLater';

export function CustomersView() {
  return <ComingLater titleKey="nav.customers" introKey="view.customers.intro" />;
}
