// The screens, in navigation order. A view is a component reading the stores;
// adding a screen means adding it here (and its nav label to the catalogs).
import type { ComponentType } from 'react';
import type { PlainKey } from '../../shared/i18n';
import type { ViewId } from '../stores/UiStore';
import { CustomersView } from './customers/CustomersView';
import { DecisionsView } from './decisions/DecisionsView';
import { ExportView } from './export/ExportView';
import { FunnelsView } from './funnels/FunnelsView';
import { GateView } from './gate/GateView';
import { GoalsView } from './goals/GoalsView';
import { OverviewView } from './overview/OverviewView';
import { HistoryView } from './history/HistoryView';
import { PeopleView } from './people/PeopleView';
import { PhasesView } from './phases/PhasesView';
import { ScenariosView } from './scenarios/ScenariosView';
import { SimulationView } from './simulation/SimulationView';
import { TrackingView } from './tracking/TrackingView';

export interface ViewEntry {
  id: ViewId;
  navKey: PlainKey;
  component: ComponentType;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'overview', navKey: 'nav.overview', component: OverviewView },
  { id: 'phases', navKey: 'nav.phases', component: PhasesView },
  { id: 'gate', navKey: 'nav.gate', component: GateView },
  { id: 'customers', navKey: 'nav.customers', component: CustomersView },
  { id: 'people', navKey: 'nav.people', component: PeopleView },
  { id: 'goals', navKey: 'nav.goals', component: GoalsView },
  { id: 'funnels', navKey: 'nav.funnels', component: FunnelsView },
  { id: 'scenarios', navKey: 'nav.scenarios', component: ScenariosView },
  { id: 'simulation', navKey: 'nav.simulation', component: SimulationView },
  { id: 'decisions', navKey: 'nav.decisions', component: DecisionsView },
  { id: 'tracking', navKey: 'nav.tracking', component: TrackingView },
  { id: 'history', navKey: 'nav.history', component: HistoryView },
  { id: 'export', navKey: 'nav.export', component: ExportView },
];
