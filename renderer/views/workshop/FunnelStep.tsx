// Workshop step 5: each funnel as a chart of expected deals per 100 leads.
import { observer } from 'mobx-react-lite';
import { useStores } from '../../stores/context';
import { FunnelChart } from '../funnels/FunnelChart';

export const FunnelStep = observer(function FunnelStep() {
  const { funnels } = useStores();
  return (
    <div className="ws-grid">
      {funnels.funnels.map((f) => (
        <section key={f.id} className="card">
          <h2 className="card-title">{f.name}</h2>
          <FunnelChart funnel={f} volumes={funnels.summaries.get(f.id)?.volumes ?? []} />
        </section>
      ))}
    </div>
  );
});
