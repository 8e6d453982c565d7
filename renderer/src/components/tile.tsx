// One series on the wall: title, latest value, status, age and a live line.
import type { ConsoleSeries } from '../../../shared/console-api';
import { selectEndpointLabel } from '../store/console-selectors';
import { useConsoleStore } from '../store/console-store';
import { useLiveReading } from './live-reading';
import { StatusBadge } from './status-badge';
import { TileChart } from './tile-chart';
import { displayUnit, formatAge, formatValue } from './value-format';

/** True when no data can be arriving: the endpoint's link or our own is down. */
function useLinkDown(series: ConsoleSeries): boolean {
  return useConsoleStore((store) => {
    if (store.connection === 'lost') return true;
    const endpoint = store.endpoints.find((candidate) => candidate.id === series.endpointId);
    return endpoint?.state !== 'connected';
  });
}

export function Tile({ seriesKey }: { seriesKey: string }) {
  const series = useConsoleStore((store) => store.series[seriesKey]);
  if (!series) return null;
  return <SeriesTile series={series} />;
}

function SeriesTile({ series }: { series: ConsoleSeries }) {
  const { now, sample, status } = useLiveReading(series);
  const linkDown = useLinkDown(series);
  const endpointLabel = useConsoleStore(selectEndpointLabel(series.endpointId));
  const value = sample
    ? formatValue(sample.v, series.unit)
    : { text: '–', unit: displayUnit(series.unit) };
  const age = sample ? formatAge(now - sample.t) : 'no samples yet';
  return (
    <article
      className={`tile tile--${status}${linkDown ? ' tile--link-down' : ''}`}
      data-testid="tile"
      data-series-key={series.key}
      data-status={status}
    >
      <h3
        className="tile__title"
        data-testid="tile-title"
        title={`${series.title} (${series.endpointId})`}
      >
        {series.title}
      </h3>
      <div className="tile__figure">
        <span className="tile__value" data-testid="tile-value">
          {value.text}
        </span>
        <span className="tile__unit" data-testid="tile-unit" title={value.unit}>
          {value.unit}
        </span>
      </div>
      <div className="tile__chart-area">
        <TileChart seriesKey={series.key} />
        {linkDown && (
          <div className="tile__link-down" role="status">
            <span aria-hidden="true">⚠ </span>link down
          </div>
        )}
      </div>
      <div className="tile__foot">
        <StatusBadge status={status} textTestId="tile-status" />
        {endpointLabel && <span className="tile__endpoint">{endpointLabel}</span>}
        <span className="tile__age" data-testid="tile-age">
          {age}
        </span>
      </div>
    </article>
  );
}
