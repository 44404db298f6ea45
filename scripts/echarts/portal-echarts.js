// The parts of Apache ECharts the portal's pages use, and nothing else: the summaries' maps (map, geo, lines with
// arrows, a continuous visual map, tooltips) and the trend chart (stacked bars, a grid, a scrolling legend), drawn on
// canvas. Built by scripts/echarts/build into src/VocEdAlliance.Web/wwwroot/lib/echarts/echarts.portal.min.js.
import * as echarts from 'echarts/core';
import { BarChart, LinesChart, MapChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([MapChart, LinesChart, BarChart, GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent,
  CanvasRenderer]);
window.echarts = echarts;
