// Builds the stores once and wires host events to the plan store. Views get
// it through React context (context.tsx) and never build stores themselves.
import type { ApiClient } from '../../shared/api/client';
import type { EventSubscribe } from '../api/events';
import { CustomersViewStore } from './CustomersViewStore';
import { ExportStore } from './ExportStore';
import { DecisionsStore } from './DecisionsStore';
import { FileStore } from './FileStore';
import { FunnelsStore } from './FunnelsStore';
import { GateStore } from './GateStore';
import { GoalsStore } from './GoalsStore';
import { HistoryStore } from './HistoryStore';
import { LatestRunStore } from './LatestRunStore';
import { ScenariosStore } from './ScenariosStore';
import { PeopleStore } from './PeopleStore';
import { PlanStore } from './PlanStore';
import { PlanningStore } from './PlanningStore';
import { SimulationStore } from './SimulationStore';
import { TrackingStore } from './tracking/TrackingStore';
import { CalibrationStore } from './calibration/CalibrationSession';
import { UiStore } from './UiStore';
import { WorkshopStore } from './workshop/WorkshopStore';

export interface RootStoreOptions {
  client: ApiClient;
  subscribe: EventSubscribe;
  /** Which transport is in use; 'bridge' means Electron (native menus). */
  transport: 'bridge' | 'http';
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  preferredLanguages?: readonly string[];
}

export class RootStore {
  readonly client: ApiClient;
  readonly transport: 'bridge' | 'http';
  readonly ui: UiStore;
  readonly plan: PlanStore;
  readonly files: FileStore;
  readonly customers: CustomersViewStore;
  readonly funnels: FunnelsStore;
  readonly scenarios: ScenariosStore;
  readonly planning: PlanningStore;
  readonly people: PeopleStore;
  readonly goals: GoalsStore;
  readonly history: HistoryStore;
  readonly simulation: SimulationStore;
  readonly exports: ExportStore;
  /** Breakthrough odds of the latest current run, for the customer detail and Goals. */
  readonly latestRun: LatestRunStore;
  readonly gate: GateStore;
  readonly workshop: WorkshopStore;
  readonly decisions: DecisionsStore;
  readonly tracking: TrackingStore;
  readonly calibration: CalibrationStore;
  private readonly unsubscribe: () => void;

  constructor(opts: RootStoreOptions) {
    this.client = opts.client;
    this.transport = opts.transport;
    this.ui = new UiStore(opts.storage, opts.preferredLanguages);
    this.plan = new PlanStore(opts.client);
    this.files = new FileStore(opts.client, this.plan, this.ui);
    this.history = new HistoryStore(opts.client, this.plan, this.ui);
    this.customers = new CustomersViewStore(this.plan, this.ui, this.history);
    this.funnels = new FunnelsStore(this.plan, this.ui);
    this.scenarios = new ScenariosStore(this.plan, this.ui);
    this.planning = new PlanningStore(opts.client, this.plan, this.ui);
    this.people = new PeopleStore(this.plan, this.planning, this.ui);
    this.goals = new GoalsStore(this.plan, this.planning, this.ui);
    this.simulation = new SimulationStore(opts.client, this.plan, this.ui);
    this.exports = new ExportStore(opts.client, this.ui);
    this.latestRun = new LatestRunStore(opts.client, this.plan);
    this.gate = new GateStore(this.latestRun, this.plan, this.planning);
    this.workshop = new WorkshopStore();
    this.decisions = new DecisionsStore(this.plan, this.ui);
    this.tracking = new TrackingStore(opts.client, this.plan, this.ui);
    this.calibration = new CalibrationStore(opts.client, this.plan, this.ui);
    this.unsubscribe = opts.subscribe((e) => {
      this.plan.handleEvent(e);
      this.simulation.handleEvent(e);
      this.exports.handleEvent(e);
      this.latestRun.handleEvent(e);
    });
  }

  start(): Promise<void> {
    return this.plan.load();
  }

  dispose(): void {
    this.unsubscribe();
  }
}
