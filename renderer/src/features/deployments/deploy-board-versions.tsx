// An environment's version story: what runs, what ran before (what a roll
// back can restore), and the two ways forward from a bad release.
import type { EnvironmentState } from '../../../../shared/protocol';
import { ActionLauncher } from '../actions';
import { rollbackCall, rollbackUnavailable } from './rollback-intent';

interface VersionsProps {
  endpointId: string;
  serviceId: string;
  env: EnvironmentState;
}

/** "2.14.0" → "2.14.1": a guess at the next patch, for the operator to correct. */
export function nextPatch(version: string): string {
  const match = /^(.*?)(\d+)([^\d]*)$/.exec(version);
  return match ? `${match[1] ?? ''}${Number(match[2]) + 1}` : `${version}-patch`;
}

export function DeployBoardVersions({ endpointId, serviceId, env }: VersionsProps) {
  return (
    <section className="board-section" aria-label={`Versions of ${serviceId} ${env.id}`}>
      <p className="board-versions" data-testid="board-previous-versions">
        <span className="board-muted">Earlier: </span>
        {env.previousVersions.length ? env.previousVersions.join(', ') : 'none'}
      </p>
      <div className="board-actions">
        <ActionLauncher
          endpointId={endpointId}
          call={rollbackCall(serviceId, env)}
          unavailable={rollbackUnavailable(env)}
          className="button button--small button--danger"
          ariaLabel={`Roll back ${serviceId} ${env.id}`}
        >
          Roll back
        </ActionLauncher>
        <ActionLauncher
          endpointId={endpointId}
          call={{
            action: 'patch.apply',
            args: { service: serviceId, environment: env.id, version: nextPatch(env.version) },
          }}
          ariaLabel={`Apply a patch to ${serviceId} ${env.id}`}
        >
          Apply patch
        </ActionLauncher>
      </div>
    </section>
  );
}
