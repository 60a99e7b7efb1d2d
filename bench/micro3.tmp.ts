import { Rng } from '../shared/simulation/rng';
const rng = new Rng(1, 2, 3);
const min = 7, mode = 14, max = 30; const w = max - min; const c = (mode - min) / w; const ka = w * (mode - min), kb = w * (max - mode);
function inv(r: Rng) { const u = r.next(); return u < c ? min + Math.sqrt(u * ka) : max - Math.sqrt((1 - u) * kb); }
function inv2(r: Rng) { const u = r.next(); const a = min + Math.sqrt(u * ka); const b = max - Math.sqrt((1 - u) * kb); return u < c ? a : b; }
function sk(r: Rng) { const u = r.next(), v = r.next(); return min + w * ((1 - c) * Math.min(u, v) + c * Math.max(u, v)); }
for (let rep = 0; rep < 2; rep++) for (const [name, f] of [['inv', inv], ['inv2', inv2], ['sk', sk]] as const) {
  let t = performance.now(); let s = 0, s2 = 0;
  for (let i = 0; i < 1e7; i++) { const x = f(rng); s += x; s2 += x * x; }
  const m = s / 1e7;
  console.log(name, ((performance.now() - t) / 1e7 * 1e6).toFixed(2), 'ns mean', m.toFixed(4), (min + mode + max) / 3, 'var', (s2 / 1e7 - m * m).toFixed(3), (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18);
}
