// The wall's verdict in one glance, recomputed on the shared tick from the one
// status model. The verdict always shows; its details give way whole (never cut)
// when the header is short. A console that sees nothing says so and offers the
// next step: a button to the Connections view.
import { useRef } from 'react';
import type { NextStep, Verdict } from '../../../../shared/rules/status-model';
import { useConsoleStore } from '../../store/console-store';
import { summarizeWall } from '../../features/wall';
import { useNow } from '../../ui/now-ticker';
import { StatusIcon } from '../../ui/status-badge';
import { useFirstThatFits } from './first-that-fits';

const VERDICT: Record<Verdict, string> = {
  ok: 'ALL OK',
  warning: 'WARNING',
  critical: 'CRITICAL',
  stale: 'BLIND SPOTS',
  nodata: 'NO DATA',
};

const NEXT_STEP: Record<NextStep, string> = {
  'add-endpoint': 'Add an endpoint',
  'check-connections': 'Check connections',
};

export function OverallStatus() {
  const now = useNow();
  const summary = summarizeWall(useConsoleStore.getState(), now);
  const kiosk = useConsoleStore((store) => store.kiosk);
  const setView = useConsoleStore((store) => store.setView);
  const detailsRef = useRef<HTMLSpanElement>(null);
  const full = summary.reasons.join(' · ');
  const shown = [full, ''][useFirstThatFits(detailsRef, [full, ''])];
  const { verdict, nextStep } = summary;
  return (
    <div
      // No data is a blind spot of the worst kind: it wears the blind-spot colours.
      className={`overall overall--${verdict === 'nodata' ? 'stale overall--nodata' : verdict}`}
      data-testid="overall-status"
      data-status={verdict}
      title={full}
    >
      <span className="overall__verdict">
        <StatusIcon status={verdict} /> {VERDICT[verdict]}
      </span>
      {nextStep && !kiosk && (
        <button
          type="button"
          className="link-button overall__next"
          data-testid="overall-next-step"
          onClick={() => setView('connections')}
        >
          {NEXT_STEP[nextStep]}
        </button>
      )}
      <span className="overall__details" ref={detailsRef}>
        {shown}
      </span>
    </div>
  );
}
