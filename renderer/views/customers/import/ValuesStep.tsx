// Step 3: values to fields. The distinct values of a column mapped to a
// segment, tier, status or owner (sector "retail" and "software" → the SMB
// segment); values that already name one are filled in. Values still without
// a target are listed and the import waits for them.
import { observer } from 'mobx-react-lite';
import { VALUE_MAP_FIELDS, type ValueMapField } from '../../../../shared/import';
import { CUSTOMER_STATUSES, TIERS } from '../../../../shared/plan/types';
import type { Translator } from '../../../../shared/i18n';
import { LabelledSelect } from '../../../components/LabelledSelect';
import { useT } from '../../../stores/context';
import type { CustomerImportSession } from '../../../stores/customerImport/CustomerImportSession';
import { isValueMapField, type ValueMapView } from '../../../stores/customerImport/valueMapEdits';
import { columnName, fieldLabel } from './labels';
import { StepButtons } from './StepButtons';

function targets(tr: Translator, session: CustomerImportSession, field: ValueMapField): { value: string; label: string }[] {
  if (field === 'tier') return TIERS.map((t) => ({ value: t, label: tr.t(`tier.${t}`) }));
  if (field === 'status') return CUSTOMER_STATUSES.map((s) => ({ value: s, label: tr.t(`status.${s}`) }));
  return session.values.targetsFor(field);
}

const ValueMapSection = observer(function ValueMapSection({ session, view }: { session: CustomerImportSession; view: ValueMapView }) {
  const tr = useT();
  const { map, index } = view;
  const heading = tr.t('import.values.mapHeading', { column: columnName(tr, session.headerRow, map.column), field: fieldLabel(tr, map.field) });
  const options = targets(tr, session, map.field);
  return (
    <section className="import-value-map" aria-label={heading}>
      <h3 className="dialog-subtitle">{heading}</h3>
      <div className="import-value-map-bar">
        <LabelledSelect
          layout="bar"
          label={tr.t('import.values.column')}
          value={String(map.column)}
          onChange={(v) => session.values.move(index, { column: Number(v) })}
          options={Array.from({ length: session.width }, (_, c) => [String(c), columnName(tr, session.headerRow, c)] as const)}
        />
        <LabelledSelect
          layout="bar"
          label={tr.t('import.values.field')}
          value={map.field}
          onChange={(v) => {
            if (isValueMapField(v)) session.values.move(index, { field: v });
          }}
          options={VALUE_MAP_FIELDS.map((f) => [f, fieldLabel(tr, f)] as const)}
        />
        <button type="button" className="button" onClick={() => session.values.remove(index)}>
          {tr.t('import.values.remove')}
        </button>
      </div>
      <table className="import-mapping-table">
        <thead>
          <tr>
            <th scope="col">{tr.t('import.values.value')}</th>
            <th scope="col">{tr.t('import.values.rows')}</th>
            <th scope="col">{tr.t('import.values.target')}</th>
          </tr>
        </thead>
        <tbody>
          {view.values.map((d) => (
            <tr key={d.value}>
              <th scope="row">{d.value}</th>
              <td>{d.count}</td>
              <td>
                <select
                  className="text-input"
                  aria-label={tr.t('import.values.targetLabel', { value: d.value })}
                  aria-invalid={map.values[d.value] === undefined || undefined}
                  value={map.values[d.value] ?? ''}
                  onChange={(e) => session.values.setTarget(index, d.value, e.target.value || null)}
                >
                  <option value="">{tr.t('import.values.noTarget')}</option>
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.unmapped.length > 0 ? (
        <div role="alert" className="import-unmapped">
          <p>{tr.tn('import.values.waiting', view.unmapped.length)}</p>
          <ul>
            {view.unmapped.map((d) => (
              <li key={d.value}>{tr.t('import.valueMap.unmapped', { value: d.value, count: d.count, line: d.lines[0] ?? 0, field: fieldLabel(tr, map.field) })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">{tr.t('import.values.allMapped')}</p>
      )}
    </section>
  );
});

export const ValuesStep = observer(function ValuesStep({ session, onCancel }: { session: CustomerImportSession; onCancel(): void }) {
  const tr = useT();
  const views = session.values.views;
  const waiting = session.values.unmappedCount > 0;
  return (
    <form
      className="import-values"
      onSubmit={(e) => {
        e.preventDefault();
        if (!waiting) session.toTiering();
      }}
    >
      <p className="muted">{tr.t('import.values.intro')}</p>
      {views.length === 0 && session.values.suggestions.length === 0 && <p>{tr.t('import.values.none')}</p>}
      {session.values.suggestions.map((sg) => (
        <p key={sg.column} className="import-remembered">
          {tr.tn('import.values.suggestion', sg.unresolved)}{' '}
          <button type="button" className="button" onClick={() => session.values.addFor(sg.column, sg.field)}>
            {tr.t('import.values.mapColumn', { column: columnName(tr, session.headerRow, sg.column), field: fieldLabel(tr, sg.field) })}
          </button>
        </p>
      ))}
      {views.map((v) => (
        <ValueMapSection key={v.index} session={session} view={v} />
      ))}
      <button type="button" className="button" onClick={() => session.values.add()}>
        {tr.t('import.values.add')}
      </button>
      <StepButtons onCancel={onCancel} onBack={() => session.back()} nextDisabled={waiting} />
    </form>
  );
});
