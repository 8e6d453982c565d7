// A value axis that spans the data and both limits, so the distance to
// trouble is always on screen.
import type { Thresholds } from '../../../../shared/protocol';

export interface Extent {
  min: number;
  max: number;
}

export function axisRange(extent: Extent, thresholds: Thresholds | undefined): Extent {
  const limits = thresholds ? [thresholds.warning, thresholds.critical] : [];
  // With no data yet ECharts passes an infinite extent.
  const values = [extent.min, extent.max, ...limits].filter(Number.isFinite);
  if (values.length === 0) return { min: 0, max: 1 };
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.05 || 1;
  return { min: low - pad, max: high + pad };
}
