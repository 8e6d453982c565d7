// One line on where a release stands: which version, in which ring, for how
// many users and for how long, against which baseline; or, with nothing
// moving, what every ring runs and how the last rollout ended.
import type { ActionRecord } from '../../../../shared/api/actions';
import { formatDuration, formatShare } from './release-format';
import type { ReleaseTrack } from './release-track';
import { useNow } from '../../ui/now-ticker';

export type TrackState = 'moving' | 'halted' | 'rolled-back' | 'settled';

export function trackState(track: ReleaseTrack, latest: ActionRecord | undefined): TrackState {
  if (track.release) return track.release.ring.status === 'halted' ? 'halted' : 'moving';
  const rolledBack = latest?.action === 'deploy.rollback' && latest.state === 'succeeded';
  return rolledBack ? 'rolled-back' : 'settled';
}

export function ReleaseSummary({
  track,
  latest,
}: {
  track: ReleaseTrack;
  latest: ActionRecord | undefined;
}) {
  const now = useNow();
  const state = trackState(track, latest);
  const { release } = track;
  return (
    <p
      className={`release-summary release-summary--${state}`}
      data-testid="release-summary"
      data-state={state}
    >
      <span className="release-summary__where">
        {track.serviceName} · {track.environment}
      </span>
      {release ? (
        <span>
          <strong className="release-summary__version">{release.version}</strong> in{' '}
          <strong>{release.ring.name}</strong> ({formatShare(release.ring.share)} of users)
          {release.ring.since !== undefined && ` for ${formatDuration(now - release.ring.since)}`}
          {state === 'halted' && <strong className="release-summary__halted"> · halted</strong>}
          <span className="release-summary__baseline"> · baseline {release.baselineVersion}</span>
        </span>
      ) : (
        <span>
          {state === 'rolled-back' ? (
            <strong className="release-summary__rolled-back">Rolled back. </strong>
          ) : null}
          No release is moving: every ring runs{' '}
          <strong className="release-summary__version">{track.rings.at(-1)?.version}</strong>.
        </span>
      )}
    </p>
  );
}
