// The parts of ECharts the console uses, registered once (modular imports keep
// the bundle to what is drawn: lines, a grid, mark lines and tooltips). Only
// chart-engine.ts loads this module, through import(): ECharts (half the
// renderer's code) is a chunk of its own, evaluated in a task of its own when
// the first chart asks for it, not in the task that evaluates the console.
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
