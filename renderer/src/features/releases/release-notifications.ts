// A desktop notification when a release gate turns worse, or when a release
// becomes ready to promote, while the console watches. Only changes are
// told: a release this window had not seen before (a page load, a reconnect
// bringing a new one) never notifies. Clicking one opens the Releases view.
import type { GateVerdict, ReleaseGate, ReleaseStatus } from '../../../../shared/api/releases';
import { formatValue } from '../../../../shared/rules/value-format';
import { notificationsSupported } from '../../ui/alert-notifications';
import { formatDifference, gateName } from './release-format';
import { useConsoleStore } from '../../store/console-store';

export interface ReleaseNotice {
  title: string;
  body: string;
  tag: string;
}

const releaseId = (release: ReleaseStatus): string =>
  `${release.endpointId}/${release.service}/${release.environment}/${release.version}`;

const where = (release: ReleaseStatus): string => `${release.serviceName} ${release.environment}`;

/** What changed between two lists of releases that deserves a notification. */
export function releaseNotices(before: ReleaseStatus[], after: ReleaseStatus[]): ReleaseNotice[] {
  const earlier = new Map(before.map((release) => [releaseId(release), release]));
  const notices: ReleaseNotice[] = [];
  for (const release of after) {
    const id = releaseId(release);
    const previous = earlier.get(id);
    if (!previous) continue;
    // Verdicts are compared within one ring: a gate new to this ring was not worse before.
    const verdicts = new Map<string, GateVerdict>(
      previous.ring.id === release.ring.id
        ? previous.gates.map((gate) => [gate.metric, gate.verdict])
        : [],
    );
    for (const gate of release.gates) {
      if (gate.verdict !== 'worse' || verdicts.get(gate.metric) === 'worse') continue;
      notices.push({
        title: `Gate failed: ${gateName(gate)} in ${release.ring.name}`,
        body: `${where(release)} ${release.version} is worse than ${release.baselineVersion}: ${gateName(gate)} ${gateValues(gate, release)} (${formatDifference(gate.difference)}, tolerance ${Math.round(gate.tolerance * 100)} %). ${release.ring.name} is failing; promotion is blocked.`,
        tag: `${id}/${release.ring.id}/${gate.metric}`,
      });
    }
    if (release.promote.allowed && !previous.promote.allowed) {
      const next = release.nextRing ? ` to ${release.nextRing.name}` : '';
      notices.push({
        title: `Ready to promote: ${where(release)} ${release.version}`,
        body: `Its gates pass and ${release.ring.name} has soaked: it can move on${next}.`,
        tag: `${id}/${release.ring.id}/ready`,
      });
    }
  }
  return notices;
}

const shown = (value: number | undefined, unit: string): string => {
  if (value === undefined) return '–';
  const { text, unit: words } = formatValue(value, unit);
  return words ? `${text} ${words}` : text;
};

/** "0.66 % on 5.9.0 vs 0.3 % on 5.8.1". */
const gateValues = (gate: ReleaseGate, release: ReleaseStatus): string =>
  `${shown(gate.releaseValue, gate.unit)} on ${release.version} vs ${shown(gate.baselineValue, gate.unit)} on ${release.baselineVersion}`;

function show(notice: ReleaseNotice): void {
  const notification = new Notification(notice.title, { body: notice.body, tag: notice.tag });
  notification.onclick = () => {
    window.focus();
    useConsoleStore.getState().setView('releases');
    notification.close();
  };
}

let stop: (() => void) | undefined;

/** Starts once however often it is called; returns the way to stop it. */
export function startReleaseNotifications(): () => void {
  stop ??= useConsoleStore.subscribe(
    (store) => store.releases,
    (after, before) => {
      if (!notificationsSupported() || Notification.permission !== 'granted') return;
      for (const notice of releaseNotices(before, after)) show(notice);
    },
  );
  return () => {
    stop?.();
    stop = undefined;
  };
}
