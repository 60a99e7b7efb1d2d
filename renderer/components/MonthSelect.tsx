// A month picker over the plan horizon, labelled in the UI language ("Jul
// 2027" / "2027年7月"): only real months can be chosen, the keyboard works as
// on any select, and a stored month outside the horizon still shows. While
// the choice is being saved it stays shown; if the store refuses it, the
// stored month comes back (the caller shows the reason).
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { formatMonth } from '../../shared/i18n';
import { useT } from '../stores/context';
import '../styles/planning.css';

export interface MonthSelectProps {
  label: string;
  hideLabel?: boolean;
  value: string;
  months: readonly string[];
  onCommit: (month: string) => Promise<unknown> | void;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
}

export const MonthSelect = observer(function MonthSelect(props: MonthSelectProps) {
  const tr = useT();
  const id = useId();
  const [pending, setPending] = useState<string | null>(null);
  const shown = pending ?? props.value;
  const options = props.months.includes(shown) ? props.months : [shown, ...props.months];
  return (
    <span className={`month-select ${props.className ?? ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : 'field-label'}>
        {props.label}
      </label>
      <select
        id={id}
        className="select-input"
        value={shown}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={props.describedBy}
        onChange={async (e) => {
          const month = e.target.value;
          setPending(month);
          try {
            await props.onCommit(month);
          } finally {
            setPending(null);
          }
        }}
      >
        {options.map((m) => (
          <option key={m} value={m}>
            {formatMonth(m, tr.locale)}
          </option>
        ))}
      </select>
    </span>
  );
});
