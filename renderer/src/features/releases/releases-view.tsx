// The Releases view: follow a release through its circles of users. Its
// rings in order, its gates against the baseline version, and the decisions:
// promote, override, halt, roll back. The display profile and kiosk mode see
// everything and act on nothing.
import { useMemo, useState } from 'react';
import { releaseActions } from './release-records';
import { ReleaseActionLog } from './release-action-log';
import { ReleaseAutoHalt } from './release-auto-halt';
import { ReleaseControls } from './release-controls';
import { ReleaseGateTable } from './release-gate-table';
import { ReleaseNotificationControl } from './release-notification-control';
import { ReleasePicker } from './release-picker';
import { ReleaseRings } from './release-rings';
import { ReleaseSummary } from './release-summary';
import { chooseTrack, useReleaseTracks, type ReleaseTrack } from './release-track';
import { startReleaseNotifications } from './release-notifications';
import { useConsoleStore } from '../../store/console-store';
import './releases.css';

// This module loads with the app (console-app imports it), so gate changes
// notify whichever view is shown. Idempotent; main.tsx is its natural home.
startReleaseNotifications();

export function ReleasesView() {
  const tracks = useReleaseTracks();
  const [chosen, setChosen] = useState<string>();
  const track = chooseTrack(tracks, chosen);
  const kiosk = useConsoleStore((store) => store.kiosk);
  return (
    <main className="releases-view" data-testid="releases-view" aria-labelledby="releases-title">
      <div className="releases-view__head">
        <h2 className="releases-view__title" id="releases-title">
          Releases
        </h2>
        {track && tracks.length > 1 && (
          <ReleasePicker tracks={tracks} chosen={track.id} onChoose={setChosen} />
        )}
        {!kiosk && <ReleaseNotificationControl />}
      </div>
      {track ? (
        <ReleaseTrackPanel track={track} />
      ) : (
        <p className="release-empty" data-testid="releases-empty">
          No service rolls out in rings on the connected endpoints.
        </p>
      )}
    </main>
  );
}

function ReleaseTrackPanel({ track }: { track: ReleaseTrack }) {
  const actions = useConsoleStore((store) => store.actions);
  const display = useConsoleStore((store) => store.profile === 'display');
  const kiosk = useConsoleStore((store) => store.kiosk);
  const { endpointId, service, environment, release } = track;
  const records = useMemo(
    () => releaseActions(actions, { endpointId, service, environment }),
    [actions, endpointId, service, environment],
  );
  return (
    <>
      <ReleaseSummary track={track} latest={records[0]} />
      <ReleaseRings rings={track.rings} release={release} />
      <div className="releases-view__body">
        <div className="releases-view__gates">
          {release ? (
            <ReleaseGateTable release={release} />
          ) : (
            <p className="release-empty">No release is moving, so there are no gates to judge.</p>
          )}
        </div>
        <div className="releases-view__side">
          {release && !display && !kiosk && (
            <ReleaseControls key={track.id} release={release} records={records} />
          )}
          {release && (
            <ReleaseAutoHalt release={release} records={records} readOnly={display || kiosk} />
          )}
          {display && (
            <p className="release-empty" data-testid="releases-read-only">
              Read-only display: this console watches releases and does not act on them.
            </p>
          )}
          <ReleaseActionLog records={records} />
        </div>
      </div>
    </>
  );
}
