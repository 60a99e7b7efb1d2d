// Every benchmark case, in the order bench/run.ts prints them.

import { customerImportCases } from './customer-import';
import { exportCases } from './exports';
import { customersScreenCases } from './customers-screen';
import { historyCases } from './history';
import { planStoreCases } from './plan-store';
import { simulationCases } from './simulation';
import { simulationRunCases } from './simulation-runs';
import type { BenchCase } from './types';

export const cases: BenchCase[] = [...simulationCases, ...simulationRunCases, ...planStoreCases, ...customerImportCases, ...customersScreenCases, ...historyCases, ...exportCases];
