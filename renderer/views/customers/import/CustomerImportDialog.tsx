// Paste or import customers: rows → columns → values → tiers → check and import. Rendered by
// the Customers screen from its "Import…" button and when rows are pasted
// on its table (initialText = the clipboard text).
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { useStores, useT } from '../../../stores/context';
import '../../../styles/customer-import.css';
import { CustomerImportSession, IMPORT_STEPS } from '../../../stores/customerImport/CustomerImportSession';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { SourceStep } from './SourceStep';
import { TieringStep } from './TieringStep';
import { ValuesStep } from './ValuesStep';

export interface CustomerImportDialogProps {
  open: boolean;
  onClose(): void;
  initialText?: string;
}

export function CustomerImportDialog(props: CustomerImportDialogProps) {
  // A fresh session each time the dialog opens.
  return props.open ? <ImportDialogBody onClose={props.onClose} initialText={props.initialText ?? ''} /> : null;
}

const ImportDialogBody = observer(function ImportDialogBody(props: { onClose(): void; initialText: string }) {
  const root = useStores();
  const tr = useT();
  const [session] = useState(() => new CustomerImportSession(root, props.initialText));
  const current = IMPORT_STEPS.indexOf(session.step);
  return (
    <Dialog title={tr.t('import.title')} onClose={props.onClose} wide>
      <div className="import-dialog">
        <ol className="import-steps" aria-label={tr.t('import.steps')}>
          {IMPORT_STEPS.map((step, i) => (
            <li key={step} className="import-step" aria-current={i === current ? 'step' : undefined} data-done={i < current || undefined}>
              <span className="import-step-number" aria-hidden="true">
                {i + 1}
              </span>
              {tr.t(`import.step.${step}`)}
            </li>
          ))}
        </ol>
        {session.step === 'source' && <SourceStep session={session} onCancel={props.onClose} />}
        {session.step === 'mapping' && <MappingStep session={session} onCancel={props.onClose} />}
        {session.step === 'values' && <ValuesStep session={session} onCancel={props.onClose} />}
        {session.step === 'tiering' && <TieringStep session={session} onCancel={props.onClose} />}
        {session.step === 'preview' && <PreviewStep session={session} onDone={props.onClose} />}
      </div>
    </Dialog>
  );
});
