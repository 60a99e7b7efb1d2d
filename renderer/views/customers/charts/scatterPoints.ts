// The points of the readiness × potential chart, kept between renders so an
// edit of one customer changes one point, not 50,000: per tier, the rows
// drawn and their [readiness, potential] pairs in one typed array (what
// ECharts reads fastest), with where each customer's point is. `sync` with
// the new rows finds what changed by identity (an unchanged customer keeps
// its row object, see rows.ts toRows) and updates those points in place;
// only a different set or order of customers, or a potential ≤ 0 appearing
// or going (the y axis switches between log and linear), rebuilds them.
import { TIERS, type Tier } from '../../../../shared/plan/types';
import type { CustomerRow } from '../../../stores/customers/rows';

interface TierPoints {
  rows: CustomerRow[];
  /** readiness, potential of rows[i] at 2i, 2i + 1; the capacity grows by doubling. */
  xy: Float64Array;
}

interface Place {
  tier: Tier;
  index: number;
}

export class ScatterPoints {
  private rows: readonly CustomerRow[] = [];
  private tiers = emptyTiers(0);
  private where = new Map<string, Place>();
  private nonPositive = 0;
  private changed = new Set<Tier>();
  /** Moves on every rebuild: the chart takes a whole new option then. */
  layout = 0;

  /** Brings the points up to `rows` (idempotent for the same array). */
  sync(rows: readonly CustomerRow[]): void {
    const prev = this.rows;
    if (rows === prev) return;
    if (rows.length !== prev.length) return this.rebuild(rows);
    const wasLog = this.log;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const before = prev[i]!;
      if (row === before) continue;
      if (row.id !== before.id) return this.rebuild(rows);
      this.move(before, row);
    }
    if (this.log !== wasLog) return this.rebuild(rows);
    this.rows = rows;
  }

  /** Tiers whose points changed since the last call (none after a rebuild). */
  takeChanged(): Tier[] {
    const tiers = TIERS.filter((t) => this.changed.has(t));
    this.changed.clear();
    return tiers;
  }

  /** The tier's points as [readiness, potential, readiness, potential, …] (a view, not a copy). */
  data(tier: Tier): Float64Array {
    const t = this.tiers[tier];
    return t.xy.subarray(0, 2 * t.rows.length);
  }

  /** The row of the tier's `index`-th point (ECharts' dataIndex). */
  rowAt(tier: Tier, index: number): CustomerRow | undefined {
    return this.tiers[tier].rows[index];
  }

  get count(): number {
    return this.rows.length;
  }

  /** Potentials on a log axis, unless one is zero or negative. */
  get log(): boolean {
    return this.nonPositive === 0;
  }

  /** The smallest and largest readiness and potential (for the text summary). */
  extent(): { min: { r: number; p: number }; max: { r: number; p: number } } {
    const min = { r: Infinity, p: Infinity };
    const max = { r: -Infinity, p: -Infinity };
    for (const tier of TIERS) {
      const xy = this.data(tier);
      for (let i = 0; i < xy.length; i += 2) {
        const r = xy[i]!;
        const p = xy[i + 1]!;
        if (r < min.r) min.r = r;
        if (r > max.r) max.r = r;
        if (p < min.p) min.p = p;
        if (p > max.p) max.p = p;
      }
    }
    return { min, max };
  }

  private rebuild(rows: readonly CustomerRow[]): void {
    const counts = { S: 0, A: 0, B: 0, C: 0 };
    for (const row of rows) counts[row.customer.tier] += 1;
    this.tiers = emptyTiers(0);
    for (const tier of TIERS) this.tiers[tier].xy = new Float64Array(2 * counts[tier]);
    this.where = new Map();
    this.nonPositive = 0;
    for (const row of rows) this.add(row);
    this.rows = rows;
    this.changed.clear();
    this.layout += 1;
  }

  /** Customer `row.id` changed from `before` to `row`: its point follows. */
  private move(before: CustomerRow, row: CustomerRow): void {
    const place = this.where.get(row.id)!;
    if (before.customer.potential <= 0) this.nonPositive -= 1;
    if (row.customer.tier === place.tier) {
      if (row.customer.potential <= 0) this.nonPositive += 1;
      const t = this.tiers[place.tier];
      t.rows[place.index] = row;
      if (t.xy[2 * place.index] !== row.readiness || t.xy[2 * place.index + 1] !== row.customer.potential) {
        t.xy[2 * place.index] = row.readiness;
        t.xy[2 * place.index + 1] = row.customer.potential;
        this.changed.add(place.tier);
      }
      return;
    }
    this.remove(place);
    this.add(row);
    this.changed.add(place.tier);
    this.changed.add(row.customer.tier);
  }

  /** Takes a point out of its tier; the tier's last point fills the gap. */
  private remove({ tier, index }: Place): void {
    const t = this.tiers[tier];
    const last = t.rows.length - 1;
    const moved = t.rows[last]!;
    t.rows[index] = moved;
    t.xy[2 * index] = t.xy[2 * last]!;
    t.xy[2 * index + 1] = t.xy[2 * last + 1]!;
    t.rows.pop();
    this.where.set(moved.id, { tier, index });
  }

  private add(row: CustomerRow): void {
    const tier = row.customer.tier;
    const t = this.tiers[tier];
    const index = t.rows.length;
    if (t.xy.length < 2 * (index + 1)) {
      const grown = new Float64Array(Math.max(16, 2 * t.xy.length));
      grown.set(t.xy);
      t.xy = grown;
    }
    t.rows.push(row);
    t.xy[2 * index] = row.readiness;
    t.xy[2 * index + 1] = row.customer.potential;
    if (row.customer.potential <= 0) this.nonPositive += 1;
    this.where.set(row.id, { tier, index });
  }
}

function emptyTiers(capacity: number): Record<Tier, TierPoints> {
  const tiers = {} as Record<Tier, TierPoints>;
  for (const tier of TIERS) tiers[tier] = { rows: [], xy: new Float64Array(capacity) };
  return tiers;
}
