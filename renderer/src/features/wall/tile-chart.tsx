// A tile's live line: a div that useLiveChart draws into.
import { memo, useRef } from 'react';
import { tileChartSpec } from './tile-chart-option';
import { useLiveChart } from '../../ui/chart/live-chart';

// Memoised: the tile re-renders with each sample, the chart never needs to.
export const TileChart = memo(function TileChart({ seriesKey }: { seriesKey: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLiveChart(ref, seriesKey, tileChartSpec);
  return <div ref={ref} className="tile__chart" data-testid="tile-chart" aria-hidden="true" />;
});
