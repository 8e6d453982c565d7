// One endpoint's link as the console sees it, with the last problem in words.
import type { EndpointStatus, LinkState } from '../../../shared/console-api';

const ICON: Record<LinkState, string> = {
  connected: '●',
  connecting: '◌',
  disconnected: '✖',
};

export function EndpointBadge({ endpoint }: { endpoint: EndpointStatus }) {
  return (
    <span
      className={`endpoint-badge endpoint-badge--${endpoint.state}`}
      data-testid="endpoint-badge"
      data-state={endpoint.state}
      title={endpoint.url}
    >
      <span className="endpoint-badge__icon" aria-hidden="true">
        {ICON[endpoint.state]}
      </span>
      <span className="endpoint-badge__name">{endpoint.name}</span>
      <span className="endpoint-badge__state">{endpoint.state}</span>
      {endpoint.lastError && <span className="endpoint-badge__error">{endpoint.lastError}</span>}
    </span>
  );
}
