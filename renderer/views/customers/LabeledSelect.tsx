// A labelled select of the customers screen's filter and bulk-edit bars.
import { useId, type ReactNode } from 'react';

export function LabeledSelect(props: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="cf-field">
      <label htmlFor={id} className="cf-label">
        {props.label}
      </label>
      <select id={id} className="text-input cf-select" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
      </select>
    </div>
  );
}
