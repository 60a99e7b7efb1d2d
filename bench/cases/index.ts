// Every benchmark case, in the order bench/run.ts prints them.

import { calibrationCases } from './calibration';
import { cliCases } from './cli';
import { customerImportCases } from './customer-import';
import { exportCases } from './exports';
import { customersScreenCases } from './customers-screen';
import { fileWorkCases } from './file-work';
import { historyCases } from './history';
import { planCacheProofCases } from './plan-cache-proof';
import { planReadCases } from './plan-read';
import { planLoadCases } from './plan-load';
import { planStoreCases } from './plan-store';
import { reliabilityCases } from './reliability';
import { reforecastCases } from './reforecast';
import { simulationCases } from './simulation';
import { simulationRunCases } from './simulation-runs';
import type { BenchCase } from './types';
import { workshopCases } from './workshop';
import { workshopCompareCases } from './workshop-compare';

export const cases: BenchCase[] = [
  ...simulationCases,
  ...cliCases,
  ...simulationRunCases,
  ...planStoreCases,
  ...planReadCases,
  ...planCacheProofCases,
  ...fileWorkCases,
  ...customerImportCases,
  ...customersScreenCases,
  ...planLoadCases,
  ...historyCases,
  ...calibrationCases,
  ...reliabilityCases,
  ...exportCases,
  ...workshopCases,
  ...workshopCompareCases,
  ...reforecastCases,
];
