import { Rng } from '../shared/simulation/rng';
import { RangeDist, samplePoisson } from '../shared/simulation/distributions';
function main() {
const rng = new Rng(1, 2, 3);
const which = process.argv[2];
const d = new RangeDist({ min: 7, mode: 14, max: 30 });
let s = 0;
const lam = new Float64Array(100).fill(3.3);
for (let i = 0; i < 2e6; i++) {
  if (which === 'pois') s += samplePoisson(rng, lam[i % 100]! * 0.7);
  else if (which === 'pois30') s += samplePoisson(rng, lam[i % 100]! * 10);
  else if (which === 'tri') s += d.sample(rng);
  else s += rng.next();
}
console.log(s);
}
main();
