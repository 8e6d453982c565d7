// Leaving review: the live state is fetched first, while deltas are still
// held back, then the review ends and that state lands in the same tick.
// Deltas the host sent before its reply are already in it (one ordered
// channel), so nothing is missed between the two.
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';

export async function exitReview(): Promise<void> {
  const live = await getConsoleApi().getState();
  const store = useConsoleStore.getState();
  if (!store.review) return;
  store.leaveReview();
  store.applyState(live);
}
