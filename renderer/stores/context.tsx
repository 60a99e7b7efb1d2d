import { createContext, useContext, type ReactNode } from 'react';
import type { Translator } from '../../shared/i18n';
import type { RootStore } from './RootStore';

const StoreContext = createContext<RootStore | null>(null);

export function StoreProvider({ store, children }: { store: RootStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStores(): RootStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStores outside StoreProvider');
  return store;
}

/** The current language's translator; call inside an observer so a language switch re-renders. */
export function useT(): Translator {
  return useStores().ui.tr;
}
