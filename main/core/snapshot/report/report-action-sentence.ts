// An action as a sentence a postmortem can quote: "Rolled back Billing API in
// production from 2.14.0 to 2.13.2: succeeded, by ana, reason: errors above 5 %."
// Never the raw JSON of its arguments.
import type { ActionRecord } from '../../../../shared/api/actions';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { snapshotDeploymentsAt } from '../../../../shared/rules/snapshot-view';

type Doing = (service: string, environment: string, from: string | undefined) => string;

function doing(action: ActionRecord): Doing {
  switch (action.action) {
    case 'deploy.rollback': {
      const to = action.args.toVersion ?? 'the previous version';
      return (svc, env, from) =>
        `Rolled back ${svc} in ${env}${from ? ` from ${from}` : ''} to ${to}`;
    }
    case 'build.retry': {
      const build = action.args.build ? ` ${action.args.build}` : '';
      return (svc, env) => `Retried build${build} of ${svc} in ${env}`;
    }
    case 'flag.set': {
      const { flag, enabled, ring } = action.args;
      const who = ring ? ` in ring ${ring}` : ' for everyone';
      return (svc, env) =>
        `Turned flag ${flag} ${enabled ? 'on' : 'off'}${who} of ${svc} in ${env}`;
    }
    case 'patch.apply':
      return (svc, env, from) =>
        `Deployed patch ${action.args.version} of ${svc} to ${env}${action.args.allRings ? ' in every ring at once' : ''}${from ? ` over ${from}` : ''}`;
    case 'capacity.scale': {
      const { resource, change } = action.args;
      const what = { servers: 'servers', cpu: 'CPU cores', storageGb: 'GB of storage' }[resource];
      const verb = change > 0 ? 'Added' : 'Removed';
      return (svc, env) =>
        `${verb} ${Math.abs(change)} ${what} ${change > 0 ? 'to' : 'from'} ${svc} in ${env}`;
    }
    case 'ring.promote': {
      const { version, toRing } = action.args;
      return (svc, env) =>
        `Promoted ${version ?? 'the release'} of ${svc} in ${env}${toRing ? ` to ring ${toRing}` : ' to the next ring'}`;
    }
    case 'ring.halt':
      return (svc, env) => `Halted ${action.args.version ?? 'the release'} of ${svc} in ${env}`;
  }
}

/** The sentence; the version it started from is the deployment's when it was submitted. */
export function actionSentence(action: ActionRecord, snapshot: Snapshot): string {
  const { service, environment } = action.args;
  const before = snapshotDeploymentsAt(snapshot, action.submittedAt).find(
    (d) => d.endpointId === action.endpointId,
  );
  const known = before?.services.find((s) => s.id === service);
  const from = known?.environments.find((e) => e.id === environment)?.version;
  const what = doing(action)(known?.name ?? service, environment, from);
  const parts = [`${what}: ${action.state}`, `by ${action.operator}`];
  if (action.override) parts.push('overriding a failing gate');
  if (action.reason) parts.push(`reason: ${action.reason}`);
  const message = action.message ? ` (${action.message})` : '';
  return `${parts.join(', ')}${message}.`;
}
