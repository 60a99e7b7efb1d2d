import { observer } from 'mobx-react-lite';
import { VIEWS } from '../views/registry';
import { useStores, useT } from '../stores/context';

export const NavBar = observer(function NavBar() {
  const { ui } = useStores();
  const tr = useT();
  return (
    <nav className="nav" aria-label={tr.t('nav.label')}>
      <ul>
        {VIEWS.map((v) => (
          <li key={v.id}>
            <a href={`#/${v.id}`} className="nav-link" aria-current={ui.view === v.id ? 'page' : undefined}>
              {tr.t(v.navKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
});
