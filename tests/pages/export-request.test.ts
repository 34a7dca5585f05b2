import { nextPartLabel, partDone } from '../../src/pages/station/reports/export-parts'
import { exportAction, exportPath } from '../../src/pages/station/reports/export-request'
import { progressPercent, progressText } from '../../src/pages/station/reports/report-ranges'

// One request, two platforms: H5 keeps the host's streaming routes (the same paths as before the
// mini-program got its actions), the mini-program calls the station function's action.
describe('导出与报表 requests', () => {
  const cases = { job: 'cases', from: '2026-03-01', to: '2026-03-31', format: 'csv', personal: true, siteId: 'site-a' } as const

  it('when H5 exports, then the paths are the host routes with the same query', () => {
    expect(exportPath(cases)).toBe('/export/cases?from=2026-03-01&to=2026-03-31&format=csv&personal=1&siteId=site-a')
    expect(exportPath({ ...cases, personal: false, siteId: undefined })).toBe('/export/cases?from=2026-03-01&to=2026-03-31&format=csv')
    expect(exportPath({ job: 'stats', from: '2026-03-01', to: '2026-03-31' })).toBe(
      '/export/stats?from=2026-03-01&to=2026-03-31&unit=month',
    )
    expect(exportPath({ job: 'monthly', month: '2026-03', siteId: 'site-a' })).toBe('/export/monthly.pdf?month=2026-03&siteId=site-a')
    expect(exportPath({ job: 'quarterly', quarter: '2026-Q1' })).toBe('/export/quarterly.pdf?quarter=2026-Q1')
  })

  it('when the mini-program exports, then each job is its station action with the same fields', () => {
    expect(exportAction(cases)).toEqual({
      action: 'exportCases',
      input: { from: '2026-03-01', to: '2026-03-31', format: 'csv', personal: true, siteId: 'site-a' },
    })
    expect(exportAction({ job: 'stats', from: '2026-03-01', to: '2026-03-31' })).toEqual({
      action: 'exportStats',
      input: { from: '2026-03-01', to: '2026-03-31', unit: 'month' },
    })
    expect(exportAction({ job: 'quarterly', quarter: '2026-Q1', siteId: '' })).toEqual({
      action: 'quarterlyReport',
      input: { quarter: '2026-Q1' },
    })
  })

  it('when the cloud function is still writing, then the words say 正在生成; while it downloads, the bar is bytes of the size', () => {
    expect(progressText({ stage: 'making', bytes: 0, rows: null, total: null })).toBe('正在生成文件，请稍候…')
    expect(progressPercent({ stage: 'making', rows: null, total: null })).toBeNull()
    const receiving = { stage: 'receiving', bytes: 4096, rows: null, total: 40, expectedBytes: 8192 } as const
    expect(progressText(receiving)).toBe('已接收 4 KB / 8 KB（共 40 件）')
    expect(progressPercent(receiving)).toBe(50)
  })

  it('when a case export comes as several files, then the page says which cases each holds and offers the next until the last', () => {
    expect(partDone({ index: 1, of: 2, total: 2400 }, 2000)).toBe('共 2400 件，分 2 个文件，已打开第 1 个（第 1–2000 件）')
    expect(nextPartLabel({ index: 1, of: 2, total: 2400 }, 2000)).toBe('导出第 2 个文件（第 2001–2400 件）')
    expect(nextPartLabel({ index: 2, of: 2, total: 2400 }, 2000)).toBeNull()
    expect(exportAction({ ...cases, part: 2, until: '2026-03-10T02:00:00.000Z' }).input).toMatchObject({
      part: 2,
      until: '2026-03-10T02:00:00.000Z',
    })
    expect(exportAction(cases).input).not.toHaveProperty('part')
  })
})
