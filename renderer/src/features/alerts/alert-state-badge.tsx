// An alert's lifecycle state in shape and word: pending, firing, resolved.
import type { Alert } from '../../../../shared/api/alerts';

const LOOK: Record<Alert['state'], { icon: string; text: string }> = {
  pending: { icon: '◔', text: 'PENDING' },
  firing: { icon: '●', text: 'FIRING' },
  resolved: { icon: '✓', text: 'RESOLVED' },
};

export function AlertStateBadge({ state }: { state: Alert['state'] }) {
  return (
    <span className={`alert-state alert-state--${state}`} data-testid="alert-state">
      <span aria-hidden="true">{LOOK[state].icon} </span>
      {LOOK[state].text}
    </span>
  );
}
