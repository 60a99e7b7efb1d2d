import { observer } from 'mobx-react-lite';
import type { PlainKey } from '../../shared/i18n';
import { useT } from '../stores/context';

/** A screen that is not built yet says so plainly instead of pretending. */
export const ComingLater = observer(function ComingLater(props: { titleKey: PlainKey; introKey: PlainKey }) {
  const { titleKey, introKey } = props;
  const tr = useT();
  return (
    <div className="view">
      <h1 className="view-title">{tr.t(titleKey)}</h1>
      <p className="lead">{tr.t(introKey)}</p>
      <p className="notice">{tr.t('view.comingLater')}</p>
    </div>
  );
});
