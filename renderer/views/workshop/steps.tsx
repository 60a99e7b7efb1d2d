// Which component shows each workshop step. Each reads the live plan through
// the stores, so an edit (here, in another window, an undo) shows at once.
import { observer } from 'mobx-react-lite';
import type { WorkshopStep } from '../../stores/workshop/WorkshopStore';
import { ComparePanel } from '../compare/ComparePanel';
import { DecisionList } from '../decisions/DecisionList';
import { Roadmap } from '../phases/Roadmap';
import { FunnelStep } from './FunnelStep';
import { IronTrianglesStep } from './IronTrianglesStep';
import { OddsStep } from './OddsStep';
import { PlanStep } from './PlanStep';
import { TargetsStep } from './TargetsStep';
import { WhatIfStep } from './WhatIfStep';

export const WorkshopStepContent = observer(function WorkshopStepContent({ step }: { step: WorkshopStep }) {
  switch (step) {
    case 'plan':
      return <PlanStep />;
    case 'phases':
      return (
        <section className="card">
          <Roadmap />
        </section>
      );
    case 'targets':
      return <TargetsStep />;
    case 'ironTriangles':
      return <IronTrianglesStep />;
    case 'funnel':
      return <FunnelStep />;
    case 'odds':
      return <OddsStep />;
    case 'whatIf':
      return <WhatIfStep />;
    case 'scenarios':
      return <ComparePanel />;
    case 'decisions':
      return <DecisionList />;
    default: {
      const never: never = step;
      return never;
    }
  }
});
