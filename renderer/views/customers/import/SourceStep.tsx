// Step 1: the rows — pasted text (prefilled with what was pasted on the
// table) or a CSV/TSV/TXT/XLSX file, with a worksheet choice for workbooks.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { useT } from '../../../stores/context';
import type { CustomerImportSession } from '../../../stores/customerImport/CustomerImportSession';
import { fileErrorText } from './labels';
import { CUSTOMER_FILE_ACCEPT } from '../../../stores/customerImport/readCustomerFile';

export const SourceStep = observer(function SourceStep({ session, onCancel }: { session: CustomerImportSession; onCancel(): void }) {
  const tr = useT();
  const id = useId();
  const count = session.sourceRowCount;
  const file = session.file;
  return (
    <form
      className="import-source"
      onSubmit={(e) => {
        e.preventDefault();
        if (count > 0) void session.toMapping();
      }}
    >
      <label htmlFor={`${id}-paste`} className="field-label">
        {tr.t('import.source.pasteLabel')}
      </label>
      <p id={`${id}-hint`} className="muted import-hint">
        {tr.t('import.source.pasteHint')}
      </p>
      <textarea
        id={`${id}-paste`}
        className="text-input import-paste"
        aria-describedby={`${id}-hint`}
        value={file ? '' : session.pasteText}
        spellCheck={false}
        wrap="off"
        rows={8}
        autoFocus
        onChange={(e) => session.setPasteText(e.target.value)}
      />
      <label htmlFor={`${id}-file`} className="field-label">
        {tr.t('import.source.fileLabel')}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        className="import-file"
        accept={CUSTOMER_FILE_ACCEPT}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) void session.chooseFile(chosen);
        }}
      />
      {session.reading && <p role="status">{tr.t('import.source.reading')}</p>}
      {session.fileError && (
        <p role="alert" className="import-error">
          {fileErrorText(tr, session.fileError)}
        </p>
      )}
      {file && (
        <p role="status" className="import-file-read">
          {tr.t('import.source.fileRead', {
            fileName: file.fileName,
            encoding: tr.t(`import.encoding.${file.encoding}`),
            count,
          })}
        </p>
      )}
      {file && file.sheets.length > 1 && (
        <>
          <label htmlFor={`${id}-sheet`} className="field-label">
            {tr.t('import.source.sheetLabel')}
          </label>
          <select
            id={`${id}-sheet`}
            className="text-input"
            value={session.sheetIndex}
            onChange={(e) => session.chooseSheet(Number(e.target.value))}
          >
            {file.sheets.map((s, i) => (
              <option key={i} value={i}>
                {s.name}
              </option>
            ))}
          </select>
        </>
      )}
      {!file && (
        <p className="muted" aria-live="polite">
          {count > 0 ? tr.tn('import.source.rowsFound', count) : tr.t('import.source.empty')}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {tr.t('dialog.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={count === 0 || session.reading}>
          {tr.t('import.next')}
        </button>
      </div>
    </form>
  );
});
