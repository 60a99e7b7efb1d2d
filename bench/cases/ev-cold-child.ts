// Child process of the cold expected-value figure: the first expectedValue
// call on the benchmark plan in a fresh process (what `simulation.expected`
// costs the main thread the first time), printed in ms.
import { expectedValue } from '../../shared/simulation';
import { benchPlan } from '../plans/simulation-bench';

const plan = benchPlan();
const t = performance.now();
expectedValue(plan);
process.stdout.write(String(performance.now() - t));
