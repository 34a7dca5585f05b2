import { BarChart, HeatmapChart, LineChart } from 'echarts/charts'
import { GridComponent, VisualMapComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { svgDataUrl } from './svg-data-url'

// The statistics charts, drawn by ECharts in its server-side-rendering mode inside the page: no canvas and
// no DOM, just an SVG string, shown as an <image> in both builds (WeChat's image component takes SVG,
// docs/statistics-page.md). Only this page imports this file, so only its chunk (H5) or the station
// subpackage (weapp) carries ECharts, and only the parts used here.
echarts.use([LineChart, BarChart, HeatmapChart, GridComponent, VisualMapComponent, SVGRenderer])

// In the mini-program Taro provides a stand-in `document` whose elements have no canvas: text is then
// measured with ECharts' own width table instead (its fallback when there is no canvas at all).
if (process.env.TARO_ENV !== 'h5') echarts.setPlatformAPI({ createCanvas: () => undefined as unknown as HTMLCanvasElement })

export const CHART_WIDTH = 680

const COLORS = { line: '#1f6feb', bar: '#0b7a5a', text: '#1f2328', grid: '#d0d7de' }

/** Chart text size: larger in 大字模式, like the rest of the page. */
const fontOf = (elderly: boolean) => (elderly ? 22 : 16)

function render(option: echarts.EChartsCoreOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height })
  chart.setOption({ animation: false, textStyle: { color: COLORS.text }, ...option })
  // the SVG's only stylesheet is ECharts' hover styles, which an image never uses
  const svg = chart.renderToSVGString().replace(/<style[\s\S]*?<\/style>/, '')
  chart.dispose()
  return svgDataUrl(svg)
}

const axisLabel = (elderly: boolean) => ({ fontSize: fontOf(elderly), color: COLORS.text })

/** 每周投诉量: a line of cases per week. */
export function weeklyLine(weeks: readonly { label: string; volume: number }[], elderly: boolean): string {
  return render(
    {
      grid: { left: 56, right: 24, top: 24, bottom: 72 },
      xAxis: { type: 'category', data: weeks.map((w) => w.label), axisLabel: { ...axisLabel(elderly), rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: axisLabel(elderly), splitLine: { lineStyle: { color: COLORS.grid } } },
      series: [{ type: 'line', data: weeks.map((w) => w.volume), color: COLORS.line, symbolSize: 8, lineStyle: { width: 3 } }],
    },
    elderly ? 420 : 360,
  )
}

/** Horizontal bars (industry lines, problem types): one bar per value, largest at the top. */
export function horizontalBars(items: readonly { label: string; volume: number }[], elderly: boolean): string {
  const rows = [...items].reverse() // ECharts draws the first category at the bottom
  const rowHeight = elderly ? 40 : 32
  return render(
    {
      grid: { left: elderly ? 200 : 150, right: 48, top: 12, bottom: 36 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: axisLabel(elderly), splitLine: { lineStyle: { color: COLORS.grid } } },
      yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: axisLabel(elderly) },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.volume),
          color: COLORS.bar,
          label: { show: true, position: 'right', fontSize: fontOf(elderly), color: COLORS.text },
        },
      ],
    },
    rows.length * rowHeight + 56,
  )
}

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** 星期 × 时段: cases by weekday (rows) and hour (columns). */
export function heatMap(cells: readonly { weekday: number; hour: number; volume: number }[], elderly: boolean): string {
  const max = Math.max(1, ...cells.map((c) => c.volume))
  return render(
    {
      grid: { left: 64, right: 16, top: 12, bottom: 96 },
      xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), axisLabel: { ...axisLabel(elderly), interval: 2 } },
      yAxis: { type: 'category', data: WEEKDAY_LABELS, inverse: true, axisLabel: axisLabel(elderly) },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        itemHeight: 120,
        textStyle: { fontSize: fontOf(elderly) },
        inRange: { color: ['#f6f8fa', '#9ecbff', '#0a3069'] },
      },
      series: [{ type: 'heatmap', data: cells.map((c) => [c.hour, c.weekday - 1, c.volume]) }],
    },
    elderly ? 420 : 360,
  )
}
