// The latest samples of a series as a table: what the chart shows, in words,
// for screen readers and for anyone who needs the exact figures.
import { useState } from 'react';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { thresholdStatus } from '../../../../shared/rules/series-status';
import { useConsoleStore } from '../../store/console-store';
import { pairsSince } from '../../store/points-window';
import { formatClock, isoTime } from '../../ui/clock-format';
import { useNow } from '../../ui/now-ticker';
import { formatValue } from '../../ui/value-format';

const ROWS = 60;

export function SeriesSamples({ series }: { series: ConsoleSeries }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="samples"
      data-testid="series-samples"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>Latest {ROWS} samples as a table</summary>
      {open && <SamplesTable series={series} />}
    </details>
  );
}

function SamplesTable({ series }: { series: ConsoleSeries }) {
  const now = useNow();
  const points = useConsoleStore.getState().points[series.key];
  const from = points?.t[Math.max(0, points.t.length - ROWS)] ?? 0;
  const rows = pairsSince(points, from).reverse();
  return (
    <table className="samples__table">
      <caption className="visually-hidden">Latest samples of {series.title}</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Value</th>
          <th scope="col">Reads</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([t, v]) => {
          const value = formatValue(v, series.unit);
          return (
            <tr key={t} data-testid="sample-row" data-t={t} data-v={v}>
              <td>
                <time dateTime={isoTime(t)}>{formatClock(t, now)}</time>
              </td>
              <td>{`${value.text} ${value.unit}`.trim()}</td>
              <td>{thresholdStatus(v, series.thresholds)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
