// The one labelled select: a label, an optional description read with it, and
// either [value, label] pairs or <option> children (for "all"/"keep" entries
// before a list). `layout="bar"` packs it into a toolbar (the customers
// filter and bulk-edit bars); the default puts label and description beside
// the select (the customer detail panel).
import { useId, type ReactNode } from 'react';

export interface LabelledSelectProps {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  options?: readonly (readonly [string, string])[];
  children?: ReactNode;
  layout?: 'bar' | 'stacked';
}

export function LabelledSelect(props: LabelledSelectProps) {
  const id = useId();
  const bar = props.layout === 'bar';
  return (
    <div className={bar ? 'cf-field' : 'cd-field'}>
      <label htmlFor={id} className={bar ? 'cf-label' : 'cd-label'}>
        {props.label}
      </label>
      {props.description && (
        <span id={`${id}-d`} className="cd-description">
          {props.description}
        </span>
      )}
      <select
        id={id}
        className={bar ? 'text-input cf-select' : 'text-input'}
        value={props.value}
        aria-describedby={props.description ? `${id}-d` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.children}
        {props.options?.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
