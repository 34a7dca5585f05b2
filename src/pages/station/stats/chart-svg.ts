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

const COLORS = { line: '#1f6feb', bar: '#0b7a5a', text: '#1f2328', grid: '#d0d7de' }

/**
 * How a chart is drawn: `width` is the CSS width it will be shown at, so one SVG unit is one CSS pixel and
 * the chart's text is as large as the font size says (a chart drawn wider and shrunk to a phone would have
 * text too small to read). Larger type in 大字模式, like the rest of the page.
 */
export interface ChartFrame {
  width: number
  elderly: boolean
}

const fontOf = (elderly: boolean) => (elderly ? 20 : 14)

/** A drawn chart: its data URL and the height it was drawn at (shown at that height, scaled to fit). */
export interface ChartImage {
  src: string
  height: number
}

function render(option: echarts.EChartsCoreOption, width: number, height: number): ChartImage {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  chart.setOption({ animation: false, textStyle: { color: COLORS.text }, ...option })
  // the SVG's only stylesheet is ECharts' hover styles, which an image never uses
  const svg = chart.renderToSVGString().replace(/<style[\s\S]*?<\/style>/, '')
  chart.dispose()
  return { src: svgDataUrl(svg), height }
}

const axisLabel = (elderly: boolean) => ({ fontSize: fontOf(elderly), color: COLORS.text })

/** 每周投诉量: a line of cases per week. */
export function weeklyLine(weeks: readonly { label: string; volume: number }[], { width, elderly }: ChartFrame): ChartImage {
  return render(
    {
      grid: { left: 40, right: 16, top: 16, bottom: elderly ? 84 : 64 },
      xAxis: { type: 'category', data: weeks.map((w) => w.label), axisLabel: { ...axisLabel(elderly), rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: axisLabel(elderly), splitLine: { lineStyle: { color: COLORS.grid } } },
      series: [{ type: 'line', data: weeks.map((w) => w.volume), color: COLORS.line, symbolSize: 8, lineStyle: { width: 3 } }],
    },
    width,
    elderly ? 320 : 260,
  )
}

/** Horizontal bars (industry lines, problem types): one bar per value, largest at the top. */
export function horizontalBars(items: readonly { label: string; volume: number }[], { width, elderly }: ChartFrame): ChartImage {
  const rows = [...items].reverse() // ECharts draws the first category at the bottom
  const rowHeight = elderly ? 34 : 26
  // room for the longest label (Chinese characters are about one font size wide)
  const labelWidth = Math.max(...rows.map((r) => r.label.length), 2) * fontOf(elderly) + 12
  return render(
    {
      grid: { left: labelWidth, right: 40, top: 8, bottom: 32 },
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
    width,
    rows.length * rowHeight + 48,
  )
}

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** 星期 × 时段: cases by weekday (rows) and hour (columns). */
export function heatMap(cells: readonly { weekday: number; hour: number; volume: number }[], { width, elderly }: ChartFrame): ChartImage {
  const max = Math.max(1, ...cells.map((c) => c.volume))
  return render(
    {
      grid: { left: elderly ? 52 : 40, right: 8, top: 8, bottom: elderly ? 88 : 72 },
      xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), axisLabel: { ...axisLabel(elderly), interval: 5 } },
      yAxis: { type: 'category', data: WEEKDAY_LABELS, inverse: true, axisLabel: axisLabel(elderly) },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        itemHeight: Math.min(160, width / 2),
        textStyle: { fontSize: fontOf(elderly) },
        inRange: { color: ['#f6f8fa', '#9ecbff', '#0a3069'] },
      },
      series: [{ type: 'heatmap', data: cells.map((c) => [c.hour, c.weekday - 1, c.volume]) }],
    },
    width,
    elderly ? 340 : 280,
  )
}
