// Tables of the ziggurat method for standard normal deviates (Marsaglia and
// Tsang, "The Ziggurat Method for Generating Random Variables", J. Stat.
// Softw. 5(8), 2000; 128 layers). Exact: a point drawn uniformly in one of
// 128 equal-area layers covering the density is accepted at once when it
// falls in the layer's inner rectangle (98.8 % of draws: one multiplication),
// else by testing it against the density, and the tail beyond R by
// Marsaglia's exact tail method. It replaced the polar method (two uniforms,
// a logarithm, a square root and a division per deviate, 21 % rejected).

/** Start of the tail. */
export const ZIG_R = 3.442619855899;
const V = 9.91256303526217e-3; // area of each layer
const M = 2147483648; // 2^31: deviates come from a signed 32-bit integer

/** |hz| < ZIG_K[i]: inside layer i's rectangle. */
export const ZIG_K = new Uint32Array(128);
/** x = hz · ZIG_W[i]. */
export const ZIG_W = new Float64Array(128);
/** Density exp(−x²/2) at layer i's outer edge. */
export const ZIG_F = new Float64Array(128);

let dn = ZIG_R;
let tn = dn;
const q = V / Math.exp(-0.5 * dn * dn);
ZIG_K[0] = Math.floor((dn / q) * M);
ZIG_K[1] = 0;
ZIG_W[0] = q / M;
ZIG_W[127] = dn / M;
ZIG_F[0] = 1;
ZIG_F[127] = Math.exp(-0.5 * dn * dn);
for (let i = 126; i >= 1; i--) {
  dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
  ZIG_K[i + 1] = Math.floor((dn / tn) * M);
  tn = dn;
  ZIG_F[i] = Math.exp(-0.5 * dn * dn);
  ZIG_W[i] = dn / M;
}
