// Every endpoint link with its health and figures, and the operator's own
// endpoints to add, edit and remove. The display profile only looks.
import type { EndpointConfig } from '../../../../shared/api/links';
import { getConsoleApi } from '../../bridge/console-bridge';
import { ConnectionRow } from './connection-row';
import { EndpointForm } from './endpoint-form';
import { useConsoleStore } from '../../store/console-store';

export function ConnectionsView() {
  const endpoints = useConsoleStore((store) => store.endpoints);
  const readOnly = useConsoleStore((store) => store.profile === 'display');
  const noteCaFile = useConsoleStore((store) => store.noteCaFile);

  const add = async (config: EndpointConfig) => {
    const status = await getConsoleApi().addEndpoint(config);
    noteCaFile(status.id, config.caFile);
    return status;
  };

  return (
    <main className="connections" data-testid="connections" aria-labelledby="connections-title">
      <section className="connections__links">
        <h2 className="connections__title" id="connections-title">
          Connections{' '}
          <span className="connections__count">
            {endpoints.length} endpoint{endpoints.length === 1 ? '' : 's'}
          </span>
        </h2>
        {endpoints.length === 0 ? (
          <p className="connections__empty">No endpoints yet.</p>
        ) : (
          <ul className="connections__list">
            {endpoints.map((endpoint) => (
              <ConnectionRow key={endpoint.id} endpoint={endpoint} readOnly={readOnly} />
            ))}
          </ul>
        )}
      </section>
      <aside className="connections__add" aria-labelledby="add-endpoint-title">
        <h2 className="connections__title" id="add-endpoint-title">
          Add endpoint
        </h2>
        {readOnly ? (
          <p className="connections__read-only">
            This console runs the display profile: endpoints are added and changed from an operator
            console.
          </p>
        ) : (
          <EndpointForm onSubmit={add} />
        )}
      </aside>
    </main>
  );
}
