// A target's scope in the targets grid (renderer/stores/planning/values.ts):
// the select's keys round-trip, and only an unscoped ratio or cycle target
// on a plan of several funnels is flagged as pooled.
import { describe, expect, it } from 'vitest';
import { isPooledRatio, scopeFromKey, scopeKey, scopeOf } from '../../renderer/stores/planning/values';

describe('target scope', () => {
  it('reads the scope of a target and round-trips it through the select key', () => {
    expect(scopeOf({})).toBeNull();
    expect(scopeOf({ funnelId: 'ltc' })).toEqual({ funnelId: 'ltc' });
    expect(scopeOf({ segmentId: 'fin' })).toEqual({ segmentId: 'fin' });
    for (const s of [null, { funnelId: 'ltc' }, { segmentId: 'fin' }]) expect(scopeFromKey(scopeKey(s))).toEqual(s);
  });

  it('flags an unscoped ratio or cycle target only when the plan has more than one funnel', () => {
    expect(isPooledRatio({ metric: 'winRate' }, 2)).toBe(true);
    expect(isPooledRatio({ metric: 'salesCycleDays' }, 2)).toBe(true);
    expect(isPooledRatio({ metric: 'winRate' }, 1)).toBe(false);
    expect(isPooledRatio({ metric: 'winRate', funnelId: 'ltc' }, 2)).toBe(false);
    expect(isPooledRatio({ metric: 'conversion', segmentId: 'fin' }, 2)).toBe(false);
    expect(isPooledRatio({ metric: 'bookings' }, 2)).toBe(false);
  });
});
