// False on the first render, true once a frame with it has been painted:
// heavy parts of a screen (charts over 50,000 customers) wait for it, so
// what the user came for (the Customers grid's first rows) paints first.
import { useEffect, useState } from 'react';

export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // Two frames: the first runs before the paint of what was committed, the second after it.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, []);
  return painted;
}
