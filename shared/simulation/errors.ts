// Typed errors of the simulation engine. Callers (API handlers, the CLI, the
// worker host) map them to their own error envelopes by `code`, so codes are
// part of the public contract: add new ones, never rename.

export type SimulationInputErrorCode =
  | 'noFunnels'
  | 'noStages'
  | 'noSegments'
  | 'segmentWithoutFunnel'
  | 'unknownFunnel'
  | 'unknownSegment'
  | 'unknownPhase'
  | 'unknownScenario'
  | 'unknownTarget'
  | 'unknownMetric'
  | 'invalidScope'
  | 'invalidScenario'
  | 'invalidRange'
  | 'invalidPayments'
  | 'invalidPhase'
  | 'invalidHorizon'
  | 'invalidStartMonth'
  | 'invalidSeed'
  | 'invalidEntryStage'
  | 'invalidOption'
  | 'trialsOutOfRange'
  | 'chunksMismatch';

/** The plan or the options make a run meaningless; thrown before any work starts. */
export class SimulationInputError extends Error {
  readonly code: SimulationInputErrorCode;
  /** JSON path of the offending value in the plan document, when there is one. */
  readonly path: string | null;

  constructor(code: SimulationInputErrorCode, message: string, path: string | null = null) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'SimulationInputError';
    this.code = code;
    this.path = path;
  }
}

/** The caller asked to stop (hooks.shouldCancel() or an aborted signal). */
export class SimulationCancelled extends Error {
  readonly code = 'cancelled';

  constructor() {
    super('Simulation cancelled');
    this.name = 'SimulationCancelled';
  }
}
