import { ComingLater } from '../../components/ComingLater';

export function PeopleView() {
  return <ComingLater titleKey="nav.people" introKey="view.people.intro" />;
}
