import type { Caller } from '../../src/domain/identity'
import { StatsQuerySchema } from '../../src/domain/metrics/stats-query.schema'
import { deleteStatsQuery, listStatsQueries, saveStatsQuery } from '../../cloudfunctions/services/stats-saved-queries'
import { MemoryStatsStore } from '../support/memory-stats-store'

// 保存的查询 over the TEST DOUBLE of the StatsStore port: each staff member's list is their own.
const staff = (id: string, role: 'station' | 'regulator' | 'proxy'): Caller => ({
  subject: `${id}-openid`,
  memberships: [],
  staff: { staffId: id, role, siteId: role === 'regulator' ? null : 'S1', displayName: id },
})
const QUERY = StatsQuerySchema.parse({
  view: 'custom',
  unit: 'quarter',
  from: '2026-01-01',
  to: '2026-06-30',
  industry: '食品',
  problemType: '预付式消费',
})

describe('saved statistics queries', () => {
  let n = 0
  const store = new MemoryStatsStore([])
  const deps = { store, clock: { now: () => new Date('2026-03-20T04:00:00Z') }, ids: { newId: () => `q-${++n}` } }
  const as = (caller: Caller) => ({ caller, deps })

  it('when a station saves a query by name, then it is listed for it alone, read back as it was saved', async () => {
    const saved = await saveStatsQuery(as(staff('st-1', 'station')), { name: '2026上半年 餐饮 预付卡', query: QUERY })
    expect(saved).toEqual({
      ok: true,
      data: { id: 'q-1', name: '2026上半年 餐饮 预付卡', query: QUERY, savedAt: '2026-03-20T04:00:00.000Z' },
    })
    expect(await listStatsQueries(as(staff('st-1', 'station')))).toEqual({ ok: true, data: { items: [saved.ok && saved.data] } })
    expect(await listStatsQueries(as(staff('st-2', 'station')))).toEqual({ ok: true, data: { items: [] } })
  })

  it('when the same name is saved again, then that query is replaced, not doubled', async () => {
    const again = await saveStatsQuery(as(staff('st-1', 'station')), { name: '2026上半年 餐饮 预付卡', query: { ...QUERY, unit: 'month' } })
    expect(again).toMatchObject({ ok: true, data: { id: 'q-1', query: { unit: 'month' } } })
    const list = await listStatsQueries(as(staff('st-1', 'station')))
    expect(list.ok && list.data.items.map((i) => i.id)).toEqual(['q-1'])
  })

  it('when someone else deletes it, then STATS_QUERY_NOT_FOUND and it stays; its owner deletes it', async () => {
    expect(await deleteStatsQuery(as(staff('st-2', 'station')), 'q-1')).toMatchObject({
      ok: false,
      error: { code: 'STATS_QUERY_NOT_FOUND' },
    })
    expect(await deleteStatsQuery(as(staff('reg-1', 'regulator')), 'q-1')).toMatchObject({
      ok: false,
      error: { code: 'STATS_QUERY_NOT_FOUND' },
    })
    expect(await deleteStatsQuery(as(staff('st-1', 'station')), 'q-1')).toEqual({ ok: true, data: { id: 'q-1' } })
    expect(await listStatsQueries(as(staff('st-1', 'station')))).toEqual({ ok: true, data: { items: [] } })
  })

  it('when a proxy desk or a shopper tries, then refused', async () => {
    expect(await saveStatsQuery(as(staff('px-1', 'proxy')), { name: 'x', query: QUERY })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await listStatsQueries(as({ subject: 'u', memberships: [] }))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('when a stored query no longer fits the schema, then it is left out of the list instead of breaking the page', async () => {
    await store.saveStatsQuery({
      id: 'old',
      ownerId: 'st-9',
      name: '旧查询',
      spec: { unit: 'year', from: '2025-01-01' },
      savedAt: '2026-01-01T00:00:00Z',
    })
    expect(await listStatsQueries(as(staff('st-9', 'station')))).toEqual({ ok: true, data: { items: [] } })
  })
})
