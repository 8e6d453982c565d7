// One endpoint on the Connections view: its state and figures, recent errors,
// and what the operator may do with it. Only endpoints from the settings can
// be edited or removed; the others say where they come from.
import { useState } from 'react';
import type { EndpointConfig, EndpointStatus } from '../../../../shared/api/links';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';
import { ConnectionErrors } from './connection-errors';
import { ConnectionRemove } from './connection-remove';
import { ConnectionState } from './connection-state';
import { ConnectionStats } from './connection-stats';
import { EndpointForm } from './endpoint-form';
import { useHostCall } from '../../ui/host-call';

type Mode = 'view' | 'edit' | 'remove';

/** Why an endpoint not from the settings cannot be changed from here. */
const FIXED_BECAUSE: Record<EndpointStatus['source'], string> = {
  settings: '',
  cli: 'from the command line',
  demo: 'embedded demo',
};

interface ConnectionRowProps {
  endpoint: EndpointStatus;
  /** The display profile: nothing is changed from here. */
  readOnly: boolean;
}

export function ConnectionRow({ endpoint, readOnly }: ConnectionRowProps) {
  const [mode, setMode] = useState<Mode>('view');
  const reconnect = useHostCall('Could not reconnect');
  const remove = useHostCall('Could not remove the endpoint');
  const caFiles = useConsoleStore((store) => store.caFiles);
  const noteCaFile = useConsoleStore((store) => store.noteCaFile);
  const editable = endpoint.source === 'settings' && !readOnly;

  const update = async (config: EndpointConfig) => {
    const status = await getConsoleApi().updateEndpoint(endpoint.id, config);
    noteCaFile(status.id, config.caFile);
    return status;
  };
  const confirmRemove = async () => {
    const done = await remove.run(() => getConsoleApi().removeEndpoint(endpoint.id));
    if (done) setMode('view');
  };

  return (
    <li
      className={`connection connection--${endpoint.state}`}
      data-testid="connection-row"
      data-endpoint-id={endpoint.id}
      data-state={endpoint.state}
    >
      <div className="connection__head">
        <h3 className="connection__name">{endpoint.name}</h3>
        <span className="connection__url" data-testid="connection-url">
          {endpoint.url}
        </span>
        <div className="connection__controls">
          <button
            type="button"
            className="button"
            disabled={reconnect.busy}
            title="Dial now, without waiting for the next retry"
            onClick={() => void reconnect.run(() => getConsoleApi().reconnectEndpoint(endpoint.id))}
          >
            Reconnect
          </button>
          {editable && (
            <>
              <button
                type="button"
                className="button"
                aria-expanded={mode === 'edit'}
                onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}
              >
                Edit
              </button>
              <button
                type="button"
                className="button button--danger"
                aria-expanded={mode === 'remove'}
                onClick={() => {
                  remove.clearError();
                  setMode(mode === 'remove' ? 'view' : 'remove');
                }}
              >
                Remove
              </button>
            </>
          )}
          {!editable && !readOnly && (
            <span className="connection__fixed" data-testid="connection-fixed">
              Cannot be edited here: {FIXED_BECAUSE[endpoint.source]}
            </span>
          )}
        </div>
      </div>
      <ConnectionState endpoint={endpoint} />
      {reconnect.error && (
        <p className="form-error" role="alert">
          <span aria-hidden="true">✖ </span>
          {reconnect.error}
        </p>
      )}
      {editable && mode === 'edit' && (
        <EndpointForm
          edit={{
            url: endpoint.url,
            hasToken: endpoint.hasToken,
            caFile: caFiles[endpoint.id],
            caFileKnown: endpoint.id in caFiles,
          }}
          onSubmit={update}
          onDone={() => setMode('view')}
          onCancel={() => setMode('view')}
        />
      )}
      {editable && mode === 'remove' && (
        <ConnectionRemove
          endpoint={endpoint}
          call={remove}
          onConfirm={() => void confirmRemove()}
          onCancel={() => setMode('view')}
        />
      )}
      {remove.error && (
        <p className="form-error" role="alert">
          <span aria-hidden="true">✖ </span>
          {remove.error}
        </p>
      )}
      <ConnectionStats endpoint={endpoint} />
      <ConnectionErrors errors={endpoint.recentErrors} />
    </li>
  );
}
