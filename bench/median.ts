// The median the bench reports for repeated runs (the mean of the two middle
// values when the count is even).
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
}
