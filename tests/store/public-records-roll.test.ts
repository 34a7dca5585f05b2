import type { Store } from '../../cloudfunctions/ports/store'
import { openTestStore } from '../support/test-deps'

// The store's roll of a shop's counters into the month's published figures: the difference since
// the last mark, once, however many passes run at the same moment.

const counts = (total: number) => ({ total, open: 0, closed: 0, settled: 0, responseStarted: 0, responseOnTime: 0, responseLate: 0 })

describe('rollPublicFigures', () => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  it('when two passes roll the same counters at once, then the difference is added once', async () => {
    const roll = (total: number, month: string) =>
      store.rollPublicFigures({ siteId: 'site-r', merchantId: 'shop-r', month, counts: counts(total), at: '2026-03-10T02:00:00Z' })
    expect(await roll(3, '2026-03')).toBe(true)
    const moved = await Promise.all([roll(5, '2026-03'), roll(5, '2026-03'), roll(5, '2026-03')])
    expect(moved.filter(Boolean)).toHaveLength(1)
    expect(await roll(5, '2026-03')).toBe(false) // nothing moved since
    await roll(6, '2026-04')
    const rows = await store.listPublicFigures('site-r', '2026-01', '2026-12')
    expect(rows.map((r) => [r.month, r.complaints]).sort()).toEqual([
      ['2026-03', 5],
      ['2026-04', 1],
    ])
  })
})
