// The wall's verdict in one glance, recomputed on the shared tick. The verdict
// always shows; its details give way whole (never cut) when the header is short.
import { useRef } from 'react';
import { useConsoleStore } from '../../store/console-store';
import { summarizeWall, type WallSummary } from '../../features/wall';
import { useNow } from '../../ui/now-ticker';
import { StatusIcon } from '../../ui/status-badge';
import { useFirstThatFits } from './first-that-fits';

const VERDICT: Record<WallSummary['status'], string> = {
  ok: 'ALL OK',
  warning: 'WARNING',
  critical: 'CRITICAL',
  stale: 'BLIND SPOTS',
};

function details(summary: WallSummary): string {
  const { counts, linksDown, linksDegraded } = summary;
  const links = (count: number) => `${count} link${count > 1 ? 's' : ''}`;
  const parts = [
    counts.critical && `${counts.critical} critical`,
    counts.warning && `${counts.warning} warning`,
    counts.error && `${counts.error} series error${counts.error > 1 ? 's' : ''}`,
    counts.stale && `${counts.stale} stale`,
    counts.nodata && `${counts.nodata} no data`,
    linksDown && `${links(linksDown)} down`,
    linksDegraded && `${links(linksDegraded)} degraded`,
  ];
  if (Object.values(counts).every((count) => count === 0)) parts.push('no series to watch');
  return parts.filter(Boolean).join(' · ');
}

export function OverallStatus() {
  const now = useNow();
  const summary = summarizeWall(useConsoleStore.getState(), now);
  const detailsRef = useRef<HTMLSpanElement>(null);
  const full = details(summary);
  const shown = [full, ''][useFirstThatFits(detailsRef, [full, ''])];
  return (
    <div
      className={`overall overall--${summary.status}`}
      data-testid="overall-status"
      data-status={summary.status}
      title={full}
    >
      <span className="overall__verdict">
        <StatusIcon status={summary.status} /> {VERDICT[summary.status]}
      </span>
      <span className="overall__details" ref={detailsRef}>
        {shown}
      </span>
    </div>
  );
}
