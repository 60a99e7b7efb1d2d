// Seeded pseudo-random numbers. xoshiro128** on 32-bit integer arithmetic
// (Math.imul, shifts) gives bit-identical streams on every JS engine, which
// is what "same seed ⇒ same result on any machine" rests on.
//
// Every (seed, trial, stream) triple gets its own generator state, derived
// by hashing. That makes a trial's numbers independent of which chunk or
// worker runs it, and keeps common random numbers aligned per segment when a
// sensitivity or reverse-funnel run changes one input: a change in one
// segment's draws never shifts another segment's stream.

import * as zig from './ziggurat';

// Module-local copies of the ziggurat's tables: where the modules run as
// CommonJS (tsx: the bench and the tests), every read of an imported binding
// is a getter call.
const ZIG_F = zig.ZIG_F;
const ZIG_K = zig.ZIG_K;
const ZIG_R = zig.ZIG_R;
const ZIG_W = zig.ZIG_W;

const TWO_POW_M32 = 2.3283064365386963e-10; // 2^-32

/** lowbias32 (Chris Wellons): a strong 32-bit integer mixer. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  /** mix32 of (seed, trial) for reseed, and the seed and trial it hashes. */
  private trialHash = 0;
  private hashedSeed = Number.NaN;
  private hashedTrial = Number.NaN;
  /** normalRest's deviate. */
  private readonly rest = new Float64Array(1);

  constructor(seed = 0, trial = 0, stream = 0) {
    this.reseed(seed, trial, stream);
  }

  /** Jump to the stream of (seed, trial, stream); cheap enough to call per trial and segment. */
  reseed(seed: number, trial: number, stream: number): void {
    // A trial reseeds once per stream (trial level, each segment, each
    // pursuit): the hash of (seed, trial) is kept from the last call.
    if (seed !== this.hashedSeed || trial !== this.hashedTrial) {
      const h = mix32((seed ^ 0x9e3779b9) >>> 0);
      this.trialHash = mix32((h ^ Math.imul(trial + 1, 0x85ebca6b)) >>> 0);
      this.hashedSeed = seed;
      this.hashedTrial = trial;
    }
    const h = mix32((this.trialHash ^ Math.imul(stream + 1, 0xc2b2ae35)) >>> 0);
    // splitmix32-style expansion of the hash into the four state words.
    let s = h;
    s = (s + 0x9e3779b9) >>> 0;
    this.a = mix32(s) | 0;
    s = (s + 0x9e3779b9) >>> 0;
    this.b = mix32(s) | 0;
    s = (s + 0x9e3779b9) >>> 0;
    this.c = mix32(s) | 0;
    s = (s + 0x9e3779b9) >>> 0;
    this.d = mix32(s) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1; // xoshiro's one forbidden state
  }

  /** Next 32-bit unsigned integer (xoshiro128**); state kept in locals, which V8 runs ~2× faster. */
  nextU32(): number {
    const b = this.b;
    const r = Math.imul(b, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9);
    let a = this.a;
    let c = this.c;
    let d = this.d;
    c ^= a;
    d ^= b;
    this.b = b ^ c;
    a ^= d;
    c ^= b << 9;
    this.a = a;
    this.c = c;
    this.d = (d << 11) | (d >>> 21);
    return result >>> 0;
  }

  /**
   * Uniform in [0, 1) with 32-bit resolution (plenty for every use here).
   * nextU32's body repeated rather than called: the hot loops inline this
   * and the samplers that use it, and one level less keeps them within V8's
   * inlining budget (a call that is not inlined returns its double boxed —
   * an allocation per draw, which was a fifth of a run's time).
   */
  next(): number {
    const b = this.b;
    const r = Math.imul(b, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9);
    let a = this.a;
    let c = this.c;
    let d = this.d;
    c ^= a;
    d ^= b;
    this.b = b ^ c;
    a ^= d;
    c ^= b << 9;
    this.a = a;
    this.c = c;
    this.d = (d << 11) | (d >>> 21);
    return (result >>> 0) * TWO_POW_M32;
  }

  /**
   * out[0 … n) = n draws from a packed alias table (loss-cells.ts, RunCells):
   * slot i = ⌊u·size⌋ of one uniform u, then codes[2i] (keep) or
   * codes[2i + 1] (its alias) by whether u's place within the slot is below
   * prob[i] — branch-free, a coin flip to the CPU's predictor. The same
   * uniforms as n calls of next(), so the same draws; but the generator's
   * state stays in locals for the whole loop and is written back once: with
   * next() inlined, V8 still loads and stores the four fields per draw.
   */
  aliasDraws(prob: Float64Array, codes: Int32Array, out: Int32Array, n: number): void {
    const size = prob.length;
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let j = 0; j < n; j++) {
      const r = Math.imul(b, 5);
      const u = (Math.imul((r << 7) | (r >>> 25), 9) >>> 0) * TWO_POW_M32;
      const t = b;
      c ^= a;
      d ^= t;
      b = t ^ c;
      a ^= d;
      c ^= t << 9;
      d = (d << 11) | (d >>> 21);
      const x = u * size;
      const i = Math.floor(x);
      out[j] = codes[2 * i + +(x - i >= prob[i]!)]!;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /**
   * out[0 … rounds·T) = rounds rounds of draws from a sampler table of T
   * distributions (distributions.ts: samplerTable; round r's draw of
   * distribution j at r·T + j), with the arithmetic of RangeDist.sample and
   * the same uniforms as rounds·T calls of next() in that order. The
   * generator's state stays in locals, as in aliasDraws.
   */
  tableDraws(tab: Float64Array, out: Float64Array, rounds: number): void {
    const T5 = tab.length;
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let r = 0, j = 0; r < rounds; r++) {
      for (let o = 0; o < T5; o += 5, j++) {
        const q = Math.imul(b, 5);
        const u = (Math.imul((q << 7) | (q >>> 25), 9) >>> 0) * TWO_POW_M32;
        const t = b;
        c ^= a;
        d ^= t;
        b = t ^ c;
        a ^= d;
        c ^= t << 9;
        d = (d << 11) | (d >>> 21);
        const lo = +(u < tab[o]!);
        const s = Math.sqrt(lo * u * tab[o + 1]! + (1 - lo) * (1 - u) * tab[o + 2]!);
        out[j] = tab[o + 3]! - tab[o + 4]! * lo + (2 * lo - 1) * s;
      }
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** Uniform in the open interval (0, 1): safe under log(). */
  nextOpen(): number {
    return (this.nextU32() + 0.5) * TWO_POW_M32;
  }

  /**
   * Standard normal deviate (ziggurat.ts says how): one 32-bit integer for
   * the point, its layer from 7 bits of a second one (separate bits, so the
   * layer and the position are independent). Only the common case (98.8 %:
   * inside the layer's rectangle) is here, so that V8 can inline it; the
   * rest is normalRest, with the same draws as one loop would make.
   */
  normal(): number {
    // Two xoshiro128** steps (nextU32 twice) written out on local state: a
    // call to nextU32 that V8 does not inline returns its unsigned 32-bit
    // result boxed half the time (beyond the small-integer range).
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let t = b;
    let r = Math.imul(t, 5);
    const hz = Math.imul((r << 7) | (r >>> 25), 9);
    c ^= a;
    d ^= t;
    b = t ^ c;
    a ^= d;
    c ^= t << 9;
    d = (d << 11) | (d >>> 21);
    t = b;
    r = Math.imul(t, 5);
    const iz = Math.imul((r << 7) | (r >>> 25), 9) & 127;
    c ^= a;
    d ^= t;
    this.b = t ^ c;
    this.a = a ^ d;
    this.c = c ^ (t << 9);
    this.d = (d << 11) | (d >>> 21);
    if (Math.abs(hz) < ZIG_K[iz]!) return hz * ZIG_W[iz]!;
    // Through a typed array, not a return value: a double returned by a
    // call is boxed, and here it would box the common path's result too.
    this.normalRest(hz, iz);
    return this.rest[0]!;
  }

  /**
   * out[0 … n) = n normal deviates, the same as n calls of normal(). For the
   * cohort sampler: it returns nothing, and a double returned by (or passed
   * to) a call V8 does not inline is boxed, an allocation per draw.
   */
  normals(out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) out[i] = this.normal();
  }

  /** normal() past its first point's rectangle test: the wedge, the tail, then new points; the deviate to rest[0]. */
  private normalRest(hz: number, iz: number): void {
    for (;;) {
      const x = hz * ZIG_W[iz]!;
      if (Math.abs(hz) < ZIG_K[iz]!) break;
      if (iz === 0) {
        this.rest[0] = this.normalTail(hz > 0);
        return;
      }
      // The wedge between the rectangle and the density: accept under the density.
      if (ZIG_F[iz]! + this.next() * (ZIG_F[iz - 1]! - ZIG_F[iz]!) < Math.exp(-0.5 * x * x)) break;
      hz = this.nextU32() | 0;
      iz = this.nextU32() & 127;
    }
    this.rest[0] = hz * ZIG_W[iz]!;
  }

  /** The tail beyond ±ZIG_R (Marsaglia 1964), exact. */
  private normalTail(positive: boolean): number {
    let x: number;
    let y: number;
    do {
      x = -Math.log(this.nextOpen()) / ZIG_R;
      y = -Math.log(this.nextOpen());
    } while (y + y < x * x);
    return positive ? ZIG_R + x : -ZIG_R - x;
  }
}
