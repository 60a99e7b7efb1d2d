// A labelled select of the plan's people, optionally only those of one role,
// with "— none —" for no one. The current value is always listed, even when
// that person has another role, so the select never shows a wrong name.
import { observer } from 'mobx-react-lite';
import { useId, type ReactNode } from 'react';
import type { Role } from '../../shared/plan/types';
import { useStores, useT } from '../stores/context';

export interface PersonPickerProps {
  label: string;
  /** Keep the label for assistive technology only. */
  hideLabel?: boolean;
  value: string | null;
  onChange: (personId: string | null) => void;
  /** List only people of this role (plus the current value). */
  role?: Role;
  /** Offer "— none —" (default true). */
  allowNone?: boolean;
  disabled?: boolean;
  className?: string;
  /** Shown under the select, e.g. the reason a change was refused. */
  message?: ReactNode;
}

export const PersonPicker = observer(function PersonPicker(props: PersonPickerProps) {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const messageId = `${id}-msg`;
  const people = plan.collections.people.list.filter(
    (p) => !props.role || p.role === props.role || p.id === props.value,
  );
  return (
    <div className={`person-picker ${props.className ?? ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : 'field-label'}>
        {props.label}
      </label>
      <select
        id={id}
        className="text-input"
        value={props.value ?? ''}
        disabled={props.disabled}
        aria-invalid={props.message ? true : undefined}
        aria-describedby={props.message ? messageId : undefined}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        {props.allowNone !== false && <option value="">{tr.t('customers.person.none')}</option>}
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {props.message && (
        <p id={messageId} className="field-message" role="alert">
          {props.message}
        </p>
      )}
    </div>
  );
});
