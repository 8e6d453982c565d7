// On an alerting tile: the endpoint's procedure as a one-click suggestion
// ("Roll back billing to 2.13.2") with the alert's context, opening the same
// confirmation as anywhere else; then who took the fix (here or on another
// console), its lifecycle and whether the metric recovered within the
// procedure's expected time: the loop closed.
import { memo, useMemo } from 'react';
import { shallow } from 'zustand/shallow';
import type { Alert } from '../../../../shared/api/alerts';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { useConsoleStore, type ConsoleStore } from '../../store/console-store';
import { memoSelector } from '../../store/memo-selector';
import type { ActionRecord } from '../../../../shared/api/actions';
import { isActionInFlight } from '../../../../shared/rules/action-states';
import { ActionLauncher, ActionStatus, ElsewhereMark, busyWords, doneWords } from '../actions';
import { alertContext } from '../alerts';
import { formatSpan } from '../../ui/clock-format';
import { useNow } from '../../ui/now-ticker';
import {
  findFix,
  offeredAfter,
  recoveryOf,
  suggestionsFor,
  type Recovery,
} from './procedure-match';

/** The series' alerts, filtered again only when the alerts change (not on every delta). */
const selectSeriesAlerts = (seriesKey: string) =>
  memoSelector(
    [(store) => store.alerts],
    (store: ConsoleStore) => store.alerts.filter((alert) => alert.seriesKey === seriesKey),
    shallow,
  );

/** Every action record, listed again only when the records change. */
const selectRecords = () =>
  memoSelector(
    [(store) => store.actions],
    (store: ConsoleStore) => Object.values(store.actions),
    shallow,
  );

// Memoised, and on the clock only while the series has alerts: without one
// there is nothing to offer and no fix to follow (findFix needs its alert).
export const ProcedureSuggestion = memo(function ProcedureSuggestion({
  series,
}: {
  series: ConsoleSeries;
}) {
  const alerts = useConsoleStore(useMemo(() => selectSeriesAlerts(series.key), [series.key]));
  if (alerts.length === 0) return null;
  return <AlertProcedures series={series} alerts={alerts} />;
});

function AlertProcedures({ series, alerts }: { series: ConsoleSeries; alerts: Alert[] }) {
  const records = useConsoleStore(useMemo(selectRecords, []));
  const now = useNow();
  const firing = alerts.find((alert) => alert.state === 'firing');
  const suggestions = firing ? suggestionsFor(firing, series) : [];
  const found = findFix(records, series, alerts, now);
  // A fix from before the alert that fires now answered an earlier one: suggest again.
  const fix = found && (!firing || firing.since <= found.record.submittedAt) ? found : undefined;
  const fixAlert = fix && alerts.find((alert) => alert.id === fix.alert.id);
  const recovery = fix && fixAlert ? recoveryOf(fix, fixAlert, now) : undefined;
  // Taken by anyone: nothing more is offered until recovery fails, then the next procedure.
  const offered = offeredAfter(suggestions, fix, recovery);
  const offer = firing !== undefined && offered.length > 0;
  if (!offer && !fix) return null;
  return (
    <div className="tile-procedure" data-testid="tile-procedures">
      {offer && firing && (
        <>
          <AlertContext alert={firing} series={series} />
          {offered.slice(0, 2).map(({ procedure, call }) => (
            <ActionLauncher
              key={procedure.title}
              endpointId={series.endpointId}
              call={call}
              origin={procedure.title}
              className="button button--small button--danger tile-procedure__button"
              testId="tile-procedure"
              onWall
            >
              {procedure.title}
            </ActionLauncher>
          ))}
        </>
      )}
      {fix && <TakenLine record={fix.record} recovery={recovery} now={now} />}
      {fix && <ActionStatus record={fix.record} />}
      {recovery && <RecoveryLine recovery={recovery} />}
    </div>
  );
}

/** What was running when the alert started, never today's version (which may be the fix). */
function AlertContext({ alert, series }: { alert: Alert; series: ConsoleSeries }) {
  return (
    <p className="tile-procedure__context" data-testid="tile-procedure-context">
      {`${series.title} ${alertContext(alert)}`}
    </p>
  );
}

/** Who took the fix, and where it stands: "rolled back by ana 40 s ago, watching recovery". */
function TakenLine({
  record,
  recovery,
  now,
}: {
  record: ActionRecord;
  recovery: Recovery | undefined;
  now: number;
}) {
  const serviceName = useConsoleStore(
    (store) =>
      store.deployments
        .find((entry) => entry.endpointId === record.endpointId)
        ?.services.find((service) => service.id === record.args.service)?.name ??
      record.args.service,
  );
  let text: string | undefined;
  if (isActionInFlight(record.state)) text = busyWords(record, serviceName, now);
  else if (record.state === 'succeeded')
    text = `${doneWords(record, now)}${recovery?.kind === 'watching' ? ', watching recovery' : ''}`;
  if (!text) return null;
  return (
    <p
      className="tile-procedure__taken"
      data-testid="tile-taken"
      data-state={record.state}
      data-elsewhere={record.elsewhere ? 'true' : undefined}
    >
      {text}
      {record.elsewhere && <ElsewhereMark />}
    </p>
  );
}

function RecoveryLine({ recovery }: { recovery: Recovery }) {
  const text = recoveryWords(recovery);
  return (
    <p
      className={`tile-recovery tile-recovery--${recovery.kind}`}
      data-testid="tile-recovery"
      data-kind={recovery.kind}
      role="status"
    >
      {text}
    </p>
  );
}

function recoveryWords(recovery: Recovery): string {
  switch (recovery.kind) {
    case 'recovered':
      return `recovered in ${formatSpan(recovery.afterMs)}${recovery.late ? ' (later than expected)' : ''}`;
    case 'not-recovered':
      return `not recovered after ${formatSpan(recovery.afterMs)}`;
    case 'watching':
      return recovery.expectMs === undefined
        ? `done ${formatSpan(recovery.elapsedMs)} ago; no recovery promised`
        : `watching: ${formatSpan(recovery.elapsedMs)} of ${formatSpan(recovery.expectMs)} expected`;
  }
}
