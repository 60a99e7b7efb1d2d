// The open customer in the address: "#/customers/<id>" opens its details
// (a link, a reload, the back button), and opening or closing the details
// rewrites the address without adding a history entry per customer.
import { reaction } from 'mobx';
import { useEffect } from 'react';
import { useStores } from '../../../stores/context';

const PREFIX = '#/customers/';

export function useDetailHash(): void {
  const { customers: view } = useStores();
  useEffect(() => {
    const fromHash = () => {
      const { hash } = window.location;
      if (hash.startsWith(PREFIX)) view.openDetail(decodeURIComponent(hash.slice(PREFIX.length)));
      else if (view.detailId !== null) view.closeDetail();
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    const stop = reaction(
      () => view.detailId,
      (id) => {
        // Only while the address is this screen's: leaving for another screen closes the details too.
        if (!window.location.hash.startsWith('#/customers')) return;
        const wanted = id === null ? '#/customers' : PREFIX + encodeURIComponent(id);
        if (window.location.hash !== wanted) window.history.replaceState(null, '', wanted);
      },
    );
    return () => {
      window.removeEventListener('hashchange', fromHash);
      stop();
    };
  }, [view]);
}
