// A link's state on the Connections view: shape, colour and words, the retry
// countdown (ticking each second) and the last problem on the link.
import type { EndpointStatus } from '../../../../shared/api/links';
import { LINK_STATE_ICON, linkStateWords } from './link-state-words';
import { useNow } from '../../ui/now-ticker';

export function ConnectionState({ endpoint }: { endpoint: EndpointStatus }) {
  const now = useNow();
  const words = linkStateWords(endpoint, now);
  return (
    <div className={`connection-state connection-state--${endpoint.state}`}>
      <span className="connection-state__main" data-testid="connection-state">
        <span className="connection-state__icon" aria-hidden="true">
          {LINK_STATE_ICON[endpoint.state]}
        </span>{' '}
        {words.text}
      </span>
      {words.retry && <span className="connection-state__retry">{words.retry}</span>}
      {words.problem && (
        <span className="connection-state__problem">
          {endpoint.state === 'open' ? 'Last problem: ' : ''}
          {words.problem}
        </span>
      )}
    </div>
  );
}
