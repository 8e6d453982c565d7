// Mounts the console in stages, each in a task of its own: at the series cap
// the header's summary and the wall's first page, rendered in the task that
// took in the state, were one long task. Nothing is shown half-built: a stage
// not yet reached shows that it is loading.
import { useEffect, useState } from 'react';
import { nextTask } from '../store/next-task';

/** How many of `count` stages to show: none until `ready`, then one more per task. */
export function useStagedMount(ready: boolean, count: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!ready || shown >= count) return;
    let current = true;
    void nextTask().then(() => {
      if (current) setShown((stages) => Math.min(count, stages + 1));
    });
    return () => {
      current = false;
    };
  }, [ready, shown, count]);
  return ready ? shown : 0;
}
