// Removing an endpoint, asked twice: what goes with it is said before it goes.
import type { EndpointStatus } from '../../../../shared/api/links';
import type { HostCall } from '../../ui/host-call';

interface ConnectionRemoveProps {
  endpoint: EndpointStatus;
  call: HostCall;
  onConfirm(): void;
  onCancel(): void;
}

export function ConnectionRemove({ endpoint, call, onConfirm, onCancel }: ConnectionRemoveProps) {
  return (
    <div className="connection-remove" role="group" aria-label="Confirm remove">
      <p className="connection-remove__question">
        Remove {endpoint.name} ({endpoint.url})? Its series and deployments leave the wall
        {endpoint.hasToken ? ' and its stored token is deleted' : ''}.
      </p>
      <div className="connection-remove__buttons">
        <button
          type="button"
          className="button button--danger"
          disabled={call.busy}
          onClick={onConfirm}
        >
          Confirm remove
        </button>
        <button type="button" className="button" disabled={call.busy} onClick={onCancel}>
          Cancel
        </button>
        {call.busy && <span role="status">Removing…</span>}
      </div>
    </div>
  );
}
