// The detail view's chart: the chosen range, drawn by useLiveChart.
import { memo, useMemo, useRef } from 'react';
import { detailChartSpec } from './detail-chart-option';
import { useLiveChart } from '../../ui/chart/live-chart';

interface DetailChartProps {
  seriesKey: string;
  rangeMs: number;
  label: string;
}

export const DetailChart = memo(function DetailChart({
  seriesKey,
  rangeMs,
  label,
}: DetailChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const spec = useMemo(() => detailChartSpec(rangeMs), [rangeMs]);
  useLiveChart(ref, seriesKey, spec);
  return (
    <div
      ref={ref}
      className="detail__chart"
      data-testid="detail-chart"
      role="img"
      aria-label={label}
    />
  );
});
