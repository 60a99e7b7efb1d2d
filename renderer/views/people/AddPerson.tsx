// Adding someone to the team: a name and a role (PeopleStore.addPerson makes
// the id from the name, or "person-N" when the name has no Latin letters).
import { observer } from 'mobx-react-lite';
import { useId, useState, type FormEvent } from 'react';
import { NAME_MAX } from '../../../shared/plan/schema';
import { ROLES, type Role } from '../../../shared/plan/types';
import { Refusal } from '../../components/Refusal';
import { useStores, useT } from '../../stores/context';

export const AddPerson = observer(function AddPerson() {
  const { people } = useStores();
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
    const refusal = await people.addPerson(trimmed, role);
    setProblem(refusal);
    if (!refusal) setName('');
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
      <Refusal reason={problem} id={`${id}-msg`} />
    </form>
  );
});
