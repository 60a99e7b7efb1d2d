import { quantiles3 } from '../shared/simulation/stats';
const n = 10000;
const src = new Float64Array(n);
for (let i = 0; i < n; i++) src[i] = Math.random() * 1e6;
const a = new Float64Array(n);
let t = performance.now();
for (let r = 0; r < 300; r++) { a.set(src); quantiles3(a, n); }
console.log('q3', (performance.now() - t) / 300);
t = performance.now();
for (let r = 0; r < 300; r++) { a.set(src); a.sort(); }
console.log('sort', (performance.now() - t) / 300);
const ints = new Float64Array(n); for (let i = 0; i < n; i++) ints[i] = Math.floor(Math.random() * 5);
t = performance.now();
for (let r = 0; r < 300; r++) { a.set(ints); quantiles3(a, n); }
console.log('q3 ties', (performance.now() - t) / 300);
// correctness
for (let r = 0; r < 200; r++) {
  const m = 1 + Math.floor(Math.random() * 300);
  const x = new Float64Array(m); for (let i = 0; i < m; i++) x[i] = Math.floor(Math.random() * (r % 2 ? 5 : 1000));
  const s = Float64Array.from(x).sort();
  const ref = [0.1, 0.5, 0.9].map((p) => { const h = (m - 1) * p; const k = Math.floor(h); return k + 1 < m ? s[k]! + (h - k) * (s[k + 1]! - s[k]!) : s[k]!; });
  const got = quantiles3(x, m);
  if (got.some((g, i) => Math.abs(g - ref[i]!) > 1e-9)) { console.log('MISMATCH', m, got, ref); break; }
}
console.log('ok');
