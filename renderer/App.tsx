// The frame: header, navigation, the current screen, errors and notices.
// Also keeps the document in step with the stores: <html lang>, the window
// title, and the #/view part of the address.
import { autorun } from 'mobx';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader';
import { ErrorPanel } from './components/ErrorPanel';
import { NavBar } from './components/NavBar';
import { Toasts } from './components/Toasts';
import { UndoShortcuts } from './components/UndoShortcuts';
import { WorkshopShortcuts } from './components/WorkshopShortcuts';
import { useStores, useT } from './stores/context';
import { loadErrorText } from './stores/refusals';
import { isViewId } from './stores/UiStore';
import { VIEWS } from './views/registry';
import { WorkshopView } from './views/workshop/WorkshopView';

function useDocumentSync() {
  const { ui, plan } = useStores();
  useEffect(
    () =>
      autorun(() => {
        document.documentElement.lang = ui.lang;
        const title = ui.tr.t('app.title');
        document.title = plan.settings ? `${plan.settings.name} — ${title}` : title;
      }),
    [ui, plan],
  );
  useEffect(() => {
    const fromHash = () => {
      // "#/customers/jn-bank": the screen is the first part; the rest is the screen's own.
      const id = window.location.hash.replace(/^#\/?/, '').split('/')[0]!;
      if (isViewId(id)) ui.setView(id);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, [ui]);
}

const CurrentView = observer(function CurrentView() {
  const { ui, plan } = useStores();
  const tr = useT();
  switch (plan.status) {
    case 'loading':
      return <p className="status-message" role="status">{tr.t('app.loading')}</p>;
    case 'no-plan':
      return <p className="status-message">{tr.t('app.noPlanOpen')}</p>;
    case 'error':
      return (
        <div className="status-message" role="alert">
          <p>{loadErrorText(plan.loadError, tr)}</p>
          <p className="error-code">{tr.t('error.code', { code: plan.loadError?.code ?? 'internal' })}</p>
          <button type="button" className="button" onClick={() => void plan.load()}>
            {tr.t('app.retry')}
          </button>
        </div>
      );
    case 'ready': {
      const View = (VIEWS.find((v) => v.id === ui.view) ?? VIEWS[0]!).component;
      return <View />;
    }
    default: {
      const never: never = plan.status;
      return never;
    }
  }
});

export const App = observer(function App() {
  const { workshop, plan } = useStores();
  const tr = useT();
  const main = useRef<HTMLElement>(null);
  useDocumentSync();
  // Workshop mode replaces the whole frame: no header, so no file path on the projector.
  if (workshop.active && plan.status === 'ready')
    return (
      <>
        <WorkshopView />
        <Toasts />
        <UndoShortcuts />
        <WorkshopShortcuts />
      </>
    );
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Hash routing owns the address; move focus without touching it.
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {tr.t('app.skipToContent')}
      </a>
      <AppHeader />
      <div className="app-body">
        <NavBar />
        <main id="main" ref={main} className="app-main" tabIndex={-1}>
          <ErrorPanel />
          <CurrentView />
        </main>
      </div>
      <Toasts />
      <UndoShortcuts />
      <WorkshopShortcuts />
    </div>
  );
});
