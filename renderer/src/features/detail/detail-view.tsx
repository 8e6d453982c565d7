// One series in depth: a large chart over 5 min to 6 h with thresholds and
// markers, its deployments and actions, and its alert history. Escape (or
// "Back") returns to the view it was opened from, focus back on its tile.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { AlertTable } from '../alerts';
import { AlertTimeline } from '../alerts';
import { formatClock, formatSpan } from '../../ui/clock-format';
import { DetailChart } from './detail-chart';
import { DEFAULT_RANGE, DETAIL_RANGES, type DetailRange } from './detail-ranges';
import { DetailActions, DetailChanges, DetailDeployments } from './detail-related';
import { LEVEL_HEADING } from '../../ui/level-heading';
import { useLiveReading } from '../../ui/live-reading';
import { SeriesSamples } from './series-samples';
import { StatusBadge } from '../../ui/status-badge';
import { displayUnit, formatAge, formatNumber, formatValue } from '../../ui/value-format';
import { VIEW_LABEL } from '../../ui/view-switcher';
import { useConsoleStore } from '../../store/console-store';

export function DetailView({ seriesKey }: { seriesKey: string }) {
  const series = useConsoleStore((store) => store.series[seriesKey]);
  const closeDetail = useConsoleStore((store) => store.closeDetail);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closeDetail();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      // Back on the wall, focus returns to the tile that opened the detail.
      window.requestAnimationFrame(() => {
        const selector = `[data-series-key="${CSS.escape(seriesKey)}"] .tile__open`;
        document.querySelector<HTMLElement>(selector)?.focus();
      });
    };
  }, [seriesKey, closeDetail]);

  if (!series) {
    return (
      <main className="detail" data-testid="detail-view">
        <p className="detail__none">This series is no longer in the catalog.</p>
        <BackButton />
      </main>
    );
  }
  return <SeriesDetail series={series} />;
}

function BackButton() {
  const view = useConsoleStore((store) => store.view);
  const closeDetail = useConsoleStore((store) => store.closeDetail);
  return (
    <button type="button" className="button" data-testid="detail-back" onClick={closeDetail}>
      <span aria-hidden="true">← </span>Back to {VIEW_LABEL[view]}
      <span className="detail__key-hint"> (Esc)</span>
    </button>
  );
}

function SeriesDetail({ series }: { series: ConsoleSeries }) {
  const [range, setRange] = useState<DetailRange>(DEFAULT_RANGE);
  const heading = useRef<HTMLHeadingElement>(null);
  const { now, sample, at, status } = useLiveReading(series);
  const oldest = useConsoleStore((store) => store.points[series.key]?.t[0]);
  const alerts = useConsoleStore(
    useShallow((store) => store.alerts.filter((alert) => alert.seriesKey === series.key)),
  );
  const transitions = useConsoleStore(
    useShallow((store) => {
      const ids = new Set(
        store.alerts.filter((alert) => alert.seriesKey === series.key).map((a) => a.id),
      );
      return store.alertTimeline.filter((transition) => ids.has(transition.alertId));
    }),
  );

  const readOnly = useConsoleStore((store) => store.profile === 'display' || store.kiosk);

  useEffect(() => heading.current?.focus(), [series.key]);

  const value = sample
    ? formatValue(sample.v, series.unit)
    : { text: '–', unit: displayUnit(series.unit) };
  const { thresholds } = series;
  const start = now - range.ms;
  const shortHistory = oldest !== undefined && oldest > start + 5_000;
  const chartLabel = `${series.title} over the last ${range.label}, now ${value.text} ${value.unit}`;

  return (
    <main
      className={`detail detail--${status}`}
      data-testid="detail-view"
      data-series-key={series.key}
      aria-labelledby="detail-title"
    >
      <div className="detail__head">
        <BackButton />
        <h2 className="detail__title" id="detail-title" tabIndex={-1} ref={heading}>
          {series.title}
        </h2>
        <span className="detail__value" data-testid="detail-value">
          {value.text} <span className="detail__unit">{value.unit}</span>
        </span>
        <StatusBadge status={status} textTestId="detail-status" />
        <span className="detail__age">
          {sample ? formatAge(now - (at ?? sample.t)) : 'no samples'}
        </span>
        <div className="detail__ranges" role="group" aria-label="Time range">
          {DETAIL_RANGES.map((option) => (
            <button
              key={option.id}
              type="button"
              className="button"
              aria-pressed={option.id === range.id}
              data-testid={`range-${option.id}`}
              onClick={() => setRange(option)}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <div className="detail__body">
        <section className="detail__chart-area" aria-label="Chart">
          <DetailChart seriesKey={series.key} rangeMs={range.ms} label={chartLabel} />
          {shortHistory && (
            <p className="detail__history-note" data-testid="detail-history-note">
              History since {formatClock(oldest, now)} ({formatSpan(now - oldest)}): the console
              sends the last 15 min when it loads and gathers up to 6 h while it runs.
            </p>
          )}
        </section>
        <aside className="detail__side" aria-label="About this series">
          <dl className="detail__facts">
            <div>
              <dt>Level</dt>
              <dd>{LEVEL_HEADING[series.level]}</dd>
            </div>
            {series.service && (
              <div>
                <dt>Service</dt>
                <dd>{series.service}</dd>
              </div>
            )}
            <div>
              <dt>Endpoint</dt>
              <dd>{series.endpointId}</dd>
            </div>
            <div>
              <dt>Interval</dt>
              <dd>{formatSpan(series.intervalMs)}</dd>
            </div>
            {thresholds && (
              <div>
                <dt>Thresholds</dt>
                <dd>
                  warning {thresholds.direction === 'above' ? '≥' : '≤'}{' '}
                  {formatNumber(thresholds.warning)}, critical{' '}
                  {thresholds.direction === 'above' ? '≥' : '≤'} {formatNumber(thresholds.critical)}{' '}
                  {displayUnit(series.unit)}
                </dd>
              </div>
            )}
          </dl>
          {series.description && <p className="detail__description">{series.description}</p>}
          <h3 className="detail__heading">Deployments</h3>
          <DetailDeployments series={series} />
          <h3 className="detail__heading">Actions</h3>
          <DetailActions series={series} />
          <h3 className="detail__heading">Changes in this window</h3>
          <DetailChanges series={series} since={start} />
          <h3 className="detail__heading">Alert history</h3>
          <AlertTable
            alerts={alerts}
            caption={`Alerts of ${series.title}`}
            empty="No alerts for this series."
            readOnly={readOnly}
            testId="detail-alerts"
          />
          <AlertTimeline transitions={transitions} titled={false} limit={50} />
          <SeriesSamples series={series} />
        </aside>
      </div>
    </main>
  );
}
