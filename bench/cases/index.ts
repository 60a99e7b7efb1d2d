// Every benchmark case, in the order bench/run.ts prints them.

import { simulationCases } from './simulation';
import type { BenchCase } from './types';

export const cases: BenchCase[] = [...simulationCases];
