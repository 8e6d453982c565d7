// The alert timeline, always in time order. Transitions stamped from backfilled
// samples can be older than ones already recorded: they are inserted where they
// belong, not appended, so the timeline never runs backwards.
import type { AlertTransition } from '../../../shared/api/alerts';

export const MAX_TIMELINE = 2_000;

export class TransitionLog {
  private entries: AlertTransition[] = [];

  add(transition: AlertTransition): void {
    let at = this.entries.length;
    // Nearly always appended: walk back only past newer entries.
    while (at > 0 && (this.entries[at - 1] as AlertTransition).at > transition.at) at -= 1;
    this.entries.splice(at, 0, transition);
    // Trim in chunks: slicing on every push would make a flapping series quadratic.
    if (this.entries.length > 2 * MAX_TIMELINE) this.entries = this.entries.slice(-MAX_TIMELINE);
  }

  list(): AlertTransition[] {
    return this.entries.slice(-MAX_TIMELINE);
  }
}
