// "Roll back", opening the confirmation that says exactly what will happen
// ("Confirm roll back" inside it runs it).
import type { EnvironmentState } from '../../../../shared/protocol';
import { ActionLauncher } from '../actions';
import { rollbackCall, rollbackUnavailable } from './rollback-intent';

interface RollbackControlProps {
  endpointId: string;
  serviceId: string;
  environment: EnvironmentState;
  /** On the wall, kiosk screens show no controls. */
  onWall?: boolean;
}

export function RollbackControl({
  endpointId,
  serviceId,
  environment,
  onWall,
}: RollbackControlProps) {
  return (
    <ActionLauncher
      endpointId={endpointId}
      call={rollbackCall(serviceId, environment)}
      className="button button--danger"
      testId="rollback-open"
      unavailable={rollbackUnavailable(environment)}
      onWall={onWall === true}
    >
      Roll back
    </ActionLauncher>
  );
}
