// A value of the stores that a part of the screen follows one task later
// than the rest: a part that is fine to see a moment late (the tier
// pyramid's counts and sums) then keeps its work (summing 50,000 customers,
// redrawing its chart) out of the task that redraws what the user just
// changed (the readiness × potential chart after an edit).
import { compareStructural, reaction, untracked } from 'mobx';
import { useEffect, useState } from 'react';

/** `read()`, read again a task after what `watch()` reads has changed. `watch` names what
 * `read` derives from and should be cheap or computed anyway: MobX would evaluate a computed
 * `read` itself at once, to tell whether it changed, before a scheduled reaction waits. */
export function useLater<T>(watch: () => unknown, read: () => T): T {
  // Untracked: read in an observer's render, it would make the part follow at once after all.
  const [value, setValue] = useState(() => untracked(read));
  useEffect(
    () =>
      reaction(
        watch,
        () => {
          const next = untracked(read);
          setValue((prev) => (compareStructural(prev, next) ? prev : next));
        },
        { fireImmediately: true, scheduler: (run) => setTimeout(run, 0) },
      ),
    // `watch` and `read` are taken once, when the part mounts: they name what to read, not values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return value;
}
