import { Rng } from '../shared/simulation/rng.ts';
const rng = new Rng(1, 2, 3);
for (let k = 0; k < 3; k++) {
let t = performance.now(); let s = 0;
for (let i = 0; i < 1e7; i++) s += rng.next();
console.log('next', (performance.now() - t) / 1e7 * 1e6, 'ns', s);
}
