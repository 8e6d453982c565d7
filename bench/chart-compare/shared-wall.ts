// Experiment for CMP (issue 22): the console's tile option for every chart, but
// all of them in ONE ECharts instance, a grid per chart placed at its cell's
// rectangle, and one merged setOption per animation frame for the charts that
// changed (matched by id). The question it answers: is ECharts' cost per
// instance (its model and update pipeline) what separates it from uPlot?
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { tileChartSpec } from '../../renderer/src/features/wall/tile-chart-option';
import { SLEEP_AFTER_STILL_FRAMES } from '../../renderer/src/ui/chart/chart-engine';
import type { MovingOption } from '../../renderer/src/ui/chart/chart-drawer';
import type { ChartFrame } from '../../renderer/src/ui/chart/chart-frame';
import { echarts } from '../../renderer/src/ui/chart/echarts-parts';

type Entry = Record<string, unknown>;
const first = (value: unknown): Entry => (Array.isArray(value) ? value[0] : value) as Entry;

export interface SharedWall {
  chart(index: number, element: HTMLElement): { draw(frame: ChartFrame): void };
}

/**
 * `gapMs` 0 flushes in the next frame; more holds every change for that long
 * (the latency a sample then waits), to see the cost per flush.
 */
export function sharedWall(host: HTMLElement, dirtyRect: boolean, gapMs = 0): SharedWall {
  const canvas = document.createElement('div');
  canvas.style.cssText = 'position:fixed;inset:0;pointer-events:none';
  document.body.append(canvas);
  const instance: ECharts = echarts.init(canvas, undefined, {
    renderer: 'canvas',
    useDirtyRect: dirtyRect,
  });
  instance.getZr().setSleepAfterStill(SLEEP_AFTER_STILL_FRAMES);
  const origin = host.getBoundingClientRect();
  let pending = new Map<number, ChartFrame>();
  let started = false;
  let frame: number | undefined;

  function whole(index: number, element: HTMLElement, current: ChartFrame): Entry[] {
    const option = tileChartSpec.full(current);
    const marks = tileChartSpec.marks(current).build();
    const rect = element.getBoundingClientRect();
    const grid = first(option.grid);
    return [
      {
        ...grid,
        id: `g${index}`,
        left: rect.left - origin.left + Number(grid.left ?? 0),
        top: rect.top - origin.top + Number(grid.top ?? 0),
        width: rect.width - Number(grid.left ?? 0) - Number(grid.right ?? 0),
        height: rect.height - Number(grid.top ?? 0) - Number(grid.bottom ?? 0),
      },
      { ...first(option.xAxis), id: `x${index}`, gridIndex: index },
      { ...first(option.yAxis), id: `y${index}`, gridIndex: index },
      {
        ...option.series[0],
        id: `s${index}`,
        xAxisIndex: index,
        yAxisIndex: index,
        markLine: marks,
      },
    ];
  }

  const elements: HTMLElement[] = [];
  function flush(): void {
    frame = undefined;
    const drawn = pending;
    pending = new Map();
    if (!started) {
      started = true;
      const parts = [...drawn].map(([index, current]) =>
        whole(index, elements[index] as HTMLElement, current),
      );
      const option: EChartsCoreOption = {
        animation: false,
        grid: parts.map((part) => part[0]),
        xAxis: parts.map((part) => part[1]),
        yAxis: parts.map((part) => part[2]),
        series: parts.map((part) => part[3]),
      };
      instance.setOption(option, { notMerge: true });
      return;
    }
    const xAxis: Entry[] = [];
    const series: Entry[] = [];
    for (const [index, current] of drawn) {
      const moving = tileChartSpec.data(current) as MovingOption;
      xAxis.push({ id: `x${index}`, min: moving.xAxis.min, max: moving.xAxis.max });
      series.push({ id: `s${index}`, data: moving.series[0]?.data });
    }
    instance.setOption({ xAxis, series });
  }

  return {
    chart(index, element) {
      elements[index] = element;
      return {
        draw(current) {
          pending.set(index, current);
          if (frame !== undefined) return;
          frame =
            started && gapMs > 0 ? window.setTimeout(flush, gapMs) : requestAnimationFrame(flush);
        },
      };
    },
  };
}
