// One endpoint's link as the console sees it, in colour, shape and words, with
// the retry countdown ticking on the shared 1 s clock.
import type { EndpointStatus, LinkState } from '../../../../shared/api/links';
import { LINK_STATE_ICON, linkStateWords } from '../../features/connections';
import { useNow } from '../../ui/now-ticker';
import { selectEndpoint } from '../../store/console-selectors';
import { useConsoleStore } from '../../store/console-store';

/**
 * Whether data flows, in the coarse words of the first protocol (which
 * scripts and tests of the wall read); data-link-state has the exact state.
 */
const CONNECTIVITY: Record<LinkState, 'connected' | 'connecting' | 'disconnected'> = {
  open: 'connected',
  degraded: 'connected',
  connecting: 'connecting',
  reconnecting: 'disconnected',
  failed: 'disconnected',
};

export function EndpointBadge({ endpointId }: { endpointId: string }) {
  const endpoint = useConsoleStore(selectEndpoint(endpointId));
  if (!endpoint) return null;
  return <Badge endpoint={endpoint} />;
}

function Badge({ endpoint }: { endpoint: EndpointStatus }) {
  const now = useNow();
  const words = linkStateWords(endpoint, now);
  // On a healthy link an old problem is history: the Connections view lists it, the wall does not.
  const problem = endpoint.state === 'open' ? undefined : words.problem;
  const title = [endpoint.url, words.text, words.retry, problem].filter(Boolean).join('\n');
  return (
    <span
      className={`endpoint-badge endpoint-badge--${endpoint.state}`}
      data-testid="endpoint-badge"
      data-state={CONNECTIVITY[endpoint.state]}
      data-link-state={endpoint.state}
      data-endpoint-id={endpoint.id}
      data-url={endpoint.url}
      title={title}
    >
      <span className="endpoint-badge__icon" aria-hidden="true">
        {LINK_STATE_ICON[endpoint.state]}
      </span>
      <span className="endpoint-badge__name">{endpoint.name}</span>
      <span className="endpoint-badge__state" data-testid="endpoint-state">
        {words.text}
      </span>
      {words.retry && <span className="endpoint-badge__retry">{words.retry}</span>}
      {problem && <span className="endpoint-badge__error">{problem}</span>}
    </span>
  );
}
