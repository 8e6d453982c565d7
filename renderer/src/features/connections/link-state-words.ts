// An endpoint link's state in words and a shape, so it never rests on colour:
// "open", "degraded", "connecting", "reconnecting in 4 s", "failed: token refused".
import type { EndpointStatus, LinkState } from '../../../../shared/api/links';

export const LINK_STATE_ICON: Record<LinkState, string> = {
  open: '●',
  degraded: '▲',
  connecting: '◌',
  reconnecting: '↻',
  failed: '✖',
};

export interface LinkStateWords {
  /** The state itself, with the countdown while reconnecting and the reason when failed. */
  text: string;
  /** The link's last problem, when the text does not already say it (kept on an open link). */
  problem?: string;
  /** When a failed link is tried again. */
  retry?: string;
}

/** "in 4 s", "in 2 min 5 s", or "now" once the retry is due. */
export function retryDue(nextRetryAt: number, now: number): string {
  const seconds = Math.ceil((nextRetryAt - now) / 1000);
  if (seconds <= 0) return 'now';
  if (seconds < 120) return `in ${seconds} s`;
  const rest = seconds % 60;
  return `in ${Math.floor(seconds / 60)} min${rest ? ` ${rest} s` : ''}`;
}

export function linkStateWords(endpoint: EndpointStatus, now: number): LinkStateWords {
  const { state, lastError, nextRetryAt } = endpoint;
  const due = nextRetryAt === undefined ? undefined : retryDue(nextRetryAt, now);
  switch (state) {
    case 'open':
    case 'degraded':
    case 'connecting':
      return { text: state, problem: lastError };
    case 'reconnecting':
      return { text: due ? `reconnecting ${due}` : 'reconnecting', problem: lastError };
    case 'failed':
      return {
        text: lastError ? `failed: ${lastError}` : 'failed',
        retry: due && `retry ${due}`,
      };
  }
}
