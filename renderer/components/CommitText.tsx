// A text field that saves when the user is done with it: on blur or Enter,
// after the caller's check passes; Esc puts the stored text back. A problem
// found while typing, or the reason the store refused the edit, shows under
// the field (aria-invalid + aria-describedby), and a refused edit reverts.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CommitOutcome } from './RangeInput';
import '../styles/fields.css';

export interface CommitTextProps {
  label: string;
  /** Keep the label for assistive technology only (a column header already says it). */
  hideLabel?: boolean;
  value: string;
  /** The problem with `text`, localized, or null when it may be saved. */
  validate?: (text: string) => string | null;
  onCommit: (text: string) => Promise<CommitOutcome> | CommitOutcome;
  className?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
  placeholder?: string;
  /** Text shown after the input (a unit such as "%"). */
  suffix?: string;
  disabled?: boolean;
}

export function CommitText(props: CommitTextProps) {
  const [text, setText] = useState(props.value);
  const [rejection, setRejection] = useState<string | null>(null);
  // The stored value as of the last render, for handlers that finish after
  // an await (their closure's props may be stale by then).
  const latest = useRef(props.value);
  useLayoutEffect(() => {
    latest.current = props.value;
  });
  const committing = useRef(false);
  const uid = useId();
  const inputId = `${uid}-input`;
  const messageId = `${uid}-msg`;

  useEffect(() => {
    setText(latest.current);
  }, [props.value]);

  const problem = text === props.value ? null : (props.validate?.(text) ?? null);
  const message = problem ?? rejection;

  const commit = async () => {
    if (committing.current || text === latest.current || problem) return;
    committing.current = true;
    try {
      const outcome = await props.onCommit(text);
      if (typeof outcome === 'string') {
        setText(latest.current);
        setRejection(outcome);
      } else setRejection(null);
    } finally {
      committing.current = false;
    }
  };

  return (
    <div className={`commit-text ${props.className ?? ''}`}>
      <label htmlFor={inputId} className={props.hideLabel ? 'visually-hidden' : 'commit-text-label'}>
        {props.label}
      </label>
      <span className="commit-text-row">
        <input
          id={inputId}
          className="text-input"
          type="text"
          autoComplete="off"
          inputMode={props.inputMode}
          placeholder={props.placeholder}
          disabled={props.disabled}
          value={text}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? messageId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setRejection(null);
          }}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            } else if (e.key === 'Escape') {
              if (text !== latest.current || message) e.preventDefault();
              setText(latest.current);
              setRejection(null);
            }
          }}
        />
        {props.suffix && <span className="commit-text-suffix">{props.suffix}</span>}
      </span>
      <span id={messageId} className="commit-text-message" aria-live="polite">
        {message}
      </span>
    </div>
  );
}
