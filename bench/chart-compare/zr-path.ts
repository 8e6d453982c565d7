// Experiment only (?lib=echarts&knobs=zr): the console's tile chart, drawn in
// full by ECharts once, then each data draw only moves the line's and the
// area's zrender paths, mapped to pixels by this file instead of ECharts'
// option pipeline. Falls back to the drawer's merge when a value leaves the
// y axis' extent. Measures what per-draw CPU is left without the pipeline;
// not what the console does (no tooltip data, markers or axis rescaling).
import type { ECharts } from 'echarts/core';

interface PathElement {
  type: string;
  setShape(shape: { points: Float32Array; stackedOnPoints?: Float32Array }): void;
}
interface AxisModel {
  axis: { scale: { getExtent(): [number, number] } };
}
interface GridModel {
  coordinateSystem: { getRect(): { x: number; y: number; width: number; height: number } };
}
interface ModelLike {
  getComponent(type: string, index: number): unknown;
}
interface ZrLike {
  storage: { getDisplayList(update?: boolean): PathElement[] };
}

/** Moves the paths to (t, v) over [start, end]; false when ECharts must draw instead. */
export function zrPathDraw(
  chart: ECharts,
  t: number[],
  v: number[],
  start: number,
  end: number,
): boolean {
  const model = (chart as unknown as { getModel(): ModelLike }).getModel();
  const rect = (model.getComponent('grid', 0) as GridModel).coordinateSystem.getRect();
  const [low, high] = (model.getComponent('yAxis', 0) as AxisModel).axis.scale.getExtent();
  let first = 0;
  while (first < t.length && (t[first] as number) < start) first += 1;
  const points = new Float32Array((t.length - first) * 2);
  const stacked = new Float32Array(points.length);
  const bottom = rect.y + rect.height;
  for (let i = first, j = 0; i < t.length; i += 1, j += 2) {
    const value = v[i] as number;
    if (value < low || value > high) return false;
    const x = rect.x + (((t[i] as number) - start) / (end - start)) * rect.width;
    points[j] = stacked[j] = x;
    points[j + 1] = bottom - ((value - low) / (high - low)) * rect.height;
    stacked[j + 1] = bottom;
  }
  const list = (chart.getZr() as unknown as ZrLike).storage.getDisplayList();
  const line = list.find((el) => el.type === 'ec-polyline');
  const area = list.find((el) => el.type === 'ec-polygon');
  if (!line) return false;
  line.setShape({ points });
  area?.setShape({ points, stackedOnPoints: stacked });
  chart.getZr().refresh();
  return true;
}
