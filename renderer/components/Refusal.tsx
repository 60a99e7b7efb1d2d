// Why the store refused an edit, shown where the edit was made. Every screen
// shows a refusal this way: the reason comes from a store action's
// WriteOutcome (stores/refusals.ts), already in the user's language.
import '../styles/fields.css';

export function Refusal(props: { reason: string | null | undefined; inline?: boolean; id?: string }) {
  if (!props.reason) return null;
  const Tag = props.inline ? 'span' : 'p';
  return (
    <Tag id={props.id} className={props.inline ? 'refused refused-inline' : 'refused'} role="alert">
      {props.reason}
    </Tag>
  );
}
