// API methods: Simulation runs, reverse funnel and sensitivity.
// Spread into the contract by contract.ts; declare with `method(schema, returns<T>())`.
// import { z } from 'zod';
// import { method, returns } from '../define';

export const simulationMethods = {} as const;
