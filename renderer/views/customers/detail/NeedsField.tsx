// The customer's needs (客户需求), the method's starting point: free text of
// many lines, saved when the field is left (one undoable edit). While not
// being edited it shows what is stored, so an undo elsewhere shows at once.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { formatNumber } from '../../../../shared/i18n';
import { TEXT_MAX } from '../../../../shared/plan/schema';
import type { Customer } from '../../../../shared/plan/types';
import { Refusal } from '../../../components/Refusal';
import { useStores, useT } from '../../../stores/context';

export const NeedsField = observer(function NeedsField({ customer }: { customer: Customer }) {
  const { customers: view } = useStores();
  const tr = useT();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const text = draft ?? customer.needs ?? '';
  const count = (n: number) => formatNumber(n, tr.locale, 0);

  const commit = async () => {
    if (draft === null) return;
    if (draft.length > TEXT_MAX) {
      setRefusal(tr.t('customers.needs.tooLong', { max: count(TEXT_MAX), count: count(draft.length) }));
      return; // the draft stays, so nothing typed is lost
    }
    const outcome = await view.writes.setNeeds(customer.id, draft);
    setRefusal(outcome);
    if (outcome === null) setDraft(null);
  };

  return (
    <div className="cd-needs">
      {/* The section's heading already says "Customer needs"; the label names the field for screen readers. */}
      <label htmlFor={id} className="visually-hidden">
        {tr.t('customers.needs.label')}
      </label>
      <span id={`${id}-hint`} className="cd-hint">
        {tr.t('customers.needs.hint')}
      </span>
      <textarea
        id={id}
        className="text-input cd-needs-input"
        rows={4}
        value={text}
        aria-describedby={`${id}-hint ${id}-count`}
        aria-invalid={text.length > TEXT_MAX || undefined}
        onFocus={() => setDraft((d) => d ?? customer.needs ?? '')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
      />
      <span id={`${id}-count`} className={`cd-needs-count${text.length > TEXT_MAX ? ' is-over' : ''}`}>
        {tr.t('customers.needs.count', { count: count(text.length), max: count(TEXT_MAX) })}
      </span>
      <Refusal reason={refusal} />
    </div>
  );
});
