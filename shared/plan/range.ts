import type { Range } from './types';

/** Mean of a Range: the triangular mean (min + mode + max) / 3 for a range. */
export function rangeMean(r: Range): number {
  return typeof r === 'number' ? r : (r.min + r.mode + r.max) / 3;
}

export function isFixed(r: Range): r is number {
  return typeof r === 'number';
}
