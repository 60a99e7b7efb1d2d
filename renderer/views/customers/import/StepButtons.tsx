// The footer of the import steps that go on with a form submit (Mapping,
// Values, Tiering): Cancel, Back, and Next as the submit button.
import { useT } from '../../../stores/context';

export function StepButtons({ onCancel, onBack, nextDisabled }: { onCancel: () => void; onBack: () => void; nextDisabled: boolean }) {
  const tr = useT();
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        {tr.t('dialog.cancel')}
      </button>
      <button type="button" className="button" onClick={onBack}>
        {tr.t('import.back')}
      </button>
      <button type="submit" className="button button-primary" disabled={nextDisabled}>
        {tr.t('import.next')}
      </button>
    </div>
  );
}
