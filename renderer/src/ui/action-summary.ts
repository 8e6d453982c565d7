// What an action does, in a few words: "Rollback 2.14.0 → 2.13.2", "Flag
// dark-mode off in canary". Any action can reach a service card, not just ours.
import type { ActionCall } from '../../../shared/protocol';

/** `fromVersion`: where a rollback started, when this window submitted it. */
export function actionSummary(record: ActionCall, fromVersion?: string): string {
  switch (record.action) {
    case 'deploy.rollback': {
      const to = record.args.toVersion ?? 'previous';
      return fromVersion ? `Rollback ${fromVersion} → ${to}` : `Rollback → ${to}`;
    }
    case 'build.retry':
      return `Build retry${record.args.build ? ` ${record.args.build}` : ''}`;
    case 'flag.set': {
      const ring = record.args.ring ? ` in ${record.args.ring}` : '';
      return `Flag ${record.args.flag} ${record.args.enabled ? 'on' : 'off'}${ring}`;
    }
    case 'patch.apply':
      return `Patch ${record.args.version}`;
    case 'capacity.scale': {
      const sign = record.args.change > 0 ? '+' : '';
      return `Scale ${record.args.resource} ${sign}${record.args.change}`;
    }
    case 'ring.promote': {
      const ring = record.args.toRing ? ` to ${record.args.toRing}` : '';
      return `Promote ${record.args.version ?? 'release'}${ring}`;
    }
    case 'ring.halt':
      return `Halt ${record.args.version ?? 'release'}`;
  }
}
