// Every error the user caused or met stays on screen until dismissed: the
// message, the code, and for plan-format problems every issue with its JSON
// path, so a broken import can be fixed in one pass. In workshop mode the
// texts are shown without file paths or the token (WorkshopStore.shown).
import { observer } from 'mobx-react-lite';
import { useStores, useT } from '../stores/context';
import type { ShownError } from '../stores/UiStore';
import type { TransportFailure } from '../api/http';
import type { Translator } from '../../shared/i18n';

function messageOf(error: ShownError, tr: Translator): string {
  const failure = error.details as Partial<TransportFailure> | undefined;
  if (failure?.kind === 'unreachable') return tr.t('error.unreachable', { message: failure.cause ?? '' });
  if (failure?.kind === 'bad-response') return tr.t('error.badResponse', { status: failure.status ?? 0 });
  return error.message;
}

/** `inDialog`: the copy inside a modal; the page's copy hides while one is open. */
export const ErrorPanel = observer(function ErrorPanel({ inDialog = false }: { inDialog?: boolean }) {
  const { ui, workshop } = useStores();
  const tr = useT();
  if (ui.errors.length === 0 || inDialog !== ui.modals > 0) return null;
  return (
    <div className="errors">
      {ui.errors.map((error) => (
        <section key={error.id} className="error-card" role="alert" aria-labelledby={`error-${error.id}`}>
          <div className="error-head">
            <h2 id={`error-${error.id}`} className="error-title">
              {error.title ?? tr.t('error.title')}
            </h2>
            <button type="button" className="button button-quiet" onClick={() => ui.dismissError(error.id)}>
              {tr.t('error.dismiss')}
            </button>
          </div>
          <p className="error-message">{workshop.shown(messageOf(error, tr))}</p>
          <p className="error-code">{tr.t('error.code', { code: error.code })}</p>
          {error.issues.length > 0 && (
            <>
              <p>{tr.tn('error.issues', error.issues.length)}</p>
              <ol className="issue-list">
                {error.issues.map((issue, i) => (
                  <li key={i}>
                    <code className="issue-path">{issue.path || tr.t('error.issuePathDocument')}</code>{' '}
                    <span className="issue-message">{workshop.shown(issue.message)}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      ))}
    </div>
  );
});
