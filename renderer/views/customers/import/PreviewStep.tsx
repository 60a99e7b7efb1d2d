// Step 3: every row checked against the plan before anything is written:
// counts, the grid with each invalid cell marked, the list of problems (each
// one jumps to its cell), row exclusion, and the one-batch import.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { useT } from '../../../stores/context';
import type { CustomerImportSession } from '../../../stores/customerImport/CustomerImportSession';
import { fieldLabel, problemText } from './labels';
import { PreviewGrid, type FocusRequest } from './PreviewGrid';

export const PreviewStep = observer(function PreviewStep({ session, onDone }: { session: CustomerImportSession; onDone(): void }) {
  const tr = useT();
  const id = useId();
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const s = session.summary;
  const { items, more } = session.listedProblems;
  const blocked = s.withErrors > 0;
  const waits = session.waitsFor;
  const canImport = !blocked && waits === null && s.ready > 0 && !session.busy;
  const tiered = session.tiering.preview;
  const lineOf = (row: number) => s.rows[row]?.line ?? 0;
  return (
    <div className="import-preview">
      <p className="import-summary" role="status">
        <strong>{tr.t('import.preview.summary', { ready: s.ready, withErrors: s.withErrors, excluded: s.excluded, skipped: s.skipped })}</strong>
        <span className="muted"> — {tr.t('import.preview.split', { creates: s.creates, updates: s.updates })}</span>
      </p>
      {tiered?.ok && <p className="import-tiered">{tr.t('import.preview.tiered', tiered.totals.counts)}</p>}
      <div className="import-toolbar">
        <label className="import-check">
          <input type="checkbox" checked={session.onlyProblems} onChange={(e) => session.setOnlyProblems(e.target.checked)} />
          {tr.t('import.preview.onlyProblems')}
        </label>
        <button type="button" className="button" disabled={!blocked} onClick={() => session.excludeRowsWithProblems()}>
          {tr.t('import.preview.excludeProblems')}
        </button>
        <button type="button" className="button" disabled={s.excluded === 0} onClick={() => session.includeAll()}>
          {tr.t('import.preview.includeAll')}
        </button>
      </div>
      <PreviewGrid session={session} focusRequest={focusRequest} />
      {items.length > 0 && (
        <section className="import-problems" aria-labelledby={`${id}-problems`}>
          <h3 id={`${id}-problems`} className="dialog-subtitle">
            {tr.t('import.preview.problemsHeading')} ({s.errorCount})
          </h3>
          <ul>
            {items.map((p, i) => (
              <li key={i} className={p.severity === 'error' ? 'is-error' : 'is-note'}>
                <button
                  type="button"
                  className="import-problem-link"
                  onClick={() => setFocusRequest({ row: p.row, column: p.column, seq: (focusRequest?.seq ?? 0) + 1 })}
                >
                  {tr.t('import.preview.problemItem', { line: lineOf(p.row), field: fieldLabel(tr, p.field), message: problemText(tr, p) })}
                </button>
              </li>
            ))}
          </ul>
          {more > 0 && <p className="muted">{tr.t('import.preview.more', { count: more })}</p>}
        </section>
      )}
      {session.rejection && (
        <div role="alert" className="import-error">
          <p>{tr.t('import.rejected')}</p>
          <ul>
            {session.rejection.map((r, i) => (
              <li key={i}>{r.line !== null ? tr.t('import.rejectedRow', { line: r.line, message: r.message }) : r.message}</li>
            ))}
          </ul>
        </div>
      )}
      {blocked && <p className="import-blocked">{tr.t('import.preview.blocked')}</p>}
      {waits === 'unmappedValues' && <p className="import-blocked">{tr.t('import.preview.waitsValues')}</p>}
      {waits === 'tieringRule' && <p className="import-blocked">{tr.t('import.preview.waitsRule')}</p>}
      {!blocked && s.ready === 0 && <p className="import-blocked">{tr.t('import.preview.nothing')}</p>}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onDone}>
          {tr.t('dialog.cancel')}
        </button>
        <button type="button" className="button" onClick={() => session.back()} disabled={session.busy}>
          {tr.t('import.back')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!canImport}
          onClick={() => void session.commit().then((done) => done && onDone())}
        >
          {session.busy ? tr.t('import.working') : tr.tn('import.submit', s.ready)}
        </button>
      </div>
    </div>
  );
});
