import { fileNameOf } from '../../src/pages/station/reports/download.h5'
import { defaultsFor, progressPercent, progressText } from '../../src/pages/station/reports/report-ranges'

// The 导出与报表 page's small helpers: the file name from Content-Disposition, the progress words and
// bar, and the default ranges from a Beijing date (no browser needed).
describe('导出与报表 page helpers', () => {
  it('when the server names the file in UTF-8, then that Chinese name is used; otherwise the ASCII one or the fallback', () => {
    const name = '案件导出_星河广场_2026-03-01至2026-03-31.csv'
    expect(fileNameOf(`attachment; filename="_.csv"; filename*=UTF-8''${encodeURIComponent(name)}`, 'x')).toBe(name)
    expect(fileNameOf('attachment; filename="report.pdf"', 'x')).toBe('report.pdf')
    expect(fileNameOf(null, 'export')).toBe('export')
  })

  it('when a CSV streams, then the bar is rows of the total; an XLSX shows bytes and the total only', () => {
    expect(progressText({ bytes: 4096, rows: 12, total: 40 })).toBe('已接收 12 / 40 件（4 KB）')
    expect(progressPercent({ rows: 12, total: 40 })).toBe(30)
    expect(progressText({ bytes: 35 * 1024, rows: null, total: 40 })).toBe('已接收 35 KB（共 40 件）')
    expect(progressPercent({ rows: null, total: 40 })).toBeNull()
    expect(progressPercent({ rows: 0, total: 0 })).toBe(100)
  })

  it('when it is 5 January in Beijing, then exports default to this month so far, the month report to December, the quarter to Q4', () => {
    expect(defaultsFor(new Date('2027-01-04T17:00:00Z'))).toEqual({
      from: '2027-01-01',
      to: '2027-01-05',
      month: '2026-12',
      quarter: '2026-Q4',
    })
  })
})
