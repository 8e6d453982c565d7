// An environment's latest build: status, version, the failing tests by
// name, and "Retry build" when it failed.
import type { EnvironmentState } from '../../../../shared/protocol';
import { ActionLauncher } from '../actions';
import { formatClock } from '../../ui/clock-format';

interface BuildProps {
  endpointId: string;
  serviceId: string;
  env: EnvironmentState;
}

export function DeployBoardBuild({ endpointId, serviceId, env }: BuildProps) {
  const build = env.build;
  if (!build) return null;
  const failing = build.failingTests;
  return (
    <section className="board-section" aria-label={`Build of ${serviceId} ${env.id}`}>
      <h4 className="board-section__title">Build</h4>
      <p
        className={`board-build board-build--${build.status}`}
        data-testid="board-build"
        data-status={build.status}
      >
        <span className="board-build__id">{build.id}</span>{' '}
        {build.version && <span>{build.version} </span>}
        <strong className="board-build__status">{build.status}</strong>
        {build.finishedAt !== undefined && (
          <span className="board-muted"> at {formatClock(build.finishedAt)}</span>
        )}
      </p>
      {failing.length > 0 && (
        <details className="board-build__tests" open={failing.length <= 5}>
          <summary>
            {failing.length} failing test{failing.length === 1 ? '' : 's'}
          </summary>
          <ul data-testid="board-failing-tests">
            {failing.map((test) => (
              <li key={test}>{test}</li>
            ))}
          </ul>
        </details>
      )}
      {build.status === 'failed' && (
        <ActionLauncher
          endpointId={endpointId}
          call={{
            action: 'build.retry',
            args: { service: serviceId, environment: env.id, build: build.id },
          }}
          ariaLabel={`Retry build ${build.id} of ${serviceId} ${env.id}`}
        >
          Retry build
        </ActionLauncher>
      )}
    </section>
  );
}
