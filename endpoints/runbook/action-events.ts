// The events that tell of an action: when it starts and when it succeeds,
// with the suggested data of the protocol's event types.
import type { ActionSubmitParams, EnvironmentState } from '../../shared/protocol';

export interface RunbookEvent {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

export function startedEvent(
  params: ActionSubmitParams,
  subject: string,
  from: string,
  to: string | undefined,
): RunbookEvent | undefined {
  if (params.action === 'patch.apply')
    return { type: 'deploy.started', subject, data: { from, to, reason: 'patch' } };
  if (params.action === 'deploy.rollback')
    return { type: 'deploy.started', subject, data: { from, to, reason: 'rollback' } };
  return undefined;
}

export function succeededEvents(
  params: ActionSubmitParams,
  subject: string,
  from: string,
  after: EnvironmentState | undefined,
): RunbookEvent[] {
  const version = after?.version;
  switch (params.action) {
    case 'patch.apply':
      return [
        { type: 'deploy.finished', subject, data: { from, to: version } },
        { type: 'patch.applied', subject, data: { version } },
      ];
    case 'deploy.rollback':
      return [{ type: 'deploy.rolledback', subject, data: { from, to: version } }];
    case 'capacity.scale': {
      const { resource, change } = params.args;
      return [
        {
          type: 'capacity.scaled',
          subject,
          data: { resource, change, total: after?.capacity?.[resource] },
        },
      ];
    }
    case 'build.retry':
      return [{ type: 'build.passed', subject, data: { build: after?.build?.id, version } }];
    default:
      return [];
  }
}
