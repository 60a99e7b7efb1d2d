// "Tier by rule" on the Customers screen: the rule, its preview over the
// whole list (ranked by potential), and the change as one undoable edit.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { Dialog } from '../../../components/Dialog';
import { Refusal } from '../../../components/Refusal';
import { useStores, useT } from '../../../stores/context';
import { TierByRule } from '../../../stores/customers/TierByRule';
import type { WriteOutcome } from '../../../stores/refusals';
import '../../../styles/customer-import.css';
import { RuleFields } from './RuleFields';
import { TieringPreviewTable } from './TieringPreviewTable';

export const TierByRuleDialog = observer(function TierByRuleDialog({ onClose }: { onClose(): void }) {
  const root = useStores();
  const tr = useT();
  const [session] = useState(() => new TierByRule(root));
  const [refusal, setRefusal] = useState<WriteOutcome>(null);
  const preview = session.preview;
  const problems = session.draft.problems.length > 0 ? session.draft.problems : preview && !preview.ok ? preview.problems : [];
  const changes = preview?.ok ? preview.changed.length : 0;
  return (
    <Dialog title={tr.t('tiering.dialog.title')} onClose={onClose} wide>
      <p className="muted">{tr.t('tiering.dialog.intro')}</p>
      <RuleFields draft={session.draft} problems={problems} />
      <label className="import-check">
        <input type="checkbox" checked={session.keep} onChange={(e) => session.setKeep(e.target.checked)} />
        {tr.t('tiering.form.keep')}
      </label>
      {preview?.ok && <TieringPreviewTable preview={preview} bySegment={session.draft.scope === 'segment'} />}
      <Refusal reason={refusal} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {tr.t('dialog.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!session.canApply || session.busy}
          onClick={() =>
            void session.apply().then((outcome) => {
              if (outcome === null) onClose();
              else setRefusal(outcome);
            })
          }
        >
          {changes === 0 && session.ruleToKeep ? tr.t('tiering.dialog.keepOnly') : tr.tn('tiering.dialog.apply', changes)}
        </button>
      </div>
    </Dialog>
  );
});
