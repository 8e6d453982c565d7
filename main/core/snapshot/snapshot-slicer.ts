// Cuts long work on the main process into slices: call `maybeYield()` between
// units of work (a series, say) and it hands the event loop back once the
// current slice has run for its budget, so IPC, links and timers keep flowing
// while a snapshot is written or read (ARCHITECTURE: no stall over ~50 ms).
import { setImmediate as immediate } from 'node:timers/promises';

export const SLICE_BUDGET_MS = 12;

export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  async maybeYield(): Promise<void> {
    if (performance.now() - this.sliceStart < this.budgetMs) return;
    await immediate();
    this.sliceStart = performance.now();
  }
}
