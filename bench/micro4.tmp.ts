import { Rng } from '../shared/simulation/rng';
import { RangeDist, samplePoisson, sampleBinomial } from '../shared/simulation/distributions';
const rng = new Rng(1, 2, 3);
const d = new RangeDist({ min: 7, mode: 14, max: 30 });
const days = [d, new RangeDist({ min: 14, mode: 30, max: 60 }), new RangeDist({ min: 20, mode: 30, max: 45 }), new RangeDist({ min: 15, mode: 30, max: 50 }), new RangeDist({ min: 14, mode: 21, max: 35 })];
const acc = new Float64Array(36);
function loopTri(n: number) { let s = 0; for (let i = 0; i < n; i++) s += days[i % 5]!.sample(rng); return s; }
function loopU(n: number) { let s = 0; for (let i = 0; i < n; i++) s += rng.next(); return s; }
function loopDeal(n: number) {
  for (let i = 0; i < n; i++) {
    const t0 = ((i % 36) + rng.next()) * 30.4375; let t = t0 + days[0]!.sample(rng);
    if (t >= 1095.75) continue; acc[Math.floor(t / 30.4375)]! += 1;
    if (rng.next() >= 0.315) continue;
    for (let l = 1; l < 4; l++) t += days[l]!.sample(rng);
    if (t >= 1095.75) continue; acc[Math.floor(t / 30.4375)]! += 1;
  }
}
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now(); loopTri(1e7); console.log('tri', ((performance.now() - t) / 1e7 * 1e6).toFixed(2));
  t = performance.now(); loopU(1e7); console.log('u', ((performance.now() - t) / 1e7 * 1e6).toFixed(2));
  t = performance.now(); loopDeal(1e6); console.log('deal', ((performance.now() - t) / 1e6 * 1e6).toFixed(2));
  t = performance.now(); let s = 0; for (let i = 0; i < 1e6; i++) s += samplePoisson(rng, 40); console.log('pois40', ((performance.now() - t) / 1e6 * 1e6).toFixed(2));
  t = performance.now(); for (let i = 0; i < 1e6; i++) s += sampleBinomial(rng, 40, 0.45); console.log('binom40', ((performance.now() - t) / 1e6 * 1e6).toFixed(2));
}
