// A labelled select (with an optional description read with it) whose
// options are [value, label] pairs: the detail panel's many small choices.
import { useId } from 'react';

export function LabelledSelect(props: {
  label: string;
  description?: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="cd-field">
      <label htmlFor={id} className="cd-label">
        {props.label}
      </label>
      {props.description && (
        <span id={`${id}-d`} className="cd-description">
          {props.description}
        </span>
      )}
      <select
        id={id}
        className="text-input"
        value={props.value}
        aria-describedby={props.description ? `${id}-d` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

