import { csvCell } from '../../../cloudfunctions/adapters/exports/csv-table-writer'
import { CASE_COLUMNS, caseRow, type CaseRow } from '../../../src/domain/exports/case-columns'
import type { Merchant } from '../../../src/domain/merchant.schema'
import { ASOF, WORLD, type WorldCase } from '../metrics/world'

// The work-order columns of a case export, read off the hand-written statistics world (its comments
// give every date and clock result these expectations come from). No store, no font, no file.

const byId = (id: string): WorldCase => WORLD.find((w) => w.row.id === id)!
const SHOP: Merchant = {
  id: 'M1',
  siteId: 'S1',
  code: 'WDXG26',
  name: '味道小馆',
  industry: '食品',
  address: '星河路88号 B1-12',
  booth: 'B1-12',
  uscc: '91330106MA2K00001K',
  doubleCommitmentSigned: false,
  responseMinutes: 45,
  onSiteMinutes: 90,
  contactName: '周师傅',
  contactPhone: '13800000001',
}

const rowOf = (id: string, over: Partial<Parameters<typeof caseRow>[0]> = {}): Record<string, unknown> => {
  const w = byId(id)
  const row: CaseRow = caseRow({
    case: w.row,
    events: w.events,
    clocks: w.clocks,
    merchant: SHOP,
    complainant: 'masked',
    asOf: ASOF,
    ...over,
  })
  expect(row).toHaveLength(CASE_COLUMNS.length)
  return Object.fromEntries(CASE_COLUMNS.map((c, i) => [c, row[i]]))
}

describe('case export columns (12315 work order)', () => {
  it('when a case was settled with an accepted 50-yuan offer, then its row says so column by column', () => {
    const r = rowOf('C01')
    expect(r).toMatchObject({
      编号: 'KS-C01',
      登记时间: '2026年1月30日 10:00',
      渠道: '扫码投诉',
      类别: '投诉',
      被投诉方: '味道小馆',
      统一社会信用代码: '91330106MA2K00001K',
      被投诉方地址: '星河路88号 B1-12',
      行业: '食品',
      问题类别: '质量',
      状态: '已办结',
      结果代码: 'settled',
      办结结果: '双方自行和解',
      受理时间: '2026年1月30日 10:30',
      转商家时间: '2026年1月30日 10:40',
      商家答复时间: '2026年1月30日 11:00',
      办结时间: '2026年1月30日 11:30',
      回访时间: '2026年2月3日 10:00',
      是否按期: '按期',
      '挽回经济损失（元）': 50,
      评价: '满意（速度5，专业5，态度5）',
    })
  })

  it('when a case closed after its completion due date, then it reads 逾期办结; one nobody accepted yet reads 未计时', () => {
    expect(rowOf('C03')['是否按期']).toBe('逾期办结')
    expect(rowOf('C14')['是否按期']).toBe('未计时')
  })

  it('when the completion clock is still running past its due time, then it reads 逾期; before it, 办理中', () => {
    const w = byId('C01')
    const running = w.clocks.map((k) => (k.clockId === 'completion' ? { ...k, stage: 'running' as const, stoppedAt: null } : k))
    const at = (asOf: Date) => rowOf('C01', { clocks: running, asOf })['是否按期']
    const due = Date.parse(running.find((k) => k.clockId === 'completion')!.dueAt)
    expect([at(new Date(due - 1)), at(new Date(due))]).toEqual(['办理中', '逾期'])
  })

  it('when a mediation agreement of 200 yuan closed the case, then the money recovered is 200', () => {
    expect(rowOf('C02')['挽回经济损失（元）']).toBe(200)
  })

  it('when the complainant is masked, then only the family name and the phone ends remain; whole when allowed', () => {
    expect(rowOf('C01')).toMatchObject({ 投诉人: '张*', 投诉人电话: '138****8000' })
    expect(rowOf('C01', { complainant: 'full' })).toMatchObject({ 投诉人: '张三', 投诉人电话: '13800138000' })
  })

  it('when an anonymous report is exported, then the complainant reads 匿名举报 and the kind 举报', () => {
    const w = byId('C01')
    const report = { ...w.row, kind: 'report' as const, complainant: null }
    const row = caseRow({ case: report, events: w.events, clocks: w.clocks, merchant: SHOP, complainant: 'full', asOf: ASOF })
    expect([row[CASE_COLUMNS.indexOf('类别')], row[CASE_COLUMNS.indexOf('投诉人')]]).toEqual(['举报', '匿名举报'])
  })

  it('when the shop record is gone, then the name on the case is used and the code and address are empty', () => {
    expect(rowOf('C01', { merchant: null })).toMatchObject({ 被投诉方: 'M1', 统一社会信用代码: '', 被投诉方地址: '' })
  })

  it('when a CSV cell starts like a formula or holds a comma or quote, then it is neutralised and quoted', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+86 138')).toBe("'+86 138")
    expect(csvCell('退款, 道歉')).toBe('"退款, 道歉"')
    expect(csvCell(12.5)).toBe('12.5')
    expect(csvCell(null)).toBe('')
  })
})
