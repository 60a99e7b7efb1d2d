// Public API of the simulation engine (simulation-model.md, normative;
// docs/simulation-engine.md, how it is done). Pure TypeScript: no node:*,
// no DOM, no I/O — runs in the main thread, a worker_thread or a Web Worker.

export { simulate, simulateChunks, mergeChunks, ChunkRunner, chunkCount, CHUNK_SIZE, RESULT_VERSION, isCurrentResult } from './montecarlo';
export { expectedValue } from './expected';
export { requiredLeads, MAX_LEAD_MULTIPLIER } from './reverse';
export { sensitivity } from './sensitivity';
export { readiness, READINESS_MIN, READINESS_MAX } from './readiness';
export { validateSimulationInput, MIN_TRIALS, MAX_TRIALS } from './validate';
export { inputsFingerprint, FINGERPRINT_PREFIX, ENGINE_VERSION } from './fingerprint';
export { SimulationInputError, SimulationCancelled } from './errors';
export type { SimulationInputErrorCode } from './errors';
export { statLayout, lowerIsBetter } from './stats';
export type { StatLayout } from './stats';
export type * from './types';
export { reforecast, ESS_WARNING } from './reforecast';
export type { ReforecastOptions, ReforecastResult, ActualCheck, ActualTrack, TargetReforecast } from './reforecast';
export { weightedQuantiles, weightedMean, effectiveSampleSize } from './weighted';
