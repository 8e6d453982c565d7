// The parts of ECharts the console uses, registered once (modular imports keep
// the bundle to what is drawn: lines, a grid, mark lines and tooltips).
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
