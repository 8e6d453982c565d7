// An action in flight or just done, in a sentence that names who took it:
// "ana is rolling back Billing API production: running for 12 s", "rolled
// back by ana 40 s ago". Used wherever a second operator might act again.
import type { ActionRecord } from '../../../../shared/api/actions';
import type { ActionName } from '../../../../shared/protocol';
import { useConsoleStore } from '../../store/console-store';
import { formatSpan } from '../../ui/clock-format';

const DOING: Record<ActionName, string> = {
  'build.retry': 'retrying the build of',
  'flag.set': 'changing a flag of',
  'patch.apply': 'patching',
  'deploy.rollback': 'rolling back',
  'capacity.scale': 'scaling',
  'ring.promote': 'promoting a release of',
  'ring.halt': 'halting a release of',
};

const DONE: Record<ActionName, string> = {
  'build.retry': 'build retried',
  'flag.set': 'flag changed',
  'patch.apply': 'patched',
  'deploy.rollback': 'rolled back',
  'capacity.scale': 'scaled',
  'ring.promote': 'promoted',
  'ring.halt': 'halted',
};

/** "ana is rolling back Billing API production: running", with "for 12 s" when `now` is given. */
export function busyWords(record: ActionRecord, serviceName: string, now?: number): string {
  const since = now === undefined ? '' : ` for ${formatSpan(now - record.submittedAt)}`;
  return `${record.operator} is ${DOING[record.action]} ${serviceName} ${record.args.environment}: ${record.state}${since}`;
}

/** "rolled back by ana 40 s ago": a succeeded action, counted from its outcome. */
export const doneWords = (record: ActionRecord, now: number): string =>
  `${DONE[record.action]} by ${record.operator} ${formatSpan(now - record.updatedAt)} ago`;

/** The service's name as the endpoint reports it, else its id. */
export function useServiceName(endpointId: string, serviceId: string): string {
  return useConsoleStore(
    (store) =>
      store.deployments
        .find((entry) => entry.endpointId === endpointId)
        ?.services.find((service) => service.id === serviceId)?.name ?? serviceId,
  );
}
