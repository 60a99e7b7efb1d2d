// Start-up: pick the transport (Electron bridge or HTTP host), build the
// stores, render. Without a way to reach the API there is nothing to show but
// how to get one.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configure } from 'mobx';
import { createTranslator, isLocale } from '../shared/i18n';
import { connect } from './api/connect';
import { App } from './App';
import { RootStore } from './stores/RootStore';
import { StoreProvider } from './stores/context';
import { LANG_STORAGE_KEY } from './stores/UiStore';
import './styles/base.css';
import './styles/frame.css';
import './styles/views.css';

// State changes only inside actions: a stray write from a component is a bug.
configure({ enforceActions: 'observed' });

function safeStorage(get: () => Storage): Storage | null {
  try {
    return get();
  } catch {
    return null;
  }
}

const root = createRoot(document.getElementById('root')!);
const storage = safeStorage(() => window.localStorage);
const connection = connect(window);

if (!connection.ok) {
  const saved = storage?.getItem(LANG_STORAGE_KEY);
  const lang = isLocale(saved) ? saved : navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const tr = createTranslator(lang);
  document.documentElement.lang = lang;
  document.title = tr.t('app.title');
  root.render(
    <main className="standalone">
      <h1>{tr.t('app.title')}</h1>
      <p role="alert">{tr.t('app.noToken')}</p>
    </main>,
  );
} else {
  const store = new RootStore({
    client: connection.client,
    subscribe: connection.subscribe,
    transport: connection.kind,
    storage,
    preferredLanguages: navigator.languages,
  });
  void store.start();
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
