// Picking the customer of a goal: a search box narrowing a select, so the
// field stays quick and keyboard-friendly on a 50,000-customer plan (the
// select lists at most LIMIT matches; the current customer always shows).
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { useStores, useT } from '../../stores/context';

const LIMIT = 200;

export const CustomerField = observer(function CustomerField(props: { value: string | null; onChange: (id: string | null) => void }) {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const all = plan.collections.customers.plainList;
  const q = query.trim().toLowerCase();
  const matches = q ? all.filter((c) => c.name.toLowerCase().includes(q) || c.id.toLowerCase().includes(q)) : all;
  const shown = matches.slice(0, LIMIT);
  const current = props.value ? plan.collections.customers.plain(props.value) : undefined;
  if (current && !shown.includes(current)) shown.unshift(current);
  return (
    <fieldset className="customer-field">
      <legend className="field-label">{tr.t('planning.goal.customer')}</legend>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {tr.t('planning.goal.customerSearch')}
      </label>
      <input
        id={`${id}-q`}
        className="text-input"
        type="search"
        placeholder={tr.t('planning.goal.customerSearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <label htmlFor={`${id}-c`} className="visually-hidden">
        {tr.t('planning.goal.customer')}
      </label>
      <select
        id={`${id}-c`}
        className="select-input"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{tr.t('planning.goal.noCustomer')}</option>
        {shown.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.tier})
          </option>
        ))}
      </select>
      {matches.length > LIMIT && (
        <p className="muted field-note">{tr.t('planning.goal.customerMatches', { shown: LIMIT, count: matches.length })}</p>
      )}
    </fieldset>
  );
});
