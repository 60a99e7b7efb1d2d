// Step 4: tiers by rule (optional). The rows about to be written — or the
// whole list after the import — ranked by potential or by a number column of
// the file; the preview of counts, potential and tier changes. While the rule
// has problems (shares over 100 %, text in the number column) the import waits.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { LabelledSelect } from '../../../components/LabelledSelect';
import { useT } from '../../../stores/context';
import type { CustomerImportSession } from '../../../stores/customerImport/CustomerImportSession';
import type { TieringOver } from '../../../stores/customerImport/ImportTiering';
import { RuleFields } from '../tiering/RuleFields';
import { TieringPreviewTable } from '../tiering/TieringPreviewTable';
import { columnName } from './labels';
import { StepButtons } from './StepButtons';

const OVER: readonly TieringOver[] = ['import', 'list'];

export const TieringStep = observer(function TieringStep({ session, onCancel }: { session: CustomerImportSession; onCancel(): void }) {
  const tr = useT();
  const id = useId();
  const t = session.tiering;
  const preview = t.preview;
  const notCounted = session.summary.withErrors;
  const blocked = t.on && (t.problems.length > 0 || !preview?.ok);
  return (
    <form
      className="import-tiering"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked) session.toPreview();
      }}
    >
      <p className="muted">{tr.t('import.tiering.intro')}</p>
      <label className="import-check">
        <input type="checkbox" checked={t.on} onChange={(e) => t.setOn(e.target.checked)} />
        {tr.t('import.tiering.toggle')}
      </label>
      {!t.on && <p className="muted">{tr.t('import.tiering.off')}</p>}
      {t.on && (
        <>
          <div className="import-value-map-bar">
            <LabelledSelect
              layout="bar"
              label={tr.t('import.tiering.column')}
              value={t.column === null ? '' : String(t.column)}
              onChange={(v) => t.setColumn(v === '' ? null : Number(v))}
              options={[['', tr.t('import.tiering.byPotential')] as const, ...t.numberColumns.map((c) => [String(c), columnName(tr, session.headerRow, c)] as const)]}
            />
          </div>
          <fieldset className="import-fieldset">
            <legend>{tr.t('import.tiering.over')}</legend>
            {OVER.map((o) => (
              <label key={o} className="import-check">
                <input type="radio" name={`${id}-over`} checked={t.over === o} onChange={() => t.setOver(o)} />
                {tr.t(`import.tiering.over.${o}`)}
              </label>
            ))}
          </fieldset>
          {t.planRuleNow && <p className="import-remembered">{tr.t('import.tiering.planRule')}</p>}
          <RuleFields draft={t.draft} problems={t.problems} />
          <label className="import-check">
            <input
              type="checkbox"
              checked={t.keep && t.column === null}
              disabled={t.column !== null}
              aria-describedby={t.column !== null ? `${id}-keep-hint` : undefined}
              onChange={(e) => t.setKeep(e.target.checked)}
            />
            {tr.t('tiering.form.keep')}
          </label>
          {t.column !== null && (
            <p id={`${id}-keep-hint`} className="muted import-hint">
              {tr.t('tiering.form.keepOnlyPotential')}
            </p>
          )}
          {notCounted > 0 && <p className="muted">{tr.tn('import.tiering.notCounted', notCounted)}</p>}
          {preview?.ok && <TieringPreviewTable preview={preview} bySegment={t.draft.scope === 'segment'} />}
        </>
      )}
      <StepButtons onCancel={onCancel} onBack={() => session.back()} nextDisabled={blocked} />
    </form>
  );
});
