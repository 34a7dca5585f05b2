import { statsSheets } from '../../../src/domain/exports/stats-sheets'
import { periodMetrics } from '../../../src/domain/metrics/stats-charts'
import type { StatsView } from '../../../src/domain/metrics/stats-view.schema'

// 导出统计 with 按标签 (docs/tags.md): the tag bars are a sheet of their own, and the 说明 sheet says they do
// not add up to the total; a tag-filtered export names its tag and what it leaves out.
const base = {
  siteName: '星河广场',
  from: '2026-01-01',
  to: '2026-03-31',
  watermark: null,
  weekly: [],
  byIndustry: [],
  byProblemType: [],
  topMerchants: [],
  heatMap: null,
  tag: null,
  byTag: {
    months: { from: '2026-01-01', to: '2026-03-01' },
    bars: [
      { id: 'prepaid-card', name: '预付卡', volume: 3 },
      { id: 'elderly', name: '老年人', volume: 0 },
    ],
  },
}
// the figures of an empty quarter (the figures sheet reads them; this test looks at the others)
const { periods, total } = periodMetrics({ unit: 'month', from: base.from, to: base.to }, [], { merchants: [], complainants: [] })
// only the fields statsSheets reads
const viewOf = (over: object) => ({ ...base, periods, total, ...over }) as unknown as StatsView

describe('statistics export: by tag', () => {
  it('when the answer has tag bars, then they are a sheet, and 说明 says a case counts under each of its tags', () => {
    const sheets = statsSheets(viewOf({}))
    expect(sheets.find((s) => s.name === '按标签')).toEqual({
      name: '按标签',
      columns: ['标签', '受理量'],
      rows: [
        ['预付卡', 3],
        ['老年人', 0],
      ],
    })
    expect(JSON.stringify(sheets[0].rows)).toContain('各标签受理量之和不等于总受理量')
  })

  it('when the answer is filtered by a tag, then 说明 names the tag; without tag bars there is no tag sheet', () => {
    const sheets = statsSheets(viewOf({ tag: { id: 'elderly', name: '老年人' }, byTag: null }))
    expect(JSON.stringify(sheets[0].rows)).toContain('仅统计带“老年人”标签的案件')
    expect(sheets.map((s) => s.name)).not.toContain('按标签')
  })
})
