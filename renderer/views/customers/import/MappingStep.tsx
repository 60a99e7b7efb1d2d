// Step 2: which column fills which field (guessed, each guess with its
// reason, every choice changeable), whether the first row is a header (with
// why it was guessed), the factor for potential, the values used where a row
// leaves a field empty, and what to do with ids that already exist.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { CUSTOMER_STATUSES, TIERS, type CustomerStatus, type Tier } from '../../../../shared/plan/types';
import { IMPORT_FIELDS, isImportField, reasonText, type ExistingIdPolicy, type ImportField } from '../../../../shared/import';
import type { Translator } from '../../../../shared/i18n';
import { useT } from '../../../stores/context';
import type { CustomerImportSession } from '../../../stores/customerImport/CustomerImportSession';
import { columnName, fieldLabel } from './labels';
import { StepButtons } from './StepButtons';

const GROUPS: { key: 'customer' | 'owners' | 'relationship' | 'factors' | 'funnel'; test: (f: ImportField) => boolean }[] = [
  { key: 'customer', test: (f) => !f.includes('.') && f !== 'entryStage' && f !== 'firstDeal' },
  { key: 'owners', test: (f) => f.startsWith('owners.') },
  { key: 'relationship', test: (f) => f.startsWith('relationship.') },
  { key: 'factors', test: (f) => f.startsWith('factors.') },
  { key: 'funnel', test: (f) => f === 'entryStage' || f === 'firstDeal' },
];

function FieldOptions({ tr }: { tr: Translator }) {
  return (
    <>
      {GROUPS.map((g) => (
        <optgroup key={g.key} label={tr.t(`import.fieldGroup.${g.key}`)}>
          {IMPORT_FIELDS.filter(g.test).map((f) => (
            <option key={f} value={f}>
              {fieldLabel(tr, f)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

const POLICIES: readonly ExistingIdPolicy[] = ['error', 'update', 'skip'];

export const MappingStep = observer(function MappingStep({ session, onCancel }: { session: CustomerImportSession; onCancel(): void }) {
  const tr = useT();
  const id = useId();
  const samples = session.rows.slice(0, 3);
  const header = session.headerRow;
  const problems = session.mappingProblems;
  const columns = Array.from({ length: session.width }, (_, c) => c);
  return (
    <form
      className="import-mapping"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0) session.toValues();
      }}
    >
      <div className="import-header-choice">
        <label className="import-check">
          <input
            type="checkbox"
            checked={session.hasHeader}
            aria-describedby={session.headerGuess ? `${id}-header-reason` : undefined}
            onChange={(e) => session.setHasHeader(e.target.checked)}
          />
          {tr.t('import.mapping.headerToggle')}
        </label>
        {session.headerGuess && (
          <span id={`${id}-header-reason`} className="muted import-reason">
            {tr.t('import.mapping.headerReason', { reason: reasonText(session.headerGuess.reason, tr.locale) })}
          </span>
        )}
      </div>
      {session.remembered.size > 0 && <p className="import-remembered">{tr.t('import.mapping.remembered')}</p>}
      <div className="import-mapping-scroll">
        <table className="import-mapping-table">
          <caption className="visually-hidden">{tr.t('import.mapping.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr.t('import.mapping.column')}</th>
              <th scope="col">{tr.t('import.mapping.sample')}</th>
              <th scope="col">{tr.t('import.mapping.target')}</th>
              <th scope="col">{tr.t('import.mapping.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const name = columnName(tr, header, c);
              const field = session.mapping[c] ?? null;
              return (
                <tr key={c}>
                  <th scope="row" id={`${id}-col-${c}`}>
                    {name}
                  </th>
                  <td className="import-samples">{samples.map((r) => r.cells[c] ?? '').filter((v) => v.trim() !== '').join(' · ')}</td>
                  <td>
                    <select
                      className="text-input"
                      aria-label={tr.t('import.mapping.selectLabel', { column: name })}
                      value={field ?? ''}
                      onChange={(e) => session.setField(c, isImportField(e.target.value) ? e.target.value : null)}
                    >
                      <option value="">{tr.t('import.mapping.ignore')}</option>
                      <FieldOptions tr={tr} />
                    </select>
                  </td>
                  <td className="import-reason" data-testid={`reason-${c}`}>
                    {reasonText(session.columnReason(c), tr.locale)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problems.length > 0 && (
        <ul className="import-mapping-problems" role="alert">
          {problems.map((p) => (
            <li key={p.kind === 'duplicate' ? p.field : p.kind}>
              {p.kind === 'nameMissing'
                ? tr.t('import.mapping.nameMissing')
                : p.kind === 'badFactor'
                  ? tr.t('import.problem.badFactor', { value: p.text })
                  : tr.t('import.mapping.duplicate', { field: fieldLabel(tr, p.field) })}
            </li>
          ))}
        </ul>
      )}
      {session.mapping.includes('potentialBase') && (
        <div className="import-factor">
          <label htmlFor={`${id}-factor`} className="field-label">
            {tr.t('import.mapping.factorLabel')}
          </label>
          <input
            id={`${id}-factor`}
            className="text-input"
            inputMode="decimal"
            value={session.factorText}
            placeholder="1"
            aria-describedby={`${id}-factor-hint`}
            aria-invalid={session.potentialFactor === null || undefined}
            onChange={(e) => session.setFactorText(e.target.value)}
          />
          <p id={`${id}-factor-hint`} className="muted import-hint">
            {tr.t('import.mapping.factorHint')}
          </p>
        </div>
      )}
      <DefaultsFields session={session} />
      <p className="muted import-hint">{tr.t('import.mapping.amountsHint')}</p>
      <StepButtons onCancel={onCancel} onBack={() => session.back()} nextDisabled={problems.length > 0} />
    </form>
  );
});

const DefaultsFields = observer(function DefaultsFields({ session }: { session: CustomerImportSession }) {
  const tr = useT();
  const id = useId();
  const segments = session.segments;
  const d = session.defaults;
  return (
    <div className="import-options">
      <fieldset className="import-fieldset">
        <legend>{tr.t('import.mapping.defaults')}</legend>
        <div className="import-defaults">
          <label htmlFor={`${id}-seg`}>{tr.t('import.field.segment')}</label>
          <select
            id={`${id}-seg`}
            className="text-input"
            value={d.segmentId ?? ''}
            onChange={(e) => session.setDefaults({ segmentId: e.target.value || null })}
          >
            <option value="">{tr.t('import.mapping.noDefault')}</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-tier`}>{tr.t('import.field.tier')}</label>
          <select
            id={`${id}-tier`}
            className="text-input"
            value={d.tier ?? ''}
            onChange={(e) => session.setDefaults({ tier: (e.target.value || null) as Tier | null })}
          >
            <option value="">{tr.t('import.mapping.noDefault')}</option>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {tr.t(`tier.${t}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-status`}>{tr.t('import.field.status')}</label>
          <select
            id={`${id}-status`}
            className="text-input"
            value={d.status}
            onChange={(e) => session.setDefaults({ status: e.target.value as CustomerStatus })}
          >
            {CUSTOMER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tr.t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="import-fieldset">
        <legend>{tr.t('import.mapping.existing')}</legend>
        {POLICIES.map((p) => (
          <label key={p} className="import-check">
            <input
              type="radio"
              name={`${id}-existing`}
              value={p}
              checked={session.existing === p}
              onChange={() => session.setExisting(p)}
            />
            {tr.t(`import.mapping.existing.${p}`)}
          </label>
        ))}
      </fieldset>
      <label className="import-check">
        <input type="checkbox" checked={session.decimalComma} onChange={(e) => session.setDecimalComma(e.target.checked)} />
        {tr.t('import.mapping.decimalComma')}
      </label>
    </div>
  );
});
