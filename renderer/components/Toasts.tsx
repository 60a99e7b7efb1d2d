import { observer } from 'mobx-react-lite';
import { useStores, useT } from '../stores/context';

/** Short confirmations, read out politely by screen readers. */
export const Toasts = observer(function Toasts() {
  const { ui } = useStores();
  const tr = useT();
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label={tr.t('toast.region')}>
      {ui.toasts.map((toast) => (
        <div key={toast.id} className="toast">
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                ui.dismissToast(toast.id);
                toast.action!.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className="toast-close"
            aria-label={tr.t('dialog.close')}
            onClick={() => ui.dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
});
