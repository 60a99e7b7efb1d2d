import { observer } from 'mobx-react-lite';
import type { Process } from '../../../shared/plan/types';
import { useT } from '../../stores/context';

/** "LTC — leads to cash" / "LTC 线索到回款" as a coloured badge. */
export const ProcessBadge = observer(function ProcessBadge({ process }: { process: Process }) {
  const tr = useT();
  return <span className={`process-badge process-${process}`}>{tr.t(process === 'ltc' ? 'process.ltc' : 'process.mtc')}</span>;
});
