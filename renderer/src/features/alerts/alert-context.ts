// An alert's context in one sentence: how bad, since when, and what was running
// when it started ("critical since 22:03, on billing 2.14.0"), never today's
// version, which may be the rollback that is fixing it.
import type { Alert } from '../../../../shared/api/alerts';

const hourMinute = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function alertContext(alert: Alert): string {
  const how = alert.flapping ? `${alert.severity}, flapping,` : alert.severity;
  const running = alert.service && alert.version ? `, on ${alert.service} ${alert.version}` : '';
  return `${how} since ${hourMinute.format(alert.since)}${running}`;
}
