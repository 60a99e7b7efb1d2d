// Adding someone to the team: a name and a role; the id is made from the
// name (or "person-N" when the name has no Latin letters).
import { observer } from 'mobx-react-lite';
import { useId, useState, type FormEvent } from 'react';
import { NAME_MAX } from '../../../shared/plan/schema';
import { ROLES, type Role } from '../../../shared/plan/types';
import { uniqueId } from '../../stores/planning/coverage';
import { explainError } from '../../stores/planning/explain';
import { toApiError } from '../../stores/PlanStore';
import { useStores, useT } from '../../stores/context';

export const AddPerson = observer(function AddPerson() {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('AR');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setProblem(tr.t('planning.name.empty'));
    if (trimmed.length > NAME_MAX) return setProblem(tr.t('planning.name.tooLong', { max: NAME_MAX }));
    const people = plan.collections.people;
    const base = /[A-Za-z]/.test(trimmed) ? trimmed.toLowerCase() : `person-${people.size + 1}`;
    try {
      // A new person has the role default (their limit is a field of the person, gone with a deleted one).
      await plan.create('people', { id: uniqueId(base, (x) => people.get(x) !== undefined), name: trimmed, role });
      setName('');
      setProblem(null);
    } catch (err) {
      setProblem(explainError(toApiError(err), tr, trimmed));
    }
  };
  return (
    <form className="inline-form add-person" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="details-heading">
        {tr.t('planning.person.addTitle')}
      </h3>
      <span className="inline-field">
        <label htmlFor={`${id}-name`}>{tr.t('planning.person.name')}</label>
        <input
          id={`${id}-name`}
          className="text-input"
          value={name}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-msg` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
        />
      </span>
      <span className="inline-field">
        <label htmlFor={`${id}-role`}>{tr.t('planning.person.role')}</label>
        <select id={`${id}-role`} className="select-input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr.t(`role.${r}`)}
            </option>
          ))}
        </select>
      </span>
      <button type="submit" className="button button-primary">
        {tr.t('planning.person.add')}
      </button>
      {problem && (
        <p id={`${id}-msg`} className="commit-text-message" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
});
