// One series on the wall: title, latest value, status, age and a live line.
// The whole tile opens the series' detail (a click anywhere, or Enter on its
// title button); in Arrange mode it shows its arranging controls instead.
// While it alerts, the endpoint's procedure is offered in a row of its own
// below the chart, never over the line it is about.
import { memo, useCallback, useMemo, useRef, type DragEvent, type MouseEvent } from 'react';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { useConsoleStore } from '../../store/console-store';
import { arrange } from './arrange-actions';
import { useAgeWords, useTileReading } from './tile-reading';
import { useTileContext } from './tile-context';
import { StatusBadge } from '../../ui/status-badge';
import { TileArrangeControls } from './tile-arrange-controls';
import { TileChart } from './tile-chart';
import { ProcedureSuggestion } from './procedure-suggestion';
import { displayUnit, valueVariants } from '../../ui/value-format';
import { useElementSize } from '../../ui/element-size';
import { TileFigure } from './tile-figure';
import { TileName } from './tile-name';
import type { TitleParts } from './title-parts';

export const DRAG_TYPE = 'application/x-watchfloor-series';

// Memoised: a band re-rendering (a new page, a new layout) leaves its other tiles be.
export const Tile = memo(function Tile({
  seriesKey,
  parts,
}: {
  seriesKey: string;
  parts: TitleParts | undefined;
}) {
  const series = useConsoleStore((store) => store.series[seriesKey]);
  if (!series) return null;
  return <SeriesTile series={series} parts={parts ?? { name: series.title, keep: '' }} />;
});

function SeriesTile({ series, parts }: { series: ConsoleSeries; parts: TitleParts }) {
  const tileRef = useRef<HTMLElement>(null);
  const size = useElementSize(tileRef);
  const reading = useTileReading(series);
  const { sample } = reading;
  const { linkDown, endpointLabel, arranging, hidden, level } = useTileContext(series);
  // Nothing can be arriving: whatever the last value said, it is not live.
  const status = linkDown && reading.status !== 'error' ? 'stale' : reading.status;
  const fullUnit = displayUnit(series.unit);
  const value = sample?.v;
  const variants = useMemo(
    () =>
      value !== undefined ? valueVariants(value, series.unit) : [{ text: '–', unit: fullUnit }],
    [value, series.unit, fullUnit],
  );
  const roomKey = `${Math.round(size.width)}x${Math.round(size.height)}`;
  // A value that is not live any more stays, but says so.
  const lastValue = sample !== undefined && (status === 'stale' || linkDown !== undefined);
  const figureId = `tile-figure-${series.key}`;
  const footId = `tile-foot-${series.key}`;

  // Stable, so the (memoised) name is not re-rendered, and re-measured, with each sample.
  const open = useCallback(
    (event: MouseEvent) => {
      if (arranging || event.defaultPrevented) return;
      event.preventDefault();
      useConsoleStore.getState().openDetail(series.key);
    },
    [arranging, series.key],
  );
  const drag = arranging
    ? {
        draggable: true,
        onDragStart: (event: DragEvent) => {
          event.dataTransfer.setData(DRAG_TYPE, series.key);
          event.dataTransfer.effectAllowed = 'move';
        },
        onDragOver: (event: DragEvent) => {
          if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
        },
        onDrop: (event: DragEvent) => {
          const dragged = event.dataTransfer.getData(DRAG_TYPE);
          if (!dragged) return;
          event.preventDefault();
          event.stopPropagation();
          arrange.before(dragged, series.key);
        },
      }
    : {};

  const classes = [
    'tile',
    `tile--${status}`,
    linkDown ? 'tile--link-down' : '',
    arranging ? 'tile--arranging' : '',
    hidden ? 'tile--hidden' : '',
  ];
  return (
    <article
      ref={tileRef}
      className={classes.filter(Boolean).join(' ')}
      data-testid="tile"
      data-series-key={series.key}
      data-endpoint-id={series.endpointId}
      data-status={status}
      data-sample-at={sample?.t}
      data-link-down={linkDown ? 'true' : undefined}
      data-hidden={hidden ? 'true' : undefined}
      onClick={open}
      {...drag}
    >
      <div className="tile__body">
        <h3
          className="tile__title"
          data-testid="tile-title"
          title={`${series.title} (${series.endpointId})`}
        >
          <TileName
            parts={parts}
            label={series.title}
            roomKey={`${roomKey}|${parts.chip ?? ''}|${hidden}|${arranging}|${endpointLabel ?? ''}`}
            describedBy={`${figureId} ${footId}`}
            {...(arranging ? {} : { onOpen: open })}
          />
          {parts.chip && (
            <span className="tile__chip" data-testid="tile-chip">
              {parts.chip}
            </span>
          )}
          {hidden && <span className="tile__hidden-tag">hidden</span>}
          {endpointLabel && (
            <span className="tile__endpoint" title={`Endpoint ${series.endpointId}`}>
              {endpointLabel}
            </span>
          )}
        </h3>
        <TileFigure
          id={figureId}
          variants={variants}
          fullUnit={fullUnit}
          roomKey={`${roomKey}|${status}`}
        />
        <div className="tile__chart-area">
          <TileChart seriesKey={series.key} />
          {linkDown || lastValue ? (
            <div className="tile__not-live" data-testid={linkDown ? 'tile-link-down' : undefined}>
              {linkDown && (
                <span className="tile__link-down" title={linkDown}>
                  <span aria-hidden="true">⚠ </span>link down
                </span>
              )}
              {lastValue && (
                <span className="tile__last-value" data-testid="tile-last-value">
                  last value
                </span>
              )}
            </div>
          ) : (
            series.error !== undefined && (
              <p className="tile__error" data-testid="tile-error" title={series.error}>
                <span className="tile__error-label">
                  <span aria-hidden="true">! </span>Series error:
                </span>{' '}
                {series.error}
              </p>
            )
          )}
          {arranging && (
            <TileArrangeControls
              seriesKey={series.key}
              title={series.title}
              level={level}
              hidden={hidden}
            />
          )}
        </div>
        {!arranging && <ProcedureSuggestion series={series} />}
        <div className="tile__foot" id={footId}>
          <StatusBadge status={status} textTestId="tile-status" />
          <TileAge at={reading.at ?? sample?.t} />
        </div>
      </div>
    </article>
  );
}

/** The age of the last sample: the one part of a tile that changes every second. */
const TileAge = memo(function TileAge({ at }: { at: number | undefined }) {
  return (
    <span className="tile__age" data-testid="tile-age">
      {useAgeWords(at)}
    </span>
  );
});
