import { figuresDelta, monthsBefore, shanghaiMonth } from '../../src/domain/public-records/public-figures'
import type { Objection } from '../../src/domain/public-records/objection'
import { guardedRate, publishEntries, type PublicShop, type ShopMonth } from '../../src/domain/public-records/publication'

// The rules of the public page as pure functions: the threshold and the rule against small numbers,
// the window, the months an upheld objection withdraws, and the difference a pass adds.

const shop: PublicShop = { id: 's1', name: '甲店', uscc: '', industry: '食品', doubleCommitmentSigned: false }
const month = (m: string, over: Partial<ShopMonth> = {}): ShopMonth => ({
  merchantId: 's1',
  month: m,
  complaints: 0,
  closed: 0,
  settled: 0,
  responseOnTime: 0,
  responseLate: 0,
  ...over,
})
const upheld = (through: string): Objection => ({
  id: 'o1',
  siteId: 'x',
  merchantId: 's1',
  filedBy: 'clerk',
  reason: '数字有误',
  filedAt: '2026-03-01T00:00:00Z',
  periodThrough: through,
  status: 'upheld',
  decidedBy: 'st',
  decidedAt: '2026-03-02T00:00:00Z',
  decisionReason: '属实',
  withdrawnThrough: through,
})
const publish = (months: ShopMonth[], objections: Objection[] = [], threshold = 3) =>
  publishEntries({ shops: [shop], months, objections, threshold, currentMonth: '2026-03' })

describe('投诉信息公示 rules', () => {
  it('when a rate’s denominator is below N, then it is not shown; at N it is', () => {
    expect(guardedRate(2, 2, 3)).toBeNull()
    expect(guardedRate(2, 3, 3)).toBeCloseTo(2 / 3)
    expect(guardedRate(0, 0, 3)).toBeNull()
  })

  it('when complaints in the window are N−1, then the shop is absent; at N present, with rates guarded by their own denominators', () => {
    expect(publish([month('2026-03', { complaints: 2 })])).toEqual([])
    const [entry] = publish([
      month('2026-02', { complaints: 1, closed: 1, settled: 1 }),
      month('2026-03', { complaints: 2, responseOnTime: 3 }),
    ])
    expect(entry).toMatchObject({ complaints: 3, responseRate: 1, settlementRate: null })
  })

  it('when a month is older than the 12-month window, then it no longer counts', () => {
    expect(publish([month('2025-03', { complaints: 5 })])).toEqual([])
    expect(publish([month('2025-04', { complaints: 5 })])).toHaveLength(1)
  })

  it('when an objection was upheld through a month, then that month and earlier are withdrawn; later months count', () => {
    const months = [month('2026-02', { complaints: 3 }), month('2026-03', { complaints: 2 })]
    expect(publish(months, [upheld('2026-02')])).toEqual([])
    expect(publish([...months, month('2026-03', { complaints: 1 })], [upheld('2026-02')])).toMatchObject([{ complaints: 3 }])
  })

  it('when a pass finds counters moved, then it adds the difference since its mark (all of it on the first pass)', () => {
    const now = { total: 7, closed: 4, settled: 2, responseOnTime: 5, responseLate: 1 }
    expect(figuresDelta(null, now)).toEqual({ complaints: 7, closed: 4, settled: 2, responseOnTime: 5, responseLate: 1 })
    expect(figuresDelta({ ...now, total: 5, closed: 5 }, now)).toMatchObject({ complaints: 2, closed: -1, settled: 0 })
  })

  it('when the month is computed, then it is Shanghai’s, and months count back across a year', () => {
    expect(shanghaiMonth('2026-03-31T15:59:59Z')).toBe('2026-03')
    expect(shanghaiMonth('2026-03-31T16:00:00Z')).toBe('2026-04')
    expect(monthsBefore('2026-03', 11)).toBe('2025-04')
    expect(monthsBefore('2026-01', 1)).toBe('2025-12')
  })
})
