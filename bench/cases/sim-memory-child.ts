// Child process of the peak-memory figure: runs the 10,000-trial benchmark
// simulation alone and prints its peak RSS (MB), so the figure does not
// depend on what other cases did in the parent process.

import { simulate } from '../../shared/simulation';
import { benchPlan } from '../plans/simulation-bench';
import { peakMb } from './peak-memory';

simulate(benchPlan(), { trials: 10_000 });

process.stdout.write(String(peakMb()));
