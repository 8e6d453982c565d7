// The report's deployment timeline: every deploy, rollback, promotion and
// status change the snapshot's history recorded, each release gate verdict
// that changed, and the actions taken, in one list by time.
import type { Snapshot } from '../../../../shared/api/snapshot';
import { deployChanges } from '../../../../shared/rules/snapshot-deploy-changes';
import { actionSentence } from './report-action-sentence';
import { utcTime } from './report-escape';
import { table } from './report-tables';

interface Line {
  at: number;
  what: string;
  text: string;
}

/** Gate verdicts as they changed, release by release and gate by gate. */
function verdictChanges(snapshot: Snapshot): Line[] {
  const entries = [...snapshot.history.releases].sort((a, b) => a.at - b.at);
  const last = new Map<string, string>();
  const lines: Line[] = [];
  for (const { at, releases } of entries) {
    for (const release of releases) {
      for (const gate of release.gates) {
        const key = `${release.endpointId}/${release.service}/${release.environment}/${release.version}/${gate.metric}`;
        const where = `${release.serviceName} ${release.version} in ${release.ring.name}`;
        const seen = `${gate.verdict}@${release.ring.id}`;
        if (last.get(key) === seen) continue;
        last.set(key, seen);
        lines.push({ at, what: 'gate', text: `${where}: ${gate.title} ${gate.verdict}` });
      }
    }
  }
  return lines;
}

export function deploymentTimeline(snapshot: Snapshot): string {
  const lines: Line[] = [
    ...deployChanges(snapshot.history).map((c) => ({ at: c.at, what: c.kind, text: c.text })),
    ...verdictChanges(snapshot),
    ...snapshot.actions.map((a) => ({
      at: a.submittedAt,
      what: 'action',
      text: actionSentence(a, snapshot),
    })),
  ].sort((a, b) => a.at - b.at);
  const section = table(
    'deployment-timeline',
    'Deployment timeline',
    ['Time', 'What', 'Change'],
    lines.map((line) => [utcTime(line.at), line.what, line.text]),
  );
  if (snapshot.history.recorded) return section;
  const note =
    '<p class="meta">This file recorded no deployment history (an older format): only its actions are listed.</p>';
  return section.replace('</h2>', `</h2>\n${note}`);
}
